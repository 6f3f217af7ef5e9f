// L010 experience-order, L011 experience-gap, L012 experience-overlap, L016 missing-experience.
#include <gtest/gtest.h>

#include "ladder_builder.hpp"

namespace rung::lint {
namespace {

using testing::clean_ladder;
using testing::findings;

// The clean ladder's swe track with these ranges for swe-1..swe-3 (nullopt max = open).
model::Ladder with_ranges(std::vector<std::pair<int, std::optional<int>>> ranges) {
  auto b = clean_ladder();
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    auto& e = *b.level_ref("swe-" + std::to_string(i + 1)).experience;
    e.min_years = ranges[i].first;
    e.max_years = ranges[i].second;
  }
  return b.build();
}

TEST(ExperienceOrder, ReportsAnInvertedRange) {
  auto found = findings(with_ranges({{0, 2}, {5, 3}, {6, {}}}), "L010");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].element, "swe-2");
  EXPECT_EQ(found[0].message,
            "the experience range of Software Engineer II (swe-2) ends before it starts (5-3)");
}

TEST(ExperienceOrder, ReportsAMinimumBelowTheLevelBelow) {
  auto found = findings(with_ranges({{0, 2}, {3, 5}, {2, {}}}), "L010");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].element, "swe-3");
  EXPECT_EQ(found[0].message,
            "Senior Software Engineer (swe-3, 2+ years) asks for less experience than the level "
            "below, Software Engineer II (swe-2, 3-5 years)");
}

TEST(ExperienceGap, ReportsYearsNoLevelCovers) {
  auto found = findings(with_ranges({{0, 2}, {4, 5}, {6, {}}}), "L011");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].element, "swe-2");
  EXPECT_EQ(found[0].message,
            "there is a gap between Software Engineer II (swe-2, 4-5 years) and the level below, "
            "Software Engineer I (swe-1, 0-2 years): no level of the track covers year 3");
  EXPECT_EQ(found[0].hint, "let swe-2 start at 3 years, or extend the range below");
}

TEST(ExperienceGap, WholeYearRangesThatMeetLeaveNoGapAndMinimumsNeverDo) {
  EXPECT_TRUE(findings(with_ranges({{0, 2}, {3, 5}, {6, {}}}), "L011").empty());
  EXPECT_TRUE(findings(with_ranges({{0, {}}, {4, {}}, {10, {}}}), "L011").empty());
}

TEST(ExperienceOverlap, IsANoteWithTheSharedYears) {
  auto found = findings(with_ranges({{0, 3}, {2, 6}, {8, {}}}), "L012");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::note);
  EXPECT_EQ(found[0].message,
            "Software Engineer II (swe-2, 2-6 years) overlaps the level below, Software Engineer "
            "I (swe-1, 0-3 years), in years 2-3");
  EXPECT_EQ(found[0].loc,
            model::Ladder(clean_ladder().data()).find_level("swe-2")->experience->loc);
}

TEST(ExperienceOverlap, ReportsTheSameMinimumButNotRisingMinimums) {
  auto same = findings(with_ranges({{0, 2}, {3, {}}, {3, {}}}), "L012");
  ASSERT_EQ(same.size(), 1u);
  EXPECT_NE(same[0].message.find("asks for the same experience"), std::string::npos);
  EXPECT_TRUE(findings(with_ranges({{0, {}}, {4, {}}, {10, {}}}), "L012").empty());
}

TEST(Experience, OverlapNeverFailsAStrictRun) {
  Report report = lint(with_ranges({{0, 3}, {2, 6}, {5, {}}}));
  EXPECT_EQ(report.count(Severity::note), 2u);
  EXPECT_TRUE(passes(report, Strict::yes));
}

TEST(MissingExperience, ReportsALevelWithoutARangeAmongLevelsWithOne) {
  auto b = clean_ladder();
  b.level_ref("swe-2").experience.reset();
  auto found = findings(b.build(), "L016");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].element, "swe-2");
  EXPECT_NE(found[0].message.find("the level below says"), std::string::npos) << found[0].message;
  EXPECT_NE(found[0].message.find("the level above"), std::string::npos) << found[0].message;
}

TEST(MissingExperience, ATrackWhereNoLevelStatesExperienceIsFine) {
  auto b = clean_ladder();
  for (const char* id : {"swe-1", "swe-2", "swe-3"}) {
    b.level_ref(id).experience.reset();
  }
  for (const auto& d : findings(b.build(), "L016")) {
    EXPECT_FALSE(d.element.starts_with("swe-")) << d.element;
  }
  EXPECT_TRUE(findings(clean_ladder().build(), "L016").empty());
}

}  // namespace
}  // namespace rung::lint
