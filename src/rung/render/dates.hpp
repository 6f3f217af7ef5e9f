#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// Dates and times as people write them, for every page: "5 Dec 2026", "5 Dec 2026, 21:40 UTC".
// The API and exports keep ISO 8601 (core/utc.hpp); these are for text a person reads.
namespace rung::render {

// The day of `millis` (milliseconds since the Unix epoch, UTC): "5 Dec 2026".
std::string date_text(std::int64_t millis);

// The day and the minute, in UTC: "5 Dec 2026, 21:40 UTC".
std::string date_time_text(std::int64_t millis);

// A "YYYY-MM-DD" (or ISO timestamp) read as a day: "5 Dec 2026". Text that is not such a date
// comes back unchanged, and "" stays "".
std::string date_text(std::string_view iso);

}  // namespace rung::render
