// Calibration sessions on the web (web/calibration/, docs/calibration.md), through the App in
// process: a calibrator's pre-vote form answers 303 back to the person and the vote is shown
// to its author only; a calibrator of another session gets 404; the facilitator's "Open the
// discussion" shows every vote and locks Mona's manager assessment of Ed (her withdraw form
// is refused with the lock's message); a calibration without a reason re-renders the page
// with the error and stores nothing; one with a reason is listed as a decision; the API shows
// the same session; the cycle's list and the viewer's own list lead to it.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::has;
using testing::PeopleWorld;
using testing::Session;

class CalibrationPages : public ::testing::Test {
 protected:
  std::string session_page() { return fmt::format("/sessions/{}", world.session); }
  std::string v() {
    return std::to_string((*world.store->calibration_session(world.session))->version);
  }

  PeopleWorld world;
  Session cara = world.sign_in("cara@example.com");
  Session carl = world.sign_in("carl@example.com");
  Session mona = world.sign_in("mona@example.com");
  Session admin = world.sign_in("admin");
};

TEST_F(CalibrationPages, ACalibratorPreVotesAndOnlyTheyseeTheirVoteUntilTheDiscussionOpens) {
  const Response page = world.get(session_page(), &cara);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "Ed Engineer"));
  EXPECT_TRUE(has(page, "Your pre-vote on Ed Engineer&#39;s manager outcome"));
  EXPECT_EQ(world.get(session_page(), &carl).status, 404);
  EXPECT_EQ(world.get(session_page(), &mona).status, 404);

  const Response voted = world.post(session_page() + "/votes", &cara,
                                    {{"subject", "outcome"},
                                     {"subject_id", std::to_string(world.ed)},
                                     {"vote", "disagree"},
                                     {"note", "Generous <b>delivery</b>"},
                                     {"version", "0"},
                                     {"person", std::to_string(world.ed)}});
  ASSERT_EQ(voted.status, 303) << voted.body;
  EXPECT_EQ(testing::header(voted, "Location"),
            fmt::format("{}#person-{}", session_page(), world.ed));
  const Response mine = world.get(session_page(), &cara);
  EXPECT_TRUE(has(mine, "You disagree on the outcome: “Generous &lt;b&gt;delivery&lt;/b&gt;”"));
  const Response facilitator = world.get(session_page(), &admin);
  EXPECT_TRUE(has(facilitator, "1 pre-vote cast"));
  EXPECT_FALSE(has(facilitator, "Generous")) << "the facilitator sees the count only";

  ASSERT_EQ(world.post(session_page() + "/open", &admin, {{"version", v()}}).status, 303);
  EXPECT_TRUE(has(world.get(session_page(), &admin), "cara@example.com disagrees"));
  EXPECT_TRUE(has(world.get(session_page(), &admin), "Generous"));
  EXPECT_FALSE(has(world.get(session_page(), &cara), "Save my pre-vote"));
}

TEST_F(CalibrationPages, WhileDiscussingTheManagerAssessmentIsLockedAndCalibrationsNeedAReason) {
  ASSERT_EQ(world.post(session_page() + "/open", &admin, {{"version", v()}}).status, 303);
  const Response withdrawn =
      world.post(fmt::format("/people/{}/assessments/{}/withdraw", world.ed, world.mona_done),
                 &mona, {{"reason", "submitted by mistake"}});
  EXPECT_EQ(withdrawn.status, 409);
  EXPECT_TRUE(has(withdrawn, "locked while the calibration session"));

  const auto fields = [&](std::string reason) {
    return std::vector<std::pair<std::string, std::string>>{{"person", std::to_string(world.ed)},
                                                            {"statement", "swe-2-role-1"},
                                                            {"scale", "sometimes"},
                                                            {"reason", std::move(reason)}};
  };
  const Response refused = world.post(session_page() + "/calibrations", &admin, fields(" "));
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused, "say why the rating or outcome is calibrated"));
  EXPECT_TRUE(world.store->calibration_decisions(world.session)->empty());

  const Response done =
      world.post(session_page() + "/calibrations", &admin, fields("One project only."));
  ASSERT_EQ(done.status, 303) << done.body;
  ASSERT_EQ(world
                .post(session_page() + "/calibrations", &admin,
                      {{"person", std::to_string(world.ed)},
                       {"statement", "outcome"},
                       {"outcome", "ready"},
                       {"reason", "Agreed in the room."}})
                .status,
            303);
  const Response page = world.get(session_page(), &cara);
  EXPECT_TRUE(has(page, "Consistently → <strong>Sometimes</strong>. One project only."));
  EXPECT_TRUE(has(page, "calibrated: Ready for the next level"));
  EXPECT_EQ(world.store->calibration_decisions(world.session)->size(), 2U);

  const Response api = world.get(fmt::format("/api/v1/sessions/{}", world.session), &cara);
  ASSERT_EQ(api.status, 200);
  const auto body = Json::parse(api.payload());
  EXPECT_EQ(body["state"], "discussing");
  EXPECT_EQ(body["people"].size(), 2U);

  ASSERT_EQ(world.post(session_page() + "/close", &admin, {{"version", v()}}).status, 303);
  EXPECT_EQ(world
                .post(fmt::format("/people/{}/assessments/{}/withdraw", world.ed, world.mona_done),
                      &mona, {{"reason", "submitted by mistake"}})
                .status,
            303);
}

TEST_F(CalibrationPages, TheCyclesListAndTheViewersOwnListLeadToTheSession) {
  const Response listed = world.get(fmt::format("/cycles/{}/sessions", world.cycle), &cara);
  ASSERT_EQ(listed.status, 200);
  EXPECT_TRUE(has(listed, fmt::format("<a href=\"{}\">Mona&#39;s team</a>", session_page())));
  EXPECT_FALSE(has(listed, "Nick&#39;s team"));
  EXPECT_FALSE(has(listed, "Create a session"));
  const Response all = world.get(fmt::format("/cycles/{}/sessions", world.cycle), &admin);
  EXPECT_TRUE(has(all, "Nick&#39;s team"));
  EXPECT_TRUE(has(all, "Create a session"));
  EXPECT_TRUE(has(world.get("/sessions", &carl), "Nick&#39;s team"));
  EXPECT_TRUE(has(world.get("/sessions", &mona), "You are not part of any calibration session"));
}

}  // namespace
}  // namespace rung::web
