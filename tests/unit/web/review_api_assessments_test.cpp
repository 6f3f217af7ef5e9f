// The assessment routes of the API (list, start, read, evidence, submit): each answers its
// shape on success, and every error the review service can give answers its status and code
// with the store left as it was (review_api_support.hpp compares everything the service keeps).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "review_api_support.hpp"

namespace rung::web {
namespace {

using testing::body_of;
using testing::error_code;
using testing::PeopleWorld;
using testing::Session;

class AssessmentsApi : public ::testing::Test {
 protected:
  std::string list() { return fmt::format("/api/v1/people/{}/assessments", world.ed); }
  std::string one(store::Id aid, std::string_view rest = "") {
    return fmt::format("/api/v1/people/{}/assessments/{}{}", world.ed, aid, rest);
  }
  std::vector<store::Id> ids_listed_for(const Session& who) {
    std::vector<store::Id> out;
    const Json listed = body_of(world.get(list(), &who));
    for (const Json& a : listed["assessments"]) {
      out.push_back(a["id"].get<store::Id>());
    }
    return out;
  }
  // A closed cycle and a cycle of the sre track only, opened by the admin's service.
  std::pair<store::Id, store::Id> other_cycles() {
    const auto opened = [&](std::string_view body) {
      return body_of(world.send_json("POST", "/api/v1/cycles", &admin, std::string(body)))["id"]
          .get<store::Id>();
    };
    const store::Id closed =
        opened(R"({"name": "old", "starts": "2025-01-01", "ends": "2025-06-30"})");
    world.send_json("POST", fmt::format("/api/v1/cycles/{}/close", closed), &admin);
    return {closed, opened(R"({"name": "sre", "starts": "2026-07-01", "ends": "2026-12-31",
                               "tracks": ["sre"]})")};
  }

  PeopleWorld world;
  Session ed = world.sign_in("ed@example.com");
  Session mona = world.sign_in("mona@example.com");
  Session nick = world.sign_in("nick@example.com");
  Session admin = world.sign_in("admin");
};

// The list shows what the viewer may open (review::Service's one rule, as for reading one):
// submitted ones, the viewer's own drafts, and for admins every draft.
TEST_F(AssessmentsApi, TheListShowsSubmittedOnesAndOnlyTheViewersOwnDrafts) {
  EXPECT_EQ(ids_listed_for(ed), (std::vector<store::Id>{world.ed_draft, world.mona_done}));
  EXPECT_EQ(ids_listed_for(mona), std::vector<store::Id>{world.mona_done});
  EXPECT_EQ(ids_listed_for(admin), (std::vector<store::Id>{world.ed_draft, world.mona_done}));
  const Json done = body_of(world.get(list(), &mona))["assessments"][0];
  EXPECT_EQ(done["role"], "manager");
  EXPECT_EQ(done["status"], "submitted");
  EXPECT_EQ(done["cycle"], world.cycle);
  EXPECT_EQ(done["level"], "swe-2");
  EXPECT_EQ(world.get(list(), &nick).status, 404);
}

TEST_F(AssessmentsApi, StartResumesTheViewersDraftWith200AndStartsANewOneWith201) {
  const Response resumed = world.send_json("POST", list(), &ed, R"({"role": "self"})");
  EXPECT_EQ(resumed.status, 200);
  EXPECT_EQ(body_of(resumed)["id"], world.ed_draft);
  const Response senior =
      world.send_json("POST", list(), &ed, R"({"role": "self", "level": "swe-3"})");
  ASSERT_EQ(senior.status, 201) << senior.body;
  EXPECT_EQ(body_of(senior)["level"], "swe-3");
  EXPECT_EQ(body_of(senior)["version"], 1);
  EXPECT_EQ(body_of(senior)["status"], "draft");
  const Response manager = world.send_json(
      "POST", list(), &mona, fmt::format(R"({{"role": "manager", "cycle": {}}})", world.cycle));
  ASSERT_EQ(manager.status, 201) << manager.body;
  EXPECT_EQ(body_of(manager)["role"], "manager");
  EXPECT_EQ(body_of(manager)["cycle"], world.cycle);
  EXPECT_EQ(world.store->assessments_of(world.ed)->size(), 4U);
}

TEST_F(AssessmentsApi, StartRefusesEachBadRequestAndChangesNothing) {
  const auto [closed, sre_only] = other_cycles();
  const auto self_in = [](store::Id cycle) {
    return fmt::format(R"({{"role": "self", "cycle": {}}})", cycle);
  };
  testing::expect_refused(
      world,
      {
          {"POST", list(), &ed, R"({"role": "boss"})", 422, "bad-request"},
          {"POST", list(), &ed, R"({})", 422, "bad-request"},
          {"POST", list(), &ed, R"({"role": "self", "level": 3})", 422, "bad-request"},
          {"POST", list(), &ed, R"({"role": "self", "cycle": "1"})", 422, "bad-request"},
          {"POST", list(), &ed, R"({"role": "self", "level": "swe-9"})", 404,
           "ladder.unknown-level"},
          {"POST", list(), &ed, R"({"role": "self", "cycle": 999})", 404, "review.not-found"},
          {"POST", list(), &ed, self_in(closed), 409, "review.cycle-closed"},
          {"POST", list(), &ed, self_in(sre_only), 422, "review.cycle-track"},
          {"POST", list(), &mona, R"({"role": "self"})", 403, "review.forbidden"},
          {"POST", list(), &ed, R"({"role": "manager"})", 403, "review.forbidden"},
          {"POST", list(), &admin, R"({"role": "manager"})", 403, "review.forbidden"},
          {"POST", list(), &nick, R"({"role": "manager"})", 404, "not-found"},
      });
}

TEST_F(AssessmentsApi, ReadGivesTheRatingsAndEvidenceToWhoMaySeeThem) {
  ASSERT_EQ(world
                .send_json("PUT", one(world.ed_draft, "/ratings/swe-2-role-1"), &ed,
                           R"({"version": 1, "rating": "sometimes"})")
                .status,
            200);
  ASSERT_EQ(world
                .send_json("POST", one(world.ed_draft, "/evidence"), &ed,
                           R"({"version": 2, "statement": "swe-2-role-1", "text": "Built search"})")
                .status,
            201);
  const Json read = body_of(world.get(one(world.ed_draft), &ed));
  EXPECT_EQ(read["version"], 3);
  EXPECT_EQ(read["ratings"], (Json{{"swe-2-role-1", "sometimes"}}));
  ASSERT_EQ(read["evidence"].size(), 1U);
  EXPECT_EQ(read["evidence"][0]["text"], "Built search");
  EXPECT_EQ(read["evidence"][0]["date"], nullptr);
  EXPECT_EQ(body_of(world.get(one(world.mona_done), &ed))["ratings"],
            (Json{{"swe-2-role-1", "consistently"}}));
  testing::expect_refused(
      world, {
                 {"GET", one(world.ed_draft), &mona, "", 403, "review.forbidden"},
                 {"GET", one(999), &ed, "", 404, "not-found"},
                 {"GET", fmt::format("/api/v1/people/{}/assessments/{}", world.ivy, world.ed_draft),
                  &ed, "", 404, "not-found"},
                 {"GET", one(world.ed_draft), &nick, "", 404, "not-found"},
             });
}

TEST_F(AssessmentsApi, EvidenceAnswers201WithItsIdAndTheNewVersion) {
  const Response added =
      world.send_json("POST", one(world.ed_draft, "/evidence"), &ed,
                      R"({"version": 1, "statement": "swe-2-domain-1", "date": "2026-05-02", )"
                      R"("text": "Led the migration, see https://example.com/pr/1"})");
  ASSERT_EQ(added.status, 201) << added.body;
  const auto stored = *world.store->evidence(world.ed_draft);
  ASSERT_EQ(stored.size(), 1U);
  EXPECT_EQ(body_of(added)["evidence"], stored[0].id);
  EXPECT_EQ(body_of(added)["version"], 2);
  EXPECT_EQ(stored[0].date, "2026-05-02");
  EXPECT_EQ(stored[0].statement, "swe-2-domain-1");
}

TEST_F(AssessmentsApi, EvidenceRefusesEachBadRequestAndChangesNothing) {
  const std::string to = one(world.ed_draft, "/evidence");
  const auto body = [](std::string_view text, std::string_view extra = "") {
    return fmt::format(R"({{"version": 1, "statement": "swe-2-role-1", "text": "{}"{}}})", text,
                       extra);
  };
  testing::expect_refused(
      world,
      {
          {"POST", to, &ed, R"({"version": 7, "statement": "swe-2-role-1", "text": "x"})", 409,
           "review.conflict"},
          {"POST", to, &ed, body(std::string(5000, 'x')), 413, "review.evidence-too-large"},
          {"POST", to, &ed, body(""), 422, "review.bad-evidence"},
          {"POST", to, &ed, body("x", R"(, "date": "May 2")"), 422, "review.bad-date"},
          {"POST", to, &ed, R"({"version": 1, "statement": "swe-3-role-1", "text": "x"})", 422,
           "assess.unknown-statement"},
          {"POST", to, &ed, body("x", R"(, "date": 20260502)"), 422, "bad-request"},
          {"POST", to, &ed, R"({"version": 1, "statement": "swe-2-role-1"})", 422, "bad-request"},
          {"POST", to, &mona, body("x"), 403, "review.forbidden"},
          {"POST", one(world.mona_done, "/evidence"), &mona,
           R"({"version": 3, "statement": "swe-2-role-1", "text": "x"})", 409, "review.submitted"},
          {"POST", one(999, "/evidence"), &ed, body("x"), 404, "not-found"},
      });
}

TEST_F(AssessmentsApi, SubmitFreezesTheDraftAndAnswersIt) {
  const Response submitted =
      world.send_json("POST", one(world.ed_draft, "/submit"), &ed, R"({"version": 1})");
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(body_of(submitted)["status"], "submitted");
  EXPECT_EQ(body_of(submitted)["version"], 2);
  EXPECT_NE(body_of(submitted)["submitted_at"], nullptr);
  EXPECT_TRUE(world.store->snapshot(world.ed_draft)->has_value());
}

TEST_F(AssessmentsApi, SubmitRefusesEachBadRequestAndChangesNothing) {
  const std::string to = one(world.ed_draft, "/submit");
  testing::expect_refused(
      world, {
                 {"POST", to, &ed, R"({"version": 2})", 409, "review.conflict"},
                 {"POST", to, &ed, R"({})", 422, "bad-request"},
                 {"POST", to, &mona, R"({"version": 1})", 403, "review.forbidden"},
                 {"POST", one(world.mona_done, "/submit"), &mona, R"({"version": 3})", 409,
                  "review.submitted"},
                 {"POST", to, &nick, R"({"version": 1})", 404, "not-found"},
             });
}

}  // namespace
}  // namespace rung::web
