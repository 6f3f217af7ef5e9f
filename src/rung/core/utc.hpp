#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Instants as milliseconds since the Unix epoch (UTC), written and read as ISO 8601 text.
namespace rung {

// "2026-11-28T21:40:03Z" (seconds; the milliseconds are dropped).
std::string format_utc(std::int64_t millis);

// "2026-11-28 21:40 UTC": an instant for logs and operators, to the minute.
std::string utc_minute(std::int64_t millis);

// Which end of a day a plain date stands for when parsed.
enum class DayEdge { start, end };

// Reads "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" (UTC; the 'Z' may be left out, a space may
// stand for the 'T'). A plain date is the start of that day, or with DayEdge::end the start
// of the next day (so an exclusive upper bound includes the whole day). nullopt when the text
// is not such a date or names a day that does not exist (2026-02-30).
std::optional<std::int64_t> parse_utc(std::string_view text, DayEdge edge = DayEdge::start);

}  // namespace rung
