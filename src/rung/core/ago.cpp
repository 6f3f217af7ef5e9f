#include "rung/core/ago.hpp"

#include <fmt/format.h>

namespace rung {

std::string ago(Millis then, Millis now) {
  constexpr Millis k_day = 24LL * 60 * 60 * 1000;
  const Millis days = now > then ? (now - then) / k_day : 0;
  const auto count = [](Millis n, const char* unit) {
    return fmt::format("{} {}{} ago", n, unit, n == 1 ? "" : "s");
  };
  if (days == 0) {
    return "today";
  }
  if (days == 1) {
    return "yesterday";
  }
  if (days < 14) {
    return count(days, "day");
  }
  if (days < 60) {
    return count(days / 7, "week");
  }
  if (days < 365) {
    return count(days / 30, "month");
  }
  return count(days / 365, "year");
}

}  // namespace rung
