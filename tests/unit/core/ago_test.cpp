#include "rung/core/ago.hpp"

#include <gtest/gtest.h>

namespace rung {
namespace {

constexpr Millis k_one_day = 86'400'000;
constexpr Millis k_now = 1'750'000'000'000;

std::string days_ago(Millis days) {
  return ago(k_now - days * k_one_day, k_now);
}

TEST(Ago, SaysElapsedWholeDaysInWords) {
  EXPECT_EQ(ago(k_now, k_now), "today");
  EXPECT_EQ(ago(k_now - k_one_day + 1, k_now), "today");
  EXPECT_EQ(days_ago(1), "yesterday");
  EXPECT_EQ(days_ago(2), "2 days ago");
  EXPECT_EQ(days_ago(13), "13 days ago");
  EXPECT_EQ(days_ago(14), "2 weeks ago");
  EXPECT_EQ(days_ago(21), "3 weeks ago");
  EXPECT_EQ(days_ago(59), "8 weeks ago");
  EXPECT_EQ(days_ago(60), "2 months ago");
  EXPECT_EQ(days_ago(364), "12 months ago");
  EXPECT_EQ(days_ago(365), "1 year ago");
  EXPECT_EQ(days_ago(729), "1 year ago");
  EXPECT_EQ(days_ago(730), "2 years ago");
  EXPECT_EQ(days_ago(3650), "10 years ago");
}

TEST(Ago, AnInstantAfterNowIsToday) {
  EXPECT_EQ(ago(k_now + 5 * k_one_day, k_now), "today");
}

}  // namespace
}  // namespace rung
