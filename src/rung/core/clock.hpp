#pragma once

#include <cstdint>
#include <functional>

// The wall clock, as the one number rung stores and compares times in.
namespace rung {

using Millis = std::int64_t;  // milliseconds since the Unix epoch, UTC

// The system clock now, in milliseconds since the Unix epoch.
Millis system_now();

// A source of the time now. Services take one so that tests can pass a fake; the default is
// system_now.
using Clock = std::function<Millis()>;

}  // namespace rung
