// API tokens over HTTP (docs/auth.md): `Authorization: Bearer` on /api/v1 carries its owner's
// rights and needs no CSRF token; every kind of bad token gets the same 401 with a
// WWW-Authenticate challenge and nothing else; a read-only token is refused on writes; the
// account page makes a token, shows it once, and revokes it; admins list and revoke anyone's.
// The access matrix (access_test.cpp) runs every API route with tokens of every role.
#include <gtest/gtest.h>

#include "rung/auth/api_tokens.hpp"
#include "rung/web/http/access_log.hpp"

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::has;
using testing::header;
using testing::PeopleWorld;
using testing::Session;

Response with_authorization(PeopleWorld& world, std::string target,
                            std::initializer_list<std::string> values) {
  Request out = testing::request(std::move(target));
  for (const auto& value : values) {
    out.headers.add("Authorization", value);
  }
  return world.app->handle(out);
}

void expect_refused(const Response& response, std::string_view secret, std::string_view why) {
  EXPECT_EQ(response.status, 401) << why;
  EXPECT_EQ(header(response, "WWW-Authenticate"), R"(Bearer realm="rung", error="invalid_token")")
      << why;
  EXPECT_TRUE(has(response, "invalid-token")) << why;
  EXPECT_FALSE(has(response, "ed@example.com")) << why;
  if (!secret.empty()) {
    EXPECT_FALSE(has(response, secret)) << why;
  }
}

TEST(ApiTokenHttp, ABearerTokenIsItsOwnerOnTheApi) {
  PeopleWorld world;
  const Session token = world.token_of("ed@example.com");
  const Response me = world.get("/api/v1/me", &token);
  ASSERT_EQ(me.status, 200) << me.payload();
  EXPECT_TRUE(has(me, R"("login": "ed@example.com")"));
  EXPECT_EQ(header(me, "Cache-Control"), "no-store");
  EXPECT_NE(header(me, "Vary").find("Authorization"), std::string::npos);
  // Ed may see his own person, not Olga (another manager's report).
  EXPECT_EQ(world.get("/api/v1/people/" + std::to_string(world.ed), &token).status, 200);
  EXPECT_EQ(world.get("/api/v1/people/" + std::to_string(world.olga), &token).status, 404);
}

TEST(ApiTokenHttp, EveryBadTokenGetsTheSame401AndNothingElse) {
  PeopleWorld world;
  const Session good = world.token_of("ed@example.com");
  const std::string& secret = good.bearer;
  std::string unknown = secret;
  unknown.back() = unknown.back() == 'A' ? 'B' : 'A';
  for (const std::string& value : std::vector<std::string>{
           "Bearer " + secret.substr(0, secret.size() - 1), "Bearer " + unknown, "Bearer ",
           std::string("Bearer"), "Basic " + secret, "bearer" + secret, "Bearer x y",
           "Bearer " + secret.substr(5)}) {
    expect_refused(with_authorization(world, "/api/v1/me", {value}), secret, value);
  }
  // The header twice, even with the good token both times.
  expect_refused(with_authorization(world, "/api/v1/me", {"Bearer " + secret, "Bearer " + secret}),
                 secret, "repeated");
  // A bad token is refused even beside a good session cookie: the header decides alone.
  const Session cookie = world.sign_in("ed@example.com");
  Request both = testing::request("/api/v1/me");
  both.headers.add("Cookie", std::string(k_session_cookie) + "=" + cookie.token);
  both.headers.add("Authorization", "Bearer " + unknown);
  expect_refused(world.app->handle(both), secret, "with a cookie");
  // The scheme is case-insensitive.
  EXPECT_EQ(with_authorization(world, "/api/v1/me", {"bEaReR " + secret}).status, 200);
}

TEST(ApiTokenHttp, ExpiredRevokedAndLeftTokensAreRefused) {
  PeopleWorld world;
  // Expired: made a day before the world's clock with a one-day life.
  auto expired =
      auth::create_api_token(*world.store, "test", world.accounts["ed@example.com"],
                             auth::TokenRequest{"old", 1, false}, world.now - 24 * 3600 * 1000);
  ASSERT_TRUE(expired);
  expect_refused(with_authorization(world, "/api/v1/me", {"Bearer " + expired->secret}),
                 expired->secret, "expired");

  const Session revoked = world.token_of("ed@example.com");
  const auto id = world.store->api_tokens_of(world.accounts["ed@example.com"]).value().back().id;
  ASSERT_TRUE(auth::revoke_api_token(*world.store, "test", id, world.now));
  expect_refused(world.get("/api/v1/me", &revoked), revoked.bearer, "revoked");

  const Session left = world.token_of("olga@example.com");
  ASSERT_EQ(world.get("/api/v1/me", &left).status, 200);
  ASSERT_TRUE(world.store->write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(auto olga, w.person(world.olga));
    olga->status = store::PersonStatus::left;
    return w.update_person(*olga);
  }));
  expect_refused(world.get("/api/v1/me", &left), left.bearer, "left");
}

TEST(ApiTokenHttp, WritesNeedNoCsrfWithATokenButDoWithACookie) {
  PeopleWorld world;
  const Session token = world.token_of("ed@example.com");
  const Response made =
      world.send_json("POST", "/api/v1/me/tokens", &token, R"({"name": "from a script"})");
  ASSERT_EQ(made.status, 201) << made.payload();
  EXPECT_TRUE(has(made, R"("token": "rung_)"));
  EXPECT_EQ(header(made, "Cache-Control"), "no-store");

  const Session cookie = world.sign_in("ed@example.com");
  EXPECT_EQ(world.send_json("POST", "/api/v1/me/tokens", &cookie, R"({"name": "x"})", false).status,
            403);
  EXPECT_EQ(world.send_json("POST", "/api/v1/me/tokens", &cookie, R"({"name": "x"})").status, 201);
}

TEST(ApiTokenHttp, AReadOnlyTokenReadsButNeverWrites) {
  PeopleWorld world;
  const Session token = world.token_of("ed@example.com", true);
  EXPECT_EQ(world.get("/api/v1/me/tokens", &token).status, 200);
  const Response refused =
      world.send_json("POST", "/api/v1/me/tokens", &token, R"({"name": "escalate"})");
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(has(refused, "read-only-token"));
  EXPECT_EQ(world.store->api_tokens().value().size(), 1U);
}

TEST(ApiTokenHttp, TheApiListsAndRevokesOnlyTheViewersOwnUnlessAdmin) {
  PeopleWorld world;
  const Session ed = world.token_of("ed@example.com");
  const Session mona = world.token_of("mona@example.com");
  const Session admin = world.token_of("admin");
  const auto ed_id = world.store->api_tokens_of(world.accounts["ed@example.com"]).value()[0].id;
  const Response listed = world.get("/api/v1/me/tokens", &ed);
  EXPECT_TRUE(has(listed, R"("name": "matrix")"));
  EXPECT_FALSE(has(listed, ed.bearer));
  EXPECT_FALSE(has(listed, "token_hash"));
  const std::string revoke = "/api/v1/tokens/" + std::to_string(ed_id) + "/revoke";
  EXPECT_EQ(world.send_json("POST", revoke, &mona).status, 404);
  EXPECT_EQ(world.get("/api/v1/me", &ed).status, 200);
  EXPECT_EQ(world.send_json("POST", revoke, &admin).status, 200);
  expect_refused(world.get("/api/v1/me", &ed), ed.bearer, "revoked by an admin");
  EXPECT_EQ(world.store->audit(store::AuditQuery{"admin", "token.revoke", "", 0, 0, 0, 100})
                .value()
                .size(),
            1U);
}

TEST(ApiTokenHttp, TheAccountPageMakesATokenShowsItOnceAndRevokesIt) {
  PeopleWorld world;
  const Session ed = world.sign_in("ed@example.com");
  const Response empty = world.get("/account", &ed);
  EXPECT_TRUE(has(empty, "You have no API tokens yet"));

  const Response made =
      world.post("/account/tokens", &ed, {{"name", "quarterly export"}, {"read_only", "on"}});
  ASSERT_EQ(made.status, 200) << made.payload();
  const auto tokens = world.store->api_tokens_of(world.accounts["ed@example.com"]).value();
  ASSERT_EQ(tokens.size(), 1U);
  EXPECT_TRUE(tokens[0].read_only);
  const std::string page(made.payload());
  const std::string marker = R"(id="new-token">)";
  const auto at = page.find(marker);
  ASSERT_NE(at, std::string::npos);
  const std::string secret = page.substr(at + marker.size(), 48);
  EXPECT_TRUE(auth::well_formed_token(secret)) << secret;
  EXPECT_TRUE(has(made, "/static/copy.js"));
  EXPECT_EQ(header(made, "Cache-Control"), "no-store");

  const Response later = world.get("/account", &ed);
  EXPECT_FALSE(has(later, secret));
  EXPECT_TRUE(has(later, "quarterly export"));
  EXPECT_TRUE(has(later, "read-only"));

  const Session script{"", "", secret};
  EXPECT_EQ(world.get("/api/v1/me", &script).status, 200);
  const std::string revoke = "/account/tokens/" + std::to_string(tokens[0].id) + "/revoke";
  // Someone else's token is not there for Mona.
  const Session mona = world.sign_in("mona@example.com");
  EXPECT_EQ(world.post(revoke, &mona).status, 404);
  const Response revoked = world.post(revoke, &ed);
  EXPECT_EQ(revoked.status, 303);
  EXPECT_EQ(header(revoked, "Location"), "/account?done=revoked");
  expect_refused(world.get("/api/v1/me", &script), secret, "revoked on the page");
  EXPECT_TRUE(has(world.get("/account?done=revoked", &ed), "revoked"));
}

TEST(ApiTokenHttp, TheAccountPageRefusesABadNameOrExpiry) {
  PeopleWorld world;
  const Session ed = world.sign_in("ed@example.com");
  EXPECT_EQ(world.post("/account/tokens", &ed, {{"name", ""}}).status, 400);
  EXPECT_EQ(world.post("/account/tokens", &ed, {{"name", "x"}, {"expires_days", "0"}}).status, 400);
  EXPECT_EQ(world.post("/account/tokens", &ed, {{"name", "x"}, {"expires_days", "ten"}}).status,
            400);
  EXPECT_TRUE(world.store->api_tokens().value().empty());
}

TEST(ApiTokenHttp, AdminsSeeAndRevokeEveryonesTokens) {
  PeopleWorld world;
  const Session ed = world.token_of("ed@example.com");
  const Session admin = world.sign_in("admin");
  const Response users = world.get("/admin/users", &admin);
  EXPECT_TRUE(has(users, "ed@example.com"));
  EXPECT_TRUE(has(users, "matrix"));
  EXPECT_FALSE(has(users, ed.bearer));
  const auto id = world.store->api_tokens().value()[0].id;
  const Response revoked = world.post("/admin/tokens/" + std::to_string(id) + "/revoke", &admin);
  EXPECT_EQ(revoked.status, 200);
  EXPECT_TRUE(has(revoked, "is revoked"));
  expect_refused(world.get("/api/v1/me", &ed), ed.bearer, "revoked by an admin");
}

TEST(ApiTokenHttp, TheTokenNeverReachesTheAccessLog) {
  PeopleWorld world;
  const Session ed = world.token_of("ed@example.com");
  Request request = testing::request("/api/v1/me");
  request.headers.add("Authorization", "Bearer " + ed.bearer);
  const Response response = world.app->handle(request);
  const std::string line = access_log_line(request, response, 0.001);
  EXPECT_EQ(line.find(ed.bearer.substr(5)), std::string::npos) << line;
}

}  // namespace
}  // namespace rung::web
