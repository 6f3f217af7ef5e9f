#include "rung/core/utc.hpp"

#include <gtest/gtest.h>

namespace rung {
namespace {

constexpr std::int64_t k_day = 86'400'000;

TEST(Utc, FormatsMillisAsIso8601) {
  EXPECT_EQ(format_utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_utc(1'709'164'799'999), "2024-02-28T23:59:59Z");
  EXPECT_EQ(format_utc(1'709'164'800'000 + 3'723'000), "2024-02-29T01:02:03Z");
}

TEST(Utc, ParsesADateAsTheStartOrTheEndOfThatDay) {
  EXPECT_EQ(parse_utc("1970-01-01"), 0);
  EXPECT_EQ(parse_utc("1970-01-01", DayEdge::end), k_day);
  EXPECT_EQ(parse_utc("2024-02-29"), 1'709'164'800'000);
  EXPECT_EQ(parse_utc("2024-02-29", DayEdge::end), 1'709'164'800'000 + k_day);
}

TEST(Utc, ParsesATimeOfDayWithOrWithoutZ) {
  EXPECT_EQ(parse_utc("2024-02-29T01:02:03Z"), 1'709'164'800'000 + 3'723'000);
  EXPECT_EQ(parse_utc("2024-02-29 01:02:03"), 1'709'164'800'000 + 3'723'000);
  // A full time is an instant; the day edge does not move it.
  EXPECT_EQ(parse_utc("2024-02-29T01:02:03Z", DayEdge::end), 1'709'164'800'000 + 3'723'000);
  EXPECT_EQ(format_utc(*parse_utc("2026-11-28T21:40:03Z")), "2026-11-28T21:40:03Z");
}

TEST(Utc, RefusesWhatIsNotADayThatExists) {
  for (const char* text : {"", "2026", "2026-2-3", "2026-02-30", "2023-02-29", "2026-13-01",
                           "26-11-28", "28/11/2026", "2026-11-28T24:00:00Z", "2026-11-28T10:00",
                           "2026-11-28X10:00:00", "2026-11-28T10:00:00+01:00", "２０２６-11-28"}) {
    EXPECT_EQ(parse_utc(text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace rung

namespace rung {
namespace {

TEST(Utc, WritesAnInstantForOperatorsToTheMinute) {
  const std::int64_t at = *parse_utc("2026-11-28T21:40:59Z");
  EXPECT_EQ(utc_minute(at), "2026-11-28 21:40 UTC");
  // Before 1970 the minute is still the one the instant falls in.
  EXPECT_EQ(utc_minute(-1), "1969-12-31 23:59 UTC");
}

}  // namespace
}  // namespace rung
