// L007 repeated-statement.
#include <gtest/gtest.h>

#include "ladder_builder.hpp"

namespace rung::lint {
namespace {

using testing::clean_ladder;
using testing::findings;

std::string& text_of(testing::LadderBuilder& b, const std::string& level, std::size_t area,
                     std::size_t index) {
  return b.level_ref(level).areas.at(area).statements.at(index).text;
}

TEST(RepeatedStatement, ReportsAWordForWordRepeatAtTheLevelAbove) {
  auto b = clean_ladder();
  text_of(b, "swe-2", 1, 0) = "You ask for code reviews and learn from them";  // swe-1 craft 2
  auto found = findings(b.build(), "L007");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].element, "swe-2-craft-1");
  EXPECT_EQ(found[0].loc, b.level_ref("swe-2").areas[1].statements[0].loc);
  EXPECT_EQ(found[0].message,
            "this statement repeats, word for word, 'swe-1-craft-2' (line " +
                std::to_string(b.level_ref("swe-1").areas[1].statements[1].loc.line) +
                ") of the level below, Software Engineer I (swe-1)");
}

TEST(RepeatedStatement, ReportsANearRepeatWithItsSimilarity) {
  auto b = clean_ladder();
  text_of(b, "swe-1", 0, 0) =
      "You build small features for the product, with guidance from senior engineers, and "
      "test them carefully before they ship.";
  text_of(b, "swe-2", 0, 0) =
      "You build small features for the product with guidance from senior engineers and "
      "carefully test them before shipping them.";
  auto found = findings(b.build(), "L007");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("nearly repeats (similarity 1.00) 'swe-1-role-1'"),
            std::string::npos);
}

TEST(RepeatedStatement, OneChangedWordIsProgressionNotARepeat) {
  auto b = clean_ladder();
  text_of(b, "swe-1", 0, 0) =
      "You have an intermediate understanding of the underlying OS and infrastructure your "
      "code runs on.";
  text_of(b, "swe-2", 0, 0) =
      "You have a strong understanding of the underlying OS and infrastructure your code runs "
      "on.";
  EXPECT_TRUE(findings(b.build(), "L007").empty());
}

TEST(RepeatedStatement, ComparesAcrossAreasButOnlyConsecutiveLevelsOfOneTrack) {
  auto b = clean_ladder();
  text_of(b, "swe-2", 0, 1) = "You write clean code and tests for it.";  // swe-1 craft, in role
  EXPECT_EQ(findings(b.build(), "L007").size(), 1u);
  auto far = clean_ladder();
  text_of(far, "swe-3", 0, 1) = "You write clean code and tests for it.";  // two levels up
  text_of(far, "mgr-1", 0, 1) = "You fix bugs across the code base.";      // other track
  EXPECT_TRUE(findings(far.build(), "L007").empty());
}

TEST(RepeatedStatement, ALevelThatSharesADescriptionIsNotARepeat) {
  auto b = clean_ladder();
  b.use_track("mgr").level("mgr-2", "Director of Engineering", "4").shares("mgr-1");
  EXPECT_TRUE(findings(b.build(), "L007").empty());
}

TEST(RepeatedStatement, ThresholdIsAnOption) {
  auto b = clean_ladder();
  text_of(b, "swe-1", 0, 0) =
      "You have an intermediate understanding of the underlying OS and infrastructure.";
  text_of(b, "swe-2", 0, 0) =
      "You have a strong understanding of the underlying OS and infrastructure.";
  Options loose;
  loose.near_duplicate_similarity = 0.65;  // the pair scores 4/6
  EXPECT_EQ(findings(b.build(), "L007", loose).size(), 1u);
}

}  // namespace
}  // namespace rung::lint
