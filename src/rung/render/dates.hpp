#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "rung/core/utc.hpp"

// Dates and times as people write them, for every page: "5 Dec 2026", "5 Dec 2026, 21:40 UTC".
// The API and exports keep ISO 8601 (core/utc.hpp); these are for text a person reads.
// Header-only (small, and a new .cpp would reshuffle every unity batch after it).
namespace rung::render {

namespace dates_detail {

inline std::string day_of(std::chrono::sys_days days) {
  static constexpr std::array<std::string_view, 12> k_months{
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::chrono::year_month_day day{days};
  return fmt::format("{} {} {}", static_cast<unsigned>(day.day()),
                     k_months[static_cast<unsigned>(day.month()) - 1],
                     static_cast<int>(day.year()));
}

inline std::chrono::sys_days days_of(std::int64_t millis) {
  return std::chrono::floor<std::chrono::days>(
      std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(millis)));
}

}  // namespace dates_detail

// The day of `millis` (milliseconds since the Unix epoch, UTC): "5 Dec 2026".
inline std::string date_text(std::int64_t millis) {
  return dates_detail::day_of(dates_detail::days_of(millis));
}

// The day and the minute, in UTC: "5 Dec 2026, 21:40 UTC".
inline std::string date_time_text(std::int64_t millis) {
  const std::chrono::sys_time<std::chrono::milliseconds> at{std::chrono::milliseconds(millis)};
  const std::chrono::sys_days day = dates_detail::days_of(millis);
  const std::chrono::hh_mm_ss time{std::chrono::floor<std::chrono::minutes>(at - day)};
  return fmt::format("{}, {:02}:{:02} UTC", dates_detail::day_of(day), time.hours().count(),
                     time.minutes().count());
}

// A "YYYY-MM-DD" (or ISO timestamp) read as a day: "5 Dec 2026". Text that is not such a date
// comes back unchanged, and "" stays "".
inline std::string date_text(std::string_view iso) {
  const auto at = parse_utc(iso.substr(0, 10));
  return at ? date_text(*at) : std::string(iso);
}

}  // namespace rung::render
