// OpenID Connect sign-in through the App (web/account/oidc_pages.cpp), in-process against a
// fake provider: the sign-in page offers it, /sign-in/oidc redirects to the provider, the
// callback signs the person in with a session cookie and sends them on to `next`; a replayed
// state, a wrong audience, an unknown email and a refusal at the provider get a clear page and
// no cookie.
#include <gtest/gtest.h>

#include "rung/core/clock.hpp"
#include "rung/core/text.hpp"
#include "rung/web/http/url.hpp"

#include "../auth/oidc_test_keys.hpp"
#include "people_world.hpp"
#include "web_support.hpp"

namespace rung::web {
namespace {

using testing::has;
using testing::header;

std::string location_param(std::string_view url, std::string_view name) {
  const auto target = parse_target("/" + std::string(url.substr(url.find('?'))));
  return target ? std::string(query_value(target->query, name).value_or("")) : "";
}

struct FakeProvider {
  auth::testing::Jwk key = auth::testing::rsa_key("k1");
  std::string nonce;
  std::string audience = "rung";
  std::string email = "ed@example.com";

  auth::HttpReply answer(const auth::HttpCall& call) {
    if (call.url.ends_with("/.well-known/openid-configuration")) {
      return {200, Json{{"issuer", "https://idp.example.com"},
                        {"authorization_endpoint", "https://idp.example.com/authorize"},
                        {"token_endpoint", "https://idp.example.com/token"},
                        {"jwks_uri", "https://idp.example.com/keys"}}
                       .dump()};
    }
    if (call.url.ends_with("/keys")) {
      return {200, auth::testing::jwks_of({key})};
    }
    const long now = system_now() / 1000;
    const Json claims{{"iss", "https://idp.example.com"},
                      {"sub", "u-1"},
                      {"aud", audience},
                      {"exp", now + 300},
                      {"iat", now},
                      {"nonce", nonce},
                      {"email", email}};
    return {200, Json{{"id_token", auth::testing::sign(key, "RS256", claims)}}.dump()};
  }
};

AppOptions oidc_options(std::shared_ptr<FakeProvider> provider) {
  AppOptions options;
  auth::OidcOptions oidc;
  oidc.issuer = "https://idp.example.com";
  oidc.client_id = "rung";
  oidc.client_secret = "secret";
  oidc.redirect_url = "https://rung.example.com/sign-in/oidc/callback";
  oidc.name = "Example SSO";
  oidc.fetch = [provider](const auth::HttpCall& call) -> Result<auth::HttpReply> {
    return provider->answer(call);
  };
  options.oidc = std::move(oidc);
  return options;
}

class OidcPagesTest : public ::testing::Test {
 protected:
  // Begins at /sign-in/oidc?next=..., as the browser does; returns the callback's target.
  std::string begin(std::string_view next = "/team") {
    const Response out = world.get("/sign-in/oidc?next=" + percent_encode(next));
    EXPECT_EQ(out.status, 303);
    const std::string location = header(out, "Location");
    EXPECT_TRUE(location.starts_with("https://idp.example.com/authorize?")) << location;
    provider->nonce = location_param(location, "nonce");
    return "/sign-in/oidc/callback?code=c1&state=" + location_param(location, "state") +
           "&session_state=x&iss=https%3A%2F%2Fidp.example.com";
  }

  std::shared_ptr<FakeProvider> provider = std::make_shared<FakeProvider>();
  testing::PeopleWorld world{oidc_options(provider)};
};

TEST_F(OidcPagesTest, TheSignInPageOffersTheProvider) {
  const Response page = world.get("/sign-in?next=/team");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "Sign in with Example SSO"));
  EXPECT_TRUE(has(page, "href=\"/sign-in/oidc?next=%2Fteam\""));
}

TEST_F(OidcPagesTest, TheCallbackSignsInAndGoesOn) {
  const std::string callback = begin("/team");
  const Response out = world.get(callback);
  ASSERT_EQ(out.status, 303) << out.payload();
  EXPECT_EQ(header(out, "Location"), "/team");
  const std::string cookie = header(out, "Set-Cookie");
  ASSERT_TRUE(cookie.starts_with(std::string(k_session_cookie) + "=")) << cookie;
  const testing::Session session{
      cookie.substr(k_session_cookie.size() + 1, cookie.find(';') - k_session_cookie.size() - 1),
      "", ""};
  EXPECT_EQ(world.get("/account", &session).status, 200);
  // Replayed: refused, no cookie.
  const Response again = world.get(callback);
  EXPECT_EQ(again.status, 403);
  EXPECT_TRUE(has(again, "expired or was already used"));
  EXPECT_TRUE(has(again, R"(<a class="button" href="/sign-in">Back to sign-in</a>)"));
  EXPECT_EQ(header(again, "Set-Cookie"), "");
}

TEST_F(OidcPagesTest, AnOpenRedirectIsNotFollowed) {
  const Response out = world.get(begin("https://evil.example.com/"));
  ASSERT_EQ(out.status, 303);
  EXPECT_EQ(header(out, "Location"), "/");
}

TEST_F(OidcPagesTest, EachRefusalIsAClearPageAndNoSession) {
  provider->audience = "another-app";
  Response out = world.get(begin());
  EXPECT_EQ(out.status, 403);
  EXPECT_TRUE(has(out, "made for another application"));
  EXPECT_EQ(header(out, "Set-Cookie"), "");
  provider->audience = "rung";
  provider->email = "stranger@example.com";
  out = world.get(begin());
  EXPECT_EQ(out.status, 403);
  EXPECT_TRUE(has(out, "Rung has no person with that email"));
  EXPECT_FALSE(world.store->account_by_login("stranger@example.com").value());
  const std::string callback = begin();
  out = world.get(callback.substr(0, callback.find("code=")) + "error=access_denied&" +
                  callback.substr(callback.find("state=")));
  EXPECT_EQ(out.status, 403);
  EXPECT_TRUE(has(out, "did not sign you in (access_denied)"));
  provider->email = "ed@example.com";
  EXPECT_EQ(world.get(callback).status, 403);  // the refusal spent the state
}

TEST(OidcOffTest, TheRoutesSayItIsOff) {
  testing::PeopleWorld world;
  EXPECT_EQ(world.get("/sign-in/oidc").status, 404);
  const Response off = world.get("/sign-in/oidc/callback?code=a&state=b");
  EXPECT_EQ(off.status, 404);
  EXPECT_TRUE(has(off, R"(href="/sign-in">Back to sign-in</a>)"));
  EXPECT_FALSE(has(world.get("/sign-in"), "/sign-in/oidc"));
}

}  // namespace
}  // namespace rung::web
