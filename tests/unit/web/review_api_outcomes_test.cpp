// What assessments add up to through the API: the outcome of a submitted assessment (fit per
// area with the statement ids behind each figure, readiness with its blockers by area), self
// and manager side by side, and progress over cycles; with the errors each can give.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "review_api_support.hpp"

namespace rung::web {
namespace {

using testing::body_of;
using testing::PeopleWorld;
using testing::Session;

class OutcomesApi : public ::testing::Test {
 protected:
  std::string person_path(std::string_view rest) {
    return fmt::format("/api/v1/people/{}{}", world.ed, rest);
  }
  std::string outcome_of(store::Id aid) {
    return person_path(fmt::format("/assessments/{}/outcome", aid));
  }

  PeopleWorld world;
  Session ed = world.sign_in("ed@example.com");
  Session mona = world.sign_in("mona@example.com");
  Session nick = world.sign_in("nick@example.com");
};

// Mona's assessment of Ed (swe-2) rates swe-2-role-1 "consistently" and nothing else; the
// policy meets at "consistently" and needs 0.8 of each area.
TEST_F(OutcomesApi, TheOutcomeListsTheStatementsBehindEveryFigure) {
  const Response answer = world.get(outcome_of(world.mona_done), &ed);
  ASSERT_EQ(answer.status, 200) << answer.body;
  const Json outcome = body_of(answer);
  EXPECT_EQ(outcome["level"], "swe-2");
  const Json& fit = outcome["fit"];
  EXPECT_EQ(fit["met"], 1);
  EXPECT_EQ(fit["total"], 7);
  EXPECT_EQ(fit["percent_met"], 14);
  EXPECT_EQ(fit["areas"][0], (Json{{"area", "role"},
                                   {"met", {"swe-2-role-1"}},
                                   {"not_met", Json::array()},
                                   {"unrated", {"swe-2-role-2"}},
                                   {"percent_met", 50}}));
  const Json& readiness = outcome["readiness"];
  EXPECT_EQ(readiness["ready"], false);
  EXPECT_EQ(readiness["areas"][0],
            (Json{{"area", "role"}, {"total", 2}, {"met", 1}, {"needed", 2}, {"ready", false}}));
  ASSERT_EQ(readiness["blockers"].size(), 4U);
  EXPECT_EQ(readiness["blockers"][0],
            (Json{{"area", "role"}, {"missing", 1}, {"statements", {"swe-2-role-2"}}}));
  EXPECT_EQ(readiness["blockers"][2]["statements"],
            (Json{"swe-2-delivery-1", "swe-2-delivery-2", "swe-2-delivery-3"}));
}

TEST_F(OutcomesApi, AnOutcomeNeedsASubmittedAssessmentTheViewerMaySee) {
  testing::expect_refused(
      world, {
                 {"GET", outcome_of(world.ed_draft), &ed, "", 409, "review.not-submitted"},
                 {"GET", outcome_of(world.ed_draft), &mona, "", 403, "review.forbidden"},
                 {"GET", outcome_of(999), &ed, "", 404, "not-found"},
                 {"GET", outcome_of(world.mona_done), &nick, "", 404, "not-found"},
             });
}

TEST_F(OutcomesApi, SideBySideShowsTheDraftToItsAuthorAndNoSummaryYet) {
  const Json mine = body_of(world.get(person_path("/side-by-side"), &ed));
  EXPECT_EQ(mine["level"], "swe-2");
  EXPECT_EQ(mine["self"]["id"], world.ed_draft);
  EXPECT_EQ(mine["manager"]["id"], world.mona_done);
  ASSERT_EQ(mine["rows"].size(), 7U);
  EXPECT_EQ(mine["rows"][0]["manager_rating"], "consistently");
  EXPECT_EQ(mine["rows"][0]["self_rating"], nullptr);
  EXPECT_EQ(mine["summary"], nullptr);
  EXPECT_EQ(mine["flagged"], Json::array());
  const Json theirs = body_of(world.get(person_path("/side-by-side"), &mona));
  EXPECT_EQ(theirs["self"], nullptr);
  const Json senior = body_of(world.get(person_path("/side-by-side?level=swe-3"), &ed));
  EXPECT_EQ(senior["level"], "swe-3");
  EXPECT_EQ(senior["manager"], nullptr);
  testing::expect_refused(
      world,
      {
          {"GET", person_path("/side-by-side?level=swe-9"), &ed, "", 404, "ladder.unknown-level"},
          {"GET", person_path("/side-by-side"), &nick, "", 404, "not-found"},
          {"GET", person_path("/side-by-side?grade=3"), &ed, "", 400, "bad-query"},
      });
}

TEST_F(OutcomesApi, ProgressHasAPointPerSubmittedAssessmentInACycle) {
  const Json progress = body_of(world.get(person_path("/progress"), &ed));
  EXPECT_EQ(progress["person"], world.ed);
  ASSERT_EQ(progress["points"].size(), 1U);
  EXPECT_EQ(progress["points"][0], (Json{{"cycle", world.cycle},
                                         {"cycle_name", "2026 H2"},
                                         {"role", "manager"},
                                         {"assessment", world.mona_done},
                                         {"level", "swe-2"},
                                         {"met", 1},
                                         {"total", 7},
                                         {"percent_met", 14}}));
  testing::expect_refused(world, {{"GET", person_path("/progress"), &nick, "", 404, "not-found"}});
}

}  // namespace
}  // namespace rung::web
