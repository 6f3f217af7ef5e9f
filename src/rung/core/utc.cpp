#include "rung/core/utc.hpp"

#include <charconv>
#include <chrono>

#include <fmt/format.h>

namespace rung {

namespace {

using namespace std::chrono;

// Reads exactly `width` digits at `pos`.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) {
    return std::nullopt;
  }
  int value = 0;
  const char* first = text.data() + pos;
  const auto [end, error] = std::from_chars(first, first + width, value);
  if (error != std::errc{} || end != first + width) {
    return std::nullopt;
  }
  return value;
}

std::optional<sys_days> parse_day(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const auto y = digits(text, 0, 4);
  const auto m = digits(text, 5, 2);
  const auto d = digits(text, 8, 2);
  if (!y || !m || !d) {
    return std::nullopt;
  }
  const year_month_day day{year{*y}, month{static_cast<unsigned>(*m)},
                           std::chrono::day{static_cast<unsigned>(*d)}};
  if (!day.ok()) {
    return std::nullopt;
  }
  return sys_days{day};
}

// "HH:MM:SS" with an optional trailing 'Z'.
std::optional<seconds> parse_time(std::string_view text) {
  if (text.ends_with('Z')) {
    text.remove_suffix(1);
  }
  if (text.size() != 8 || text[2] != ':' || text[5] != ':') {
    return std::nullopt;
  }
  const auto h = digits(text, 0, 2);
  const auto m = digits(text, 3, 2);
  const auto s = digits(text, 6, 2);
  if (!h || !m || !s || *h > 23 || *m > 59 || *s > 59) {
    return std::nullopt;
  }
  return hours{*h} + minutes{*m} + seconds{*s};
}

}  // namespace

namespace {

// An instant cut into its UTC day and time of day (to the second).
struct UtcParts {
  year_month_day date;
  hh_mm_ss<seconds> time;

  int year() const { return static_cast<int>(date.year()); }
  unsigned month() const { return static_cast<unsigned>(date.month()); }
  unsigned day() const { return static_cast<unsigned>(date.day()); }
};

UtcParts utc_parts(std::int64_t millis) {
  const sys_time<milliseconds> at{milliseconds{millis}};
  const auto day = floor<days>(at);
  return UtcParts{year_month_day{day}, hh_mm_ss{floor<seconds>(at - day)}};
}

}  // namespace

std::string utc_minute(std::int64_t millis) {
  const UtcParts at = utc_parts(millis);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02} UTC", at.year(), at.month(), at.day(),
                     at.time.hours().count(), at.time.minutes().count());
}

std::string format_utc(std::int64_t millis) {
  const UtcParts at = utc_parts(millis);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", at.year(), at.month(), at.day(),
                     at.time.hours().count(), at.time.minutes().count(), at.time.seconds().count());
}

std::optional<std::int64_t> parse_utc(std::string_view text, DayEdge edge) {
  const auto day = parse_day(text);
  if (!day) {
    return std::nullopt;
  }
  if (text.size() == 10) {
    const auto start = edge == DayEdge::end ? *day + days{1} : *day;
    return duration_cast<milliseconds>(start.time_since_epoch()).count();
  }
  if (text[10] != 'T' && text[10] != ' ') {
    return std::nullopt;
  }
  const auto time = parse_time(text.substr(11));
  if (!time) {
    return std::nullopt;
  }
  return duration_cast<milliseconds>((*day + *time).time_since_epoch()).count();
}

}  // namespace rung
