// L004 missing-area, L005 thin-level, L006 unused-area.
#include <gtest/gtest.h>

#include "ladder_builder.hpp"

namespace rung::lint {
namespace {

using testing::clean_ladder;
using testing::findings;

TEST(MissingArea, ReportsAnAreaTheLevelBelowHas) {
  auto b = clean_ladder();
  b.level_ref("swe-3").areas.pop_back();  // no "craft" at swe-3
  auto found = findings(b.build(), "L004");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].element, "swe-3");
  EXPECT_EQ(found[0].loc, b.level_ref("swe-3").loc);
  EXPECT_EQ(found[0].message,
            "Senior Software Engineer (swe-3) has no statements in \"Craft\", which the level "
            "below, Software Engineer II (swe-2), has");
}

TEST(MissingArea, ListsEveryMissingAreaInOneFinding) {
  auto b = clean_ladder();
  b.area("impact", "Impact");
  b.level_ref("swe-2").areas.push_back({"impact", {{"swe-2-impact-1", "You ship.", {}, {}}}, {}});
  b.level_ref("swe-3").areas.pop_back();
  auto found = findings(b.build(), "L004");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("in \"Craft\" or \"Impact\""), std::string::npos);
}

TEST(MissingArea, AnAreaThatStartsAtAHigherLevelIsFine) {
  auto b = clean_ladder();
  b.area("leadership", "Leadership");
  b.level_ref("swe-3").areas.push_back(
      {"leadership", {{"swe-3-leadership-1", "You lead the design of features.", {}, {}}}, {}});
  EXPECT_TRUE(findings(b.build(), "L004").empty());
}

TEST(ThinLevel, ReportsALevelWithoutStatements) {
  auto b = clean_ladder();
  b.use_track("swe").level("swe-4", "Staff Software Engineer", "4");
  auto found = findings(b.build(), "L005");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "Staff Software Engineer (swe-4) has no statements");
}

TEST(ThinLevel, ReportsALevelFarSmallerThanItsSiblings) {
  auto b = clean_ladder();
  b.use_track("swe").level("swe-4", "Staff Software Engineer", "4");
  b.statements("role", {"You lead the design of systems across teams."});
  auto found = findings(b.build(), "L005");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "Staff Software Engineer (swe-4) has only 1 statement; the other levels of track "
            "'swe' have 4 (median)");
  b.statements("craft", {"You set the standards for code and design across teams."});
  EXPECT_TRUE(findings(b.build(), "L005").empty());  // 2 is half of 4: not "far fewer"
}

TEST(ThinLevel, ReportsAnEmptyAreaBlockAndSkipsSharingLevels) {
  auto b = clean_ladder();
  b.use_track("mgr").level("mgr-2", "Director of Engineering", "4").shares("mgr-1");
  b.level_ref("swe-2").areas[1].statements.clear();
  auto found = findings(b.build(), "L005");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "area \"Craft\" of Software Engineer II (swe-2) has no statements");
  EXPECT_EQ(found[0].loc, b.level_ref("swe-2").areas[1].loc);
}

TEST(UnusedArea, ReportsADeclaredAreaNoLevelUses) {
  auto b = clean_ladder();
  b.area("impact", "Impact");
  auto found = findings(b.build(), "L006");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].element, "impact");
  EXPECT_EQ(found[0].loc, b.data().areas.back().loc);
  EXPECT_EQ(found[0].message,
            "area \"Impact\" (impact) is declared but no level has statements in it");
}

}  // namespace
}  // namespace rung::lint
