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
  EXPECT_FALSE(has(page, ".: ")) << "a decision line joins the statement and its change once";
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

TEST_F(CalibrationPages, CalibratedFiguresShowBesideTheSubmittedOnes) {
  ASSERT_EQ(world.post(session_page() + "/open", &admin, {{"version", v()}}).status, 303);
  ASSERT_EQ(world
                .post(session_page() + "/calibrations", &admin,
                      {{"person", std::to_string(world.ed)},
                       {"statement", "swe-2-role-1"},
                       {"scale", "sometimes"},
                       {"reason", "One project only."}})
                .status,
            303);
  ASSERT_EQ(world
                .post(session_page() + "/calibrations", &admin,
                      {{"person", std::to_string(world.ed)},
                       {"statement", "outcome"},
                       {"outcome", "ready"},
                       {"reason", "Agreed in the room."}})
                .status,
            303);
  // Side by side: the submitted rating stays, the calibrated one beside it with its reason.
  const Response side = world.get(fmt::format("/people/{}/side-by-side", world.ed), &mona);
  ASSERT_EQ(side.status, 200);
  EXPECT_TRUE(has(side, "Calibrated: <strong>Sometimes</strong>"));
  EXPECT_TRUE(has(side, "title=\"One project only. (Mona&#39;s team)\""));
  EXPECT_TRUE(has(side, "<strong>Ready for the next level</strong>, where it was submitted as"));
  const auto api = Json::parse(
      world.get(fmt::format("/api/v1/people/{}/side-by-side", world.ed), &mona).payload());
  EXPECT_EQ(api["calibration"]["outcome"]["calibrated"], "ready");
  EXPECT_EQ(api["calibration"]["ratings"][0]["statement"], "swe-2-role-1");

  // Team readiness: page, API and CSV.
  const std::string readiness = fmt::format("/people/{}/team/readiness", world.mona);
  const Response team = world.get(readiness, &mona);
  ASSERT_EQ(team.status, 200);
  EXPECT_TRUE(has(team, "Calibrated: Ready for the next level"));
  EXPECT_TRUE(has(team, "title=\"Calibrated: Agreed in the room.\""));
  const auto team_api = Json::parse(
      world.get(fmt::format("/api/v1/people/{}/team/readiness", world.mona), &mona).payload());
  bool found = false;
  for (const auto& row : team_api["rows"]) {
    if (row["person"]["id"] == world.ed) {
      found = true;
      EXPECT_TRUE(row["calibration"]["outcome"]["submitted"].is_string());
      EXPECT_EQ(row["calibration"]["outcome"]["calibrated"], "ready");
    }
  }
  EXPECT_TRUE(found);
  const std::string csv(world.get(readiness + ".csv", &mona).payload());
  EXPECT_NE(csv.find(",open_case,calibrated_outcome,calibrated_ratings,calibration_reason\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find(",ready,1,Agreed in the room.\r\n"), std::string::npos) << csv;
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

TEST_F(CalibrationPages, AnAdminChangesAPreparedSessionThroughItsForm) {
  EXPECT_TRUE(has(world.get(session_page(), &admin), "Change or delete this session"));
  EXPECT_FALSE(has(world.get(session_page(), &cara), "Change or delete this session"));
  const Response form = world.get(session_page() + "/edit", &admin);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form, "value=\"Mona&#39;s team\""));
  EXPECT_TRUE(has(form, "cara@example.com"));
  EXPECT_EQ(world.get(session_page() + "/edit", &cara).status, 403);

  const auto fields = [&](std::string name, std::string version) {
    return std::vector<std::pair<std::string, std::string>>{
        {"version", std::move(version)},
        {"name", std::move(name)},
        {"scope", "subtree"},
        {"scope_person", std::to_string(world.mona)},
        {"facilitator", "admin"},
        {"calibrators", "cara@example.com\ncarl@example.com"},
        {"guideline_swe-1", ""}};
  };
  // A stale version and a blank name re-render the form with the message and what was typed.
  const Response stale = world.post(session_page() + "/edit", &admin, fields("Typed name", "7"));
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(has(stale, "value=\"Typed name\""));
  const Response blank = world.post(session_page() + "/edit", &admin, fields(" ", v()));
  EXPECT_EQ(blank.status, 422);
  EXPECT_TRUE(has(blank, "give the session a name"));
  EXPECT_EQ((*world.store->calibration_session(world.session))->name, "Mona's team");

  const Response saved =
      world.post(session_page() + "/edit", &admin, fields("Mona's org, renamed", v()));
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(testing::header(saved, "Location"), session_page());
  EXPECT_TRUE(has(world.get(session_page(), &carl), "Mona&#39;s org, renamed"));
}

TEST_F(CalibrationPages, DeletingAPreparedSessionSaysHowManyPreVotesGoWithIt) {
  ASSERT_EQ(world
                .post(session_page() + "/votes", &cara,
                      {{"subject", "outcome"},
                       {"subject_id", std::to_string(world.ed)},
                       {"vote", "agree"},
                       {"version", "0"}})
                .status,
            303);
  const Response confirm = world.get(session_page() + "/delete", &admin);
  ASSERT_EQ(confirm.status, 200);
  EXPECT_TRUE(has(confirm, "Delete the session and its 1 pre-vote"));
  EXPECT_EQ(world.post(session_page() + "/delete", &cara, {{"version", v()}}).status, 403);
  EXPECT_EQ(world.post(session_page() + "/delete", &admin, {{"version", "7"}}).status, 409);
  const Response deleted = world.post(session_page() + "/delete", &admin, {{"version", v()}});
  ASSERT_EQ(deleted.status, 303) << deleted.body;
  EXPECT_EQ(testing::header(deleted, "Location"), fmt::format("/cycles/{}/sessions", world.cycle));
  EXPECT_EQ(world.get(session_page(), &admin).status, 404);
  EXPECT_TRUE(world.store->pre_votes(world.session)->empty());
}

TEST_F(CalibrationPages, ASessionWhoseDiscussionOpenedCannotBeChangedOrDeleted) {
  ASSERT_EQ(world.post(session_page() + "/open", &admin, {{"version", v()}}).status, 303);
  EXPECT_FALSE(has(world.get(session_page(), &admin), "Change or delete this session"));
  const Response form = world.get(session_page() + "/edit", &admin);
  EXPECT_EQ(form.status, 409);
  EXPECT_TRUE(has(form, "can be neither changed nor deleted"));
  const Response refused = world.post(session_page() + "/delete", &admin, {{"version", v()}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(world.store->calibration_session(world.session)->has_value());
  const Response api =
      world.send_json("POST", fmt::format("/api/v1/sessions/{}/delete", world.session), &admin,
                      fmt::format(R"({{"version": {}}})", v()));
  EXPECT_EQ(api.status, 409);
  EXPECT_EQ(Json::parse(api.payload())["error"]["code"], "review.session-state");
}

TEST_F(CalibrationPages, TheApiChangesAndDeletesAPreparedSession) {
  const std::string url = fmt::format("/api/v1/sessions/{}", world.session);
  const Response patched = world.send_json(
      "PATCH", url, &admin,
      fmt::format(R"({{"name": "Renamed", "calibrators": ["carl@example.com"], "version": {}}})",
                  v()));
  ASSERT_EQ(patched.status, 200) << patched.body;
  const auto body = Json::parse(patched.payload());
  EXPECT_EQ(body["name"], "Renamed");
  EXPECT_EQ(body["calibrators"], Json::array({"carl@example.com"}));
  EXPECT_EQ(body["scope"], "subtree") << "fields the body does not name stay";
  EXPECT_EQ(world.get(session_page(), &cara).status, 404) << "cara is no longer a calibrator";
  EXPECT_EQ(world.send_json("PATCH", url, &cara, R"({"name": "x", "version": 1})").status, 403);
  const Response deleted =
      world.send_json("POST", url + "/delete", &admin, fmt::format(R"({{"version": {}}})", v()));
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_EQ(Json::parse(deleted.payload())["pre_votes_deleted"], 0);
  EXPECT_EQ(world.get(url, &admin).status, 404);
}

}  // namespace
}  // namespace rung::web
