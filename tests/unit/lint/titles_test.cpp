// L001 duplicate-title, L002 title-mismatch, L003 unknown-title.
#include <gtest/gtest.h>

#include "ladder_builder.hpp"

namespace rung::lint {
namespace {

using testing::clean_ladder;
using testing::findings;

TEST(DuplicateTitle, ReportsTheSecondLevelWithTheSameTitle) {
  auto b = clean_ladder();
  b.level_ref("swe-2").title = "Software Engineer I";
  auto found = findings(b.build(), "L001");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].element, "swe-2");
  EXPECT_EQ(found[0].loc, b.level_ref("swe-2").loc);
  EXPECT_EQ(found[0].severity, Severity::error);
  EXPECT_EQ(found[0].message,
            "title \"Software Engineer I\" is used twice in track 'swe': by Software Engineer I "
            "(swe-1) and by Software Engineer I (swe-2)");
}

TEST(DuplicateTitle, ChecksDetailTitlesToo) {
  auto b = clean_ladder();
  b.level_ref("swe-1").detail_title = "Software Engineer";
  b.level_ref("swe-2").detail_title = "Software Engineer";
  auto found = findings(b.build(), "L001");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].element, "swe-2");
  EXPECT_NE(found[0].message.find("by the detail page of Software Engineer I (swe-1) and by the "
                                  "detail page of Software Engineer II (swe-2)"),
            std::string::npos);
  EXPECT_NE(found[0].hint.find("\"Software Engineer I\" and \"Software Engineer II\""),
            std::string::npos);
}

TEST(DuplicateTitle, IgnoresCaseAndPunctuationButNotOtherTracks) {
  auto b = clean_ladder();
  b.level_ref("swe-2").title = "software engineer i.";
  EXPECT_EQ(findings(b.build(), "L001").size(), 1u);
  auto other = clean_ladder();
  other.level_ref("mgr-1").title = "Software Engineer I";
  EXPECT_TRUE(findings(other.build(), "L001").empty());
}

TEST(DuplicateTitle, LevelsThatShareOneDescriptionMayShareItsTitle) {
  auto b = clean_ladder();
  b.use_track("mgr").level("mgr-2", "Director of Engineering", "4").shares("mgr-1");
  b.level_ref("mgr-1").detail_title = "Engineering Manager / Director of Engineering";
  b.level_ref("mgr-2").detail_title = "Engineering Manager / Director of Engineering";
  EXPECT_TRUE(findings(b.build(), "L001").empty());
  EXPECT_TRUE(findings(b.build(), "L002").empty());
}

TEST(TitleMismatch, ReportsADetailTitleThatDiffersFromTheOverview) {
  auto b = clean_ladder();
  b.level_ref("swe-3").detail_title = "Senior Engineer";
  auto found = findings(b.build(), "L002");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].element, "swe-3");
  EXPECT_EQ(found[0].message,
            "the overview calls level 'swe-3' \"Senior Software Engineer\", its detail page "
            "\"Senior Engineer\"");
  b.level_ref("swe-3").detail_title = "senior software engineer";
  EXPECT_TRUE(findings(b.build(), "L002").empty());
}

TEST(UnknownTitle, NamesTheClosestRealTitle) {
  auto b = clean_ladder();
  b.level_ref("mgr-1").areas[0].statements[0].text =
      "You have the technical skills of a Senior Software Developer.";
  auto found = findings(b.build(), "L003");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].element, "mgr-1-role-1");
  EXPECT_EQ(found[0].message,
            "statement names \"Senior Software Developer\", which is not a title in this ladder");
  EXPECT_EQ(found[0].hint, "did you mean \"Senior Software Engineer\"?");
}

TEST(UnknownTitle, AcceptsRealTitlesTrackNamesAndPlurals) {
  auto b = clean_ladder();
  b.level_ref("mgr-1").areas[0].statements[0].text =
      "You grow Senior Software Engineers into Engineering Managers and hire a Software "
      "Engineer II.";
  EXPECT_TRUE(findings(b.build(), "L003").empty());
}

TEST(UnknownTitle, PrefersTheTitleOfALevelTheStatementRefersTo) {
  auto b = clean_ladder();
  auto& statement = b.level_ref("mgr-1").areas[0].statements[0];
  statement.text = "You have the skills of a Software Developer.";
  statement.refs = {"swe-3"};
  auto found = findings(b.build(), "L003");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].hint, "did you mean \"Senior Software Engineer\"?");
}

TEST(UnknownTitle, ReportsALevelNumberTheTrackDoesNotHave) {
  auto b = clean_ladder();
  b.level_ref("swe-3").areas[0].statements[0].text = "You perform at level 4 in design.";
  auto found = findings(b.build(), "L003");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "statement names level 4, which track 'swe' does not have");
  EXPECT_EQ(found[0].hint, "the levels of track 'swe' are numbered 1 to 3");
  b.level_ref("swe-3").areas[0].statements[0].text = "You perform at level 2 in design.";
  EXPECT_TRUE(findings(b.build(), "L003").empty());
}

}  // namespace
}  // namespace rung::lint
