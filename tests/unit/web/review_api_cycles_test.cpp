// Review cycles through the API: anyone signed in lists them, admins open and close them; each
// refusal answers its code and changes nothing.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "review_api_support.hpp"

namespace rung::web {
namespace {

using testing::body_of;
using testing::PeopleWorld;
using testing::Session;

constexpr std::string_view k_cycles = "/api/v1/cycles";

class CyclesApi : public ::testing::Test {
 protected:
  std::string close(store::Id cycle) { return fmt::format("/api/v1/cycles/{}/close", cycle); }
  Response open(std::string body) {
    return world.send_json("POST", std::string(k_cycles), &admin, body);
  }

  PeopleWorld world;
  Session ed = world.sign_in("ed@example.com");
  Session admin = world.sign_in("admin");
};

TEST_F(CyclesApi, AnyoneSignedInListsThem) {
  const Json listed = body_of(world.get(std::string(k_cycles), &ed));
  ASSERT_EQ(listed["cycles"].size(), 1U);
  EXPECT_EQ(listed["cycles"][0], (Json{{"id", world.cycle},
                                       {"name", "2026 H2"},
                                       {"starts", "2026-07-01"},
                                       {"ends", "2026-12-31"},
                                       {"tracks", Json::array()},
                                       {"status", "open"}}));
}

TEST_F(CyclesApi, AnAdminOpensAndClosesOne) {
  const Response opened = open(
      R"({"name": "2027 H1", "starts": "2027-01-01", "ends": "2027-06-30", "tracks": ["swe"]})");
  ASSERT_EQ(opened.status, 201) << opened.body;
  const Json cycle = body_of(opened);
  EXPECT_EQ(cycle["tracks"], Json::array({"swe"}));
  EXPECT_EQ(cycle["status"], "open");
  const Response closed = world.send_json("POST", close(cycle["id"].get<store::Id>()), &admin);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(body_of(closed)["status"], "closed");
  EXPECT_EQ(world.send_json("POST", close(cycle["id"].get<store::Id>()), &admin).status, 200);
  EXPECT_EQ(body_of(world.get(std::string(k_cycles), &ed))["cycles"][1]["status"], "closed");
}

TEST_F(CyclesApi, EachRefusalAnswersItsCodeAndChangesNothing) {
  const std::string to(k_cycles);
  const auto body = [](std::string_view name, std::string_view ends, std::string_view tracks) {
    return fmt::format(R"({{"name": "{}", "starts": "2027-01-01", "ends": "{}", "tracks": {}}})",
                       name, ends, tracks);
  };
  testing::expect_refused(
      world,
      {
          {"POST", to, &admin, body("", "2027-06-30", "[]"), 422, "review.bad-cycle"},
          {"POST", to, &admin, body("x", "2026-12-31", "[]"), 422, "review.bad-cycle"},
          {"POST", to, &admin, body("x", "June", "[]"), 422, "review.bad-cycle"},
          {"POST", to, &admin, body("x", "2027-06-30", R"(["nope"])"), 422, "review.bad-cycle"},
          {"POST", to, &admin, body("x", "2027-06-30", R"("swe")"), 422, "bad-request"},
          {"POST", to, &admin, R"({"starts": "2027-01-01", "ends": "2027-06-30"})", 422,
           "bad-request"},
          {"POST", to, &ed, body("x", "2027-06-30", "[]"), 403, "forbidden"},
          {"POST", close(999), &admin, "{}", 404, "review.not-found"},
          {"POST", "/api/v1/cycles/x/close", &admin, "{}", 404, "not-found"},
          {"POST", close(world.cycle), &ed, "{}", 403, "forbidden"},
      });
}

}  // namespace
}  // namespace rung::web
