// The whole assessment flow through the API alone, as a client would drive it: the engineer
// starts a self-assessment in the cycle, rates every statement, adds evidence and submits; the
// manager does likewise; side by side flags the statement they rate two steps apart and shows
// the shared summary; the outcomes give readiness blockers by area; progress has a point per
// submitted assessment; a growth plan gets an item ticked and evidence linked.
#include <map>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "review_api_support.hpp"

namespace rung::web {
namespace {

using testing::body_of;
using testing::PeopleWorld;
using testing::Session;

class AssessmentFlow : public ::testing::Test {
 protected:
  std::string ed_path(std::string_view rest) {
    return fmt::format("/api/v1/people/{}{}", world.ed, rest);
  }

  Json send(const Session& who, std::string method, std::string_view rest, const Json& body,
            int status) {
    const Response answer = world.send_json(std::move(method), ed_path(rest), &who, body.dump());
    EXPECT_EQ(answer.status, status) << rest << " " << answer.body;
    return body_of(answer);
  }

  // Starts a draft in the cycle, rates the swe-2 statements as `ratings` says (every other one
  // "consistently"), adds evidence for swe-2-role-2 and submits; returns the assessment id and
  // the evidence id.
  std::pair<store::Id, store::Id> assess(const Session& who, std::string_view role,
                                         const std::map<std::string, std::string>& ratings) {
    const Json draft = send(who, "POST", "/assessments",
                            {{"role", std::string(role)}, {"cycle", world.cycle}}, 201);
    const auto id = draft["id"].get<store::Id>();
    auto version = draft["version"].get<std::int64_t>();
    const auto base = fmt::format("/assessments/{}", id);
    for (const char* statement :
         {"swe-2-role-1", "swe-2-role-2", "swe-2-domain-1", "swe-2-delivery-1", "swe-2-delivery-2",
          "swe-2-delivery-3", "swe-2-communication-1"}) {
      const auto rated = ratings.find(statement);
      const std::string scale = rated == ratings.end() ? "consistently" : rated->second;
      version = send(who, "PUT", fmt::format("{}/ratings/{}", base, statement),
                     {{"version", version}, {"rating", scale}}, 200)["version"]
                    .get<std::int64_t>();
    }
    const Json added = send(who, "POST", base + "/evidence",
                            {{"version", version},
                             {"statement", "swe-2-role-2"},
                             {"text", "Design doc: https://example.com/d/1"},
                             {"date", "2026-09-01"}},
                            201);
    send(who, "POST", base + "/submit", {{"version", added["version"]}}, 200);
    return {id, added["evidence"].get<store::Id>()};
  }

  PeopleWorld world;
  Session ed = world.sign_in("ed@example.com");
  Session mona = world.sign_in("mona@example.com");
};

TEST_F(AssessmentFlow, FromTwoDraftsToReadinessAndAGrowthPlan) {
  const auto [self, evidence] = assess(ed, "self", {{"swe-2-role-1", "not-yet"}});
  const store::Id manager = assess(mona, "manager", {{"swe-2-delivery-1", "sometimes"}}).first;

  // Ed still has his running draft outside the cycle, which side by side shows him instead of
  // his submitted one; his manager and admins see both submitted ones.
  const Session admin = world.sign_in("admin");
  const Json side = body_of(world.get(ed_path("/side-by-side"), &mona));
  EXPECT_EQ(side["self"]["id"], self);
  EXPECT_EQ(side["manager"]["id"], manager);
  // Two steps apart, and one step across "meets" (Consistently against Sometimes).
  EXPECT_EQ(side["flagged"], Json::array({"swe-2-role-1", "swe-2-delivery-1"}));
  EXPECT_EQ(side["rows"][0]["divergence"], 2);
  EXPECT_EQ(side["rows"][3]["divergence"], 1);
  EXPECT_EQ(side["rows"][3]["flagged"], true);
  ASSERT_NE(side["summary"], nullptr);
  EXPECT_EQ(side["summary"]["statements"], 7);
  EXPECT_EQ(side["summary"]["agreed"], 5);
  EXPECT_EQ(side["summary"]["flagged"], 2);
  EXPECT_EQ(side["summary"]["self_fit"]["met"], 6);
  EXPECT_EQ(body_of(world.get(ed_path("/side-by-side"), &admin))["summary"], side["summary"]);
  EXPECT_EQ(body_of(world.get(ed_path("/side-by-side"), &ed))["self"]["id"], world.ed_draft);

  const Json mine = body_of(world.get(ed_path(fmt::format("/assessments/{}/outcome", self)), &ed));
  EXPECT_EQ(mine["readiness"]["blockers"],
            (Json::array({{{"area", "role"}, {"missing", 1}, {"statements", {"swe-2-role-1"}}}})));
  const Json theirs =
      body_of(world.get(ed_path(fmt::format("/assessments/{}/outcome", manager)), &ed));
  EXPECT_EQ(theirs["readiness"]["ready"], false);
  EXPECT_EQ(theirs["readiness"]["blockers"],
            (Json::array(
                {{{"area", "delivery"}, {"missing", 1}, {"statements", {"swe-2-delivery-1"}}}})));
  EXPECT_EQ(theirs["fit"]["areas"][2]["not_met"], Json::array({"swe-2-delivery-1"}));

  const Json progress = body_of(world.get(ed_path("/progress"), &ed));
  ASSERT_EQ(progress["points"].size(), 3U);
  EXPECT_EQ(progress["points"][1]["assessment"], self);
  EXPECT_EQ(progress["points"][1]["met"], 6);
  EXPECT_EQ(progress["points"][2]["assessment"], manager);

  const Json plan = send(ed, "POST", "/plans", {{"target_level", "swe-3"}}, 201);
  const auto plan_path = fmt::format("/plans/{}", plan["id"].get<store::Id>());
  send(ed, "PUT", plan_path + "/items/swe-3-role-1", {{"done", true}}, 200);
  send(ed, "POST", plan_path + "/items/swe-3-role-1/evidence", {{"evidence", evidence}}, 200);
  const Json checklist = body_of(world.get(ed_path(plan_path), &mona));
  ASSERT_EQ(checklist["items"].size(), 6U);
  EXPECT_EQ(checklist["items"][0]["statement"], "swe-3-role-1");
  EXPECT_EQ(checklist["items"][0]["done"], true);
  EXPECT_EQ(checklist["items"][0]["evidence"], Json::array({evidence}));
}

}  // namespace
}  // namespace rung::web
