// The rating save of the assessments API (PUT .../assessments/{aid}/ratings/{statement}): a
// save answers the new version, a stale version answers 409 with both versions and changes
// nothing, bad input answers 4xx with the review error's code, and the JSON body and its CSRF
// header are checked before any handler runs.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::PeopleWorld;

class SaveRatingApi : public ::testing::Test {
 protected:
  std::string target(std::string_view statement = "swe-2-role-1") {
    return fmt::format("/api/v1/people/{}/assessments/{}/ratings/{}", world.ed, world.ed_draft,
                       statement);
  }

  Response put(const std::string& body, const std::string& to = "") {
    return world.send_json("PUT", to.empty() ? target() : to, &ed, body);
  }

  std::int64_t stored_version() { return (*world.store->assessment(world.ed_draft))->version; }

  PeopleWorld world;
  testing::Session ed = world.sign_in("ed@example.com");
};

TEST_F(SaveRatingApi, ASaveAnswersTheNewVersionAndIsStored) {
  const Response saved = put(R"({"version": 1, "rating": "consistently"})");
  ASSERT_EQ(saved.status, 200) << saved.body;
  const Json body = Json::parse(saved.payload());
  EXPECT_EQ(body["version"], 2);
  EXPECT_EQ(body["rating"], "consistently");
  const auto ratings = *world.store->ratings(world.ed_draft);
  ASSERT_EQ(ratings.size(), 1U);
  EXPECT_EQ(ratings[0].scale, "consistently");
  EXPECT_EQ(put(R"({"version": 2, "rating": "sometimes"})").status, 200);
  EXPECT_EQ(stored_version(), 3);
}

TEST_F(SaveRatingApi, AStaleVersionAnswers409WithBothVersionsAndChangesNothing) {
  ASSERT_EQ(put(R"({"version": 1, "rating": "consistently"})").status, 200);
  const Response stale = put(R"({"version": 1, "rating": "role-model"})");
  ASSERT_EQ(stale.status, 409);
  const Json error = Json::parse(stale.payload())["error"];
  EXPECT_EQ(error["code"], "review.conflict");
  EXPECT_EQ(error["conflict"]["current_version"], 2);
  EXPECT_EQ(error["conflict"]["sent_version"], 1);
  EXPECT_EQ(error["conflict"]["current_rating"], "consistently");
  EXPECT_EQ(error["conflict"]["sent_rating"], "role-model");
  EXPECT_EQ((*world.store->ratings(world.ed_draft))[0].scale, "consistently");
  EXPECT_EQ(stored_version(), 2);
}

TEST_F(SaveRatingApi, BadInputAnswersItsCodeAndChangesNothing) {
  struct Case {
    std::string body;
    std::string to;
    int status;
    std::string code;
  };
  const std::vector<Case> cases{
      {R"({"version": 1, "rating": "sometimez"})", "", 422, "assess.bad-rating"},
      {R"({"version": 1, "rating": "sometimes"})", target("swe-3-role-1"), 422,
       "assess.unknown-statement"},
      {R"({"version": "1", "rating": "sometimes"})", "", 422, "bad-request"},
      {R"({"rating": "sometimes"})", "", 422, "bad-request"},
      {R"([1, 2])", "", 400, "bad-json"},
      {R"({"version": 1,)", "", 400, "bad-json"},
      // Ed's draft under someone else's person id: not found, whoever that person is.
      {R"({"version": 1, "rating": "sometimes"})",
       fmt::format("/api/v1/people/{}/assessments/{}/ratings/swe-2-role-1", world.ivy,
                   world.ed_draft),
       404, "not-found"},
      {R"({"version": 1, "rating": "sometimes"})",
       fmt::format("/api/v1/people/{}/assessments/999/ratings/swe-2-role-1", world.ed), 404,
       "not-found"},
  };
  for (const Case& c : cases) {
    const Response answer = put(c.body, c.to);
    EXPECT_EQ(answer.status, c.status) << c.body << " " << c.to;
    EXPECT_EQ(Json::parse(answer.payload())["error"]["code"], c.code) << c.body << " " << c.to;
  }
  EXPECT_TRUE(world.store->ratings(world.ed_draft)->empty());
  EXPECT_EQ(stored_version(), 1);
}

TEST_F(SaveRatingApi, ASubmittedAssessmentRefusesSaves) {
  const testing::Session mona = world.sign_in("mona@example.com");
  const Response answer =
      world.send_json("PUT",
                      fmt::format("/api/v1/people/{}/assessments/{}/ratings/swe-2-role-2", world.ed,
                                  world.mona_done),
                      &mona, R"({"version": 3, "rating": "sometimes"})");
  EXPECT_EQ(answer.status, 409);
  EXPECT_EQ(Json::parse(answer.payload())["error"]["code"], "review.submitted");
}

TEST_F(SaveRatingApi, TheBodyMustBeJsonWithTheCsrfHeader) {
  Request form = testing::request(target(), {}, "PUT");
  form.headers.add("Cookie", std::string(k_session_cookie) + "=" + ed.token);
  form.headers.add("X-CSRF-Token", ed.csrf);
  form.headers.add("Content-Type", "application/x-www-form-urlencoded");
  form.body = "version=1&rating=sometimes";
  EXPECT_EQ(world.app->handle(form).status, 415);
  EXPECT_EQ(world.send_json("PUT", target(), &ed, R"({"version": 1, "rating": "sometimes"})", false)
                .status,
            403);
  EXPECT_TRUE(world.store->ratings(world.ed_draft)->empty());
}

TEST_F(SaveRatingApi, MeGivesTheCsrfTokenOfTheSession) {
  const Response me = world.get("/api/v1/me", &ed);
  EXPECT_EQ(Json::parse(me.payload())["csrf_token"], ed.csrf);
}

TEST_F(SaveRatingApi, SavesDoNotRebuildTheOrgChartButAPersonChangeDoes) {
  // Every save moves the store's generation; the person rule of the next request must not
  // re-read everyone for that (a 10,000-person company would pay it on every save).
  ASSERT_EQ(world.get(fmt::format("/people/{}", world.ed), &ed).status, 200);
  const auto& cache = world.app->resources().people;
  const auto builds = cache.builds();
  std::int64_t version = 1;
  for (const char* rating : {"sometimes", "consistently", "role-model"}) {
    const Response saved =
        put(fmt::format(R"({{"version": {}, "rating": "{}"}})", version, rating));
    ASSERT_EQ(saved.status, 200) << saved.body;
    version = Json::parse(saved.payload())["version"];
  }
  EXPECT_EQ(cache.builds(), builds);
  // Ed moves under Nick: Mona no longer sees him, at once.
  ASSERT_TRUE(world.store->write([&](store::Writer& w) -> Result<void> {
    auto person = *w.person(world.ed).value();
    person.manager = world.nick;
    return w.update_person(person);
  }));
  const testing::Session mona = world.sign_in("mona@example.com");
  EXPECT_EQ(world.get(fmt::format("/people/{}", world.ed), &mona).status, 404);
  EXPECT_EQ(cache.builds(), builds + 1);
}

}  // namespace
}  // namespace rung::web
