// Growth plans through the API: the list, a new target, the checklist of gaps, ticking an item
// and linking evidence to it; each error the review service can give answers its code and
// changes nothing.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "review_api_support.hpp"

namespace rung::web {
namespace {

using testing::body_of;
using testing::PeopleWorld;
using testing::Session;

class PlansApi : public ::testing::Test {
 protected:
  std::string plans() { return fmt::format("/api/v1/people/{}/plans", world.ed); }
  std::string plan(std::string_view rest = "") {
    return fmt::format("/api/v1/people/{}/plans/{}{}", world.ed, world.ed_plan, rest);
  }
  std::string item(std::string_view statement, std::string_view rest = "") {
    return plan(fmt::format("/items/{}{}", statement, rest));
  }
  // Evidence written by `who` in a new self-assessment of `person` against swe-3.
  store::Id evidence_of(store::Id person, const Session& who) {
    const auto base = fmt::format("/api/v1/people/{}/assessments", person);
    const Json started =
        body_of(world.send_json("POST", base, &who, R"({"role": "self", "level": "swe-3"})"));
    const Response added = world.send_json(
        "POST", fmt::format("{}/{}/evidence", base, started["id"].get<store::Id>()), &who,
        R"({"version": 1, "statement": "swe-3-role-1", "text": "Shipped it"})");
    return body_of(added)["evidence"].get<store::Id>();
  }

  PeopleWorld world;
  Session ed = world.sign_in("ed@example.com");
  Session mona = world.sign_in("mona@example.com");
  Session nick = world.sign_in("nick@example.com");
};

TEST_F(PlansApi, TheListAndANewTarget) {
  const Json listed = body_of(world.get(plans(), &ed));
  ASSERT_EQ(listed["plans"].size(), 1U);
  EXPECT_EQ(listed["plans"][0]["id"], world.ed_plan);
  EXPECT_EQ(listed["plans"][0]["target_level"], "swe-3");
  const Response started = world.send_json("POST", plans(), &mona, R"({"target_level": "sre-3"})");
  ASSERT_EQ(started.status, 201) << started.body;
  EXPECT_EQ(body_of(started)["target_level"], "sre-3");
  EXPECT_EQ(body_of(started)["person"], world.ed);
  EXPECT_EQ(body_of(world.get(plans(), &ed))["plans"].size(), 2U);
  testing::expect_refused(
      world,
      {
          {"POST", plans(), &ed, R"({"target_level": "swe-9"})", 404, "ladder.unknown-level"},
          {"POST", plans(), &ed, R"({"target": "swe-3"})", 422, "bad-request"},
          {"POST", plans(), &nick, R"({"target_level": "swe-3"})", 404, "not-found"},
      });
}

TEST_F(PlansApi, TheChecklistHoldsTheGapsOfTheTargetLevel) {
  const Json checklist = body_of(world.get(plan(), &ed));
  EXPECT_EQ(checklist["plan"]["target_level"], "swe-3");
  ASSERT_EQ(checklist["items"].size(), 6U);
  EXPECT_EQ(checklist["items"][0], (Json{{"area", "role"},
                                         {"statement", "swe-3-role-1"},
                                         {"text", checklist["items"][0]["text"]},
                                         {"rating", nullptr},
                                         {"done", false},
                                         {"done_by", nullptr},
                                         {"done_at", nullptr},
                                         {"note", ""},
                                         {"target_date", nullptr},
                                         {"evidence", Json::array()}}));
  EXPECT_FALSE(checklist["items"][0]["text"].get<std::string>().empty());
  testing::expect_refused(
      world,
      {
          {"GET", fmt::format("/api/v1/people/{}/plans/999", world.ed), &ed, "", 404, "not-found"},
          {"GET", fmt::format("/api/v1/people/{}/plans/{}", world.ivy, world.ed_plan), &ed, "", 404,
           "not-found"},
          {"GET", plan(), &nick, "", 404, "not-found"},
      });
}

TEST_F(PlansApi, TickingAnItemIsStoredAndShown) {
  const Response ticked = world.send_json("PUT", item("swe-3-role-1"), &ed, R"({"done": true})");
  ASSERT_EQ(ticked.status, 200) << ticked.body;
  EXPECT_EQ(body_of(ticked), (Json{{"plan", world.ed_plan},
                                   {"statement", "swe-3-role-1"},
                                   {"done", true},
                                   {"done_by", "ed@example.com"},
                                   {"done_at", "2025-06-15T15:06:40Z"},
                                   {"note", ""},
                                   {"target_date", nullptr},
                                   {"evidence", Json::array()}}));
  EXPECT_EQ(body_of(world.get(plan(), &mona))["items"][0]["done_by"], "Ed Engineer");
  EXPECT_EQ(body_of(world.get(plan(), &mona))["items"][0]["done"], true);
  EXPECT_EQ(
      body_of(world.send_json("PUT", item("swe-3-role-1"), &mona, R"({"done": false})"))["done"],
      false);
  testing::expect_refused(
      world,
      {
          {"PUT", item("swe-2-role-1"), &ed, R"({"done": true})", 422, "assess.unknown-statement"},
          {"PUT", item("swe-3-role-1"), &ed, R"({"done": 1})", 422, "bad-request"},
          {"PUT", item("swe-3-role-1"), &ed, R"({})", 422, "bad-request"},
          {"PUT", item("swe-3-role-1"), &ed, R"({"note": 3})", 422, "bad-request"},
          {"PUT", item("swe-3-role-1"), &ed, R"({"target_date": "soon"})", 422, "review.bad-date"},
          {"PUT", item("swe-3-role-1"), &nick, R"({"done": true})", 404, "not-found"},
          {"PUT", fmt::format("/api/v1/people/{}/plans/999/items/swe-3-role-1", world.ed), &ed,
           R"({"done": true})", 404, "not-found"},
      });
}

TEST_F(PlansApi, AnItemsNoteAndTargetDateAreSetAloneOrWithTheTick) {
  const Response noted = world.send_json("PUT", item("swe-3-role-2"), &mona,
                                         R"({"note": "Mentor Ivy", "target_date": "2025-12-01"})");
  ASSERT_EQ(noted.status, 200) << noted.body;
  EXPECT_EQ(body_of(noted)["note"], "Mentor Ivy");
  EXPECT_EQ(body_of(noted)["target_date"], "2025-12-01");
  EXPECT_EQ(body_of(noted)["done"], false);
  EXPECT_EQ(body_of(noted)["done_by"], nullptr);
  const Json shown = body_of(world.get(plan(), &ed))["items"][1];
  EXPECT_EQ(shown["statement"], "swe-3-role-2");
  EXPECT_EQ(shown["note"], "Mentor Ivy");
  EXPECT_EQ(shown["target_date"], "2025-12-01");
  const Json cleared = body_of(
      world.send_json("PUT", item("swe-3-role-2"), &ed, R"({"done": true, "target_date": ""})"));
  EXPECT_EQ(cleared["target_date"], nullptr);
  EXPECT_EQ(cleared["note"], "Mentor Ivy");
  EXPECT_EQ(cleared["done_by"], "ed@example.com");
}

TEST_F(PlansApi, LinkingEvidenceOfThePersonIsStoredOnce) {
  const store::Id mine = evidence_of(world.ed, ed);
  const std::string body = fmt::format(R"({{"evidence": {}}})", mine);
  const Response linked = world.send_json("POST", item("swe-3-role-1", "/evidence"), &ed, body);
  ASSERT_EQ(linked.status, 200) << linked.body;
  EXPECT_EQ(body_of(linked)["evidence"], Json::array({mine}));
  world.send_json("POST", item("swe-3-role-1", "/evidence"), &ed, body);
  EXPECT_EQ(body_of(world.get(plan(), &ed))["items"][0]["evidence"], Json::array({mine}));
  const Session olga = world.sign_in("olga@example.com");
  const store::Id hers = evidence_of(world.olga, olga);
  testing::expect_refused(
      world,
      {
          {"POST", item("swe-3-role-1", "/evidence"), &ed,
           fmt::format(R"({{"evidence": {}}})", hers), 404, "review.not-found"},
          {"POST", item("swe-3-role-1", "/evidence"), &ed, R"({"evidence": 999})", 404,
           "review.not-found"},
          {"POST", item("swe-2-role-1", "/evidence"), &ed, body, 422, "assess.unknown-statement"},
          {"POST", item("swe-3-role-1", "/evidence"), &ed, R"({"evidence": "1"})", 422,
           "bad-request"},
          {"POST", item("swe-3-role-1", "/evidence"), &nick, body, 404, "not-found"},
      });
}

}  // namespace
}  // namespace rung::web
