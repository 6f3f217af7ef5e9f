// L008 placeholder-text, L009 foreign-vocabulary.
#include <gtest/gtest.h>

#include "ladder_builder.hpp"

namespace rung::lint {
namespace {

using testing::clean_ladder;
using testing::findings;

class Placeholder : public ::testing::TestWithParam<std::string> {};

TEST_P(Placeholder, IsReportedInAStatement) {
  auto b = clean_ladder();
  b.level_ref("swe-2").areas[0].statements[1].text = GetParam();
  auto found = findings(b.build(), "L008");
  ASSERT_EQ(found.size(), 1u) << GetParam();
  EXPECT_EQ(found[0].element, "swe-2-role-2");
  EXPECT_EQ(found[0].severity, Severity::error);
}

INSTANTIATE_TEST_SUITE_P(Markers, Placeholder,
                         ::testing::Values("TODO", "TBD.", "You FIXME later", "XXX",
                                           "You xxxx and TBA", "Lorem ipsum dolor sit amet",
                                           "You ??? the team", "Statements to be defined"));

TEST(PlaceholderText, OrdinaryWordsAreNotMarkers) {
  auto b = clean_ladder();
  b.level_ref("swe-2").areas[0].statements[1].text =
      "You keep your todo list short and know what is still tbd? for the team.";
  EXPECT_TRUE(findings(b.build(), "L008").empty());
}

TEST(PlaceholderText, ChecksTitlesAndNamesToo) {
  auto b = clean_ladder();
  b.level_ref("swe-3").title = "TBD";
  b.data().areas[1].name = "Craft (TODO)";
  auto found = findings(b.build(), "L008");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].message, "the name of area 'craft' is placeholder text (\"TODO\")");
  EXPECT_EQ(found[1].message, "the title of level 'swe-3' is placeholder text (\"TBD\")");
}

// The clean ladder plus a level written in words no other level uses, as the built-in
// ladder's Staff Reliability Engineer is.
testing::LadderBuilder with_joke_level() {
  auto b = clean_ladder();
  b.use_track("swe").level("swe-4", "Staff Software Engineer", "4");
  b.statements("role", {"You save the planet from alien invasions.", "You have laser eyes."});
  b.statements("craft", {"You can fly at supersonic speed.", "You can time travel."});
  return b;
}

TEST(ForeignVocabulary, ReportsALevelWhoseWordsNoOtherLevelUses) {
  auto b = with_joke_level();
  auto found = findings(b.build(), "L009");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].element, "swe-4");
  EXPECT_EQ(found[0].message,
            "Staff Software Engineer (swe-4): 100% of its content words (11 of 11) occur in no "
            "other level of the ladder, against 25% for the median level: save, planet, alien, "
            "invasions, laser, eyes, ...");
}

TEST(ForeignVocabulary, RealStatementsWithAFewNewWordsPass) {
  auto b = clean_ladder();
  b.use_track("swe").level("swe-4", "Staff Software Engineer", "4");
  b.statements("role", {"You lead the design of systems across teams and choose technologies.",
                        "You mentor senior engineers and help teams plan their work."});
  b.statements("craft", {"You set the code and design standards across teams.",
                         "You find the problems behind recurring bugs before they ship."});
  EXPECT_TRUE(findings(b.build(), "L009").empty());
}

TEST(ForeignVocabulary, NothingStandsOutWhenNoLevelsShareTheirWording) {
  // A small ladder of one short statement per level: most words occur once anywhere, so a
  // high share is normal here and no level stands out.
  testing::LadderBuilder b;
  b.area("craft", "Craft");
  b.track("analyst", "Analyst");
  b.level("analyst-1", "Analyst").statements("craft", {"You write SQL and check the numbers."});
  b.level("analyst-2", "Senior Analyst")
      .statements("craft", {"You model data and choose the right chart for a question."});
  b.level("analyst-3", "Lead Analyst")
      .statements("craft", {"You set the metric definitions the company reports on."});
  b.level("analyst-4", "Principal Analyst")
      .statements("craft", {"You agree priorities with the heads of business units."});
  EXPECT_TRUE(findings(b.build(), "L009").empty());
  Options eager;
  eager.foreign_vocabulary_contrast = 1.0;  // the share alone would flag every level
  EXPECT_EQ(findings(b.build(), "L009", eager).size(), 4u);
}

TEST(ForeignVocabulary, NeedsARestOfTheLadderToCompareWith) {
  testing::LadderBuilder b;
  b.area("role", "Role");
  b.track("t", "Track");
  b.level("t-1", "Engineer I").statements("role", {"You save the planet from alien invasions."});
  b.level("t-2", "Engineer II").statements("role", {"You have laser eyes and fly at speed."});
  EXPECT_TRUE(findings(b.build(), "L009").empty());
}

}  // namespace
}  // namespace rung::lint
