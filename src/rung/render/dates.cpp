#include "rung/render/dates.hpp"

#include <array>
#include <chrono>

#include <fmt/format.h>

#include "rung/core/utc.hpp"

namespace rung::render {

namespace {

namespace chrono = std::chrono;

constexpr std::array<std::string_view, 12> k_months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string day_of(chrono::sys_days days) {
  const chrono::year_month_day day{days};
  return fmt::format("{} {} {}", static_cast<unsigned>(day.day()),
                     k_months[static_cast<unsigned>(day.month()) - 1],
                     static_cast<int>(day.year()));
}

chrono::sys_days days_of(std::int64_t millis) {
  return chrono::floor<chrono::days>(
      chrono::sys_time<chrono::milliseconds>(chrono::milliseconds(millis)));
}

}  // namespace

std::string date_text(std::int64_t millis) {
  return day_of(days_of(millis));
}

std::string date_time_text(std::int64_t millis) {
  const chrono::sys_time<chrono::milliseconds> at{chrono::milliseconds(millis)};
  const chrono::sys_days day = days_of(millis);
  const chrono::hh_mm_ss time{chrono::floor<chrono::minutes>(at - day)};
  return fmt::format("{}, {:02}:{:02} UTC", day_of(day), time.hours().count(),
                     time.minutes().count());
}

std::string date_text(std::string_view iso) {
  const auto at = parse_utc(iso.substr(0, 10));
  return at ? date_text(*at) : std::string(iso);
}

}  // namespace rung::render
