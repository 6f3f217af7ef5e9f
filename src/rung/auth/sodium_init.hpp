#pragma once

// libsodium must be initialised once before any of its functions is used. The auth functions
// call this themselves; it is cheap after the first call and safe from any thread. Throws
// std::runtime_error when libsodium cannot start (no usable random source), which ends the
// command or request at its edge.
namespace rung::auth {

void ensure_sodium();

}  // namespace rung::auth
