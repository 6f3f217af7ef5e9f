// Signing in and out through the App as a browser does (the sign-in form's double-submit
// cookie, the session cookie), the password change an account with a one-time password must
// make first, and the headers that keep personal pages out of shared caches.
#include <gtest/gtest.h>

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::header;
using testing::PeopleWorld;
using testing::Session;

std::string set_cookie_of(const Response& response, std::string_view name) {
  for (const auto& [field, value] : response.headers.fields()) {
    if (iequals(field, "Set-Cookie") && value.starts_with(std::string(name) + "=")) {
      return value;
    }
  }
  return "";
}

// The value between `name=` and the first ';'.
std::string cookie_value(const std::string& set_cookie) {
  const auto eq = set_cookie.find('=');
  return set_cookie.substr(eq + 1, set_cookie.find(';') - eq - 1);
}

class AccountPages : public ::testing::Test {
 protected:
  // GET /sign-in, then POST the form with its cookie, as a browser would.
  Response sign_in_form(std::string login, std::string password, std::string next = "/") {
    Response form = world.get("/sign-in?next=" + percent_encode(next));
    EXPECT_EQ(form.status, 200);
    const std::string csrf = cookie_value(set_cookie_of(form, k_signin_csrf_cookie));
    EXPECT_NE(form.payload().find("value=\"" + csrf + "\""), std::string::npos);
    Request post = testing::request("/sign-in", {}, "POST");
    post.headers.add("Content-Type", "application/x-www-form-urlencoded");
    post.headers.add("Cookie", std::string(k_signin_csrf_cookie) + "=" + csrf);
    post.body = "csrf=" + csrf + "&login=" + percent_encode(login) +
                "&password=" + percent_encode(password) + "&next=" + percent_encode(next);
    return world.app->handle(post);
  }

  PeopleWorld world;
};

TEST_F(AccountPages, SignInSetsAnHttpOnlySessionCookieAndGoesToNext) {
  const std::string page = "/people/" + std::to_string(world.ed);
  Response signed_in = sign_in_form("ed@example.com", std::string(testing::k_world_password), page);
  EXPECT_EQ(signed_in.status, 303);
  EXPECT_EQ(header(signed_in, "Location"), page);
  const std::string cookie = set_cookie_of(signed_in, k_session_cookie);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);
  const Session session{cookie_value(cookie), "", ""};
  Response own = world.get(page, &session);
  EXPECT_EQ(own.status, 200);
  EXPECT_NE(own.payload().find("Ed Engineer"), std::string::npos);
  EXPECT_NE(own.payload().find("Your page"), std::string::npos);
}

TEST_F(AccountPages, WrongPasswordAndUnknownLoginGetTheSameAnswer) {
  Response wrong = sign_in_form("ed@example.com", "not the password at all");
  Response unknown = sign_in_form("nobody@example.com", "not the password at all");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_TRUE(set_cookie_of(wrong, k_session_cookie).empty());
  const auto message = [](const Response& r) {
    const auto at = r.payload().find("role=\"alert\">");
    return std::string(r.payload().substr(at, r.payload().find('<', at + 14) - at));
  };
  EXPECT_EQ(message(wrong), message(unknown));
}

TEST_F(AccountPages, NextNeverLeavesTheSite) {
  for (const char* next : {"//evil.example/x", "https://evil.example/", "/\\evil.example"}) {
    Response response =
        sign_in_form("ed@example.com", std::string(testing::k_world_password), next);
    EXPECT_EQ(header(response, "Location"), "/") << next;
  }
}

TEST_F(AccountPages, SignInWithoutTheFormsCookieIsRefused) {
  Request post = testing::request("/sign-in", {}, "POST");
  post.headers.add("Content-Type", "application/x-www-form-urlencoded");
  post.body = "csrf=guess&login=ed%40example.com&password=" +
              percent_encode(std::string(testing::k_world_password));
  EXPECT_EQ(world.app->handle(post).status, 403);
}

TEST_F(AccountPages, AnonymousPagesGetTheSignInFormComingBackAndTheApiGetsJson) {
  const std::string page = "/people/" + std::to_string(world.ed) + "/team";
  Response html = world.get(page);
  EXPECT_EQ(html.status, 401);
  EXPECT_NE(html.payload().find("name=\"next\" value=\"" + page + "\""), std::string::npos);
  EXPECT_EQ(header(html, "Cache-Control"), "no-store");
  Response api = world.get("/api/v1/people");
  EXPECT_EQ(api.status, 401);
  EXPECT_EQ(header(api, "Content-Type"), "application/json");
  EXPECT_NE(api.payload().find("\"code\": \"unauthenticated\""), std::string::npos);
}

TEST_F(AccountPages, SignOutEndsTheSessionAndForgetsTheCookie) {
  const Session ed = world.sign_in("ed@example.com");
  EXPECT_EQ(world.get("/account", &ed).status, 200);
  Response out = world.post("/sign-out", &ed);
  EXPECT_EQ(out.status, 303);
  EXPECT_NE(set_cookie_of(out, k_session_cookie).find("Max-Age=0"), std::string::npos);
  Response after = world.get("/account", &ed);
  EXPECT_EQ(after.status, 401);
  EXPECT_NE(set_cookie_of(after, k_session_cookie).find("Max-Age=0"), std::string::npos);
}

TEST_F(AccountPages, SignOutEverywhereEndsEverySessionOfTheAccount) {
  const Session phone = world.sign_in("ed@example.com");
  const Session laptop = world.sign_in("ed@example.com");
  EXPECT_EQ(world.post("/account/sign-out-everywhere", &laptop).status, 303);
  EXPECT_EQ(world.get("/account", &phone).status, 401);
  EXPECT_EQ(world.get("/account", &laptop).status, 401);
}

TEST_F(AccountPages, AOneTimePasswordMustBeChangedBeforeAnythingElse) {
  world.add_account("new@example.com", false, true);
  Response signed_in = sign_in_form("new@example.com", std::string(testing::k_world_password));
  EXPECT_EQ(header(signed_in, "Location"), "/account");
  const Session session = world.sign_in("new@example.com");
  Response overview = world.get("/", &session);
  EXPECT_EQ(overview.status, 303);
  EXPECT_EQ(header(overview, "Location"), "/account");
  EXPECT_EQ(world.get("/api/v1/people", &session).status, 403);
  Response account = world.get("/account", &session);
  EXPECT_EQ(account.status, 200);
  EXPECT_NE(account.payload().find("Choose a new password"), std::string::npos);
  Response mismatch = world.post("/account/password", &session,
                                 {{"current_password", std::string(testing::k_world_password)},
                                  {"new_password", "a brand new password"},
                                  {"confirm_password", "a different password"}});
  EXPECT_EQ(mismatch.status, 400);
  Response changed = world.post("/account/password", &session,
                                {{"current_password", std::string(testing::k_world_password)},
                                 {"new_password", "a brand new password"},
                                 {"confirm_password", "a brand new password"}});
  EXPECT_EQ(changed.status, 303);
  EXPECT_EQ(header(changed, "Location"), "/account?done=password");
  EXPECT_EQ(world.get("/", &session).status, 200);
}

// Issue 13, item 11: after the forced password change, on to the page that was asked for (a
// local path only).
TEST_F(AccountPages, TheForcedPasswordChangeGoesOnToThePageAskedFor) {
  world.add_account("new@example.com", false, true);
  const std::string asked = "/levels/swe-2";
  Response signed_in =
      sign_in_form("new@example.com", std::string(testing::k_world_password), asked);
  EXPECT_EQ(header(signed_in, "Location"), "/account?next=" + percent_encode(asked));
  const Session session = world.sign_in("new@example.com");
  EXPECT_EQ(header(world.get("/people", &session), "Location"),
            "/account?next=" + percent_encode("/people"));
  Response account = world.get("/account?next=" + percent_encode(asked), &session);
  EXPECT_NE(account.payload().find(R"(<input type="hidden" name="next" value="/levels/swe-2">)"),
            std::string::npos);
  const std::vector<std::pair<std::string, std::string>> form{
      {"current_password", std::string(testing::k_world_password)},
      {"new_password", "a brand new password"},
      {"confirm_password", "a brand new password"},
      {"next", asked}};
  Response changed = world.post("/account/password", &session, form);
  EXPECT_EQ(changed.status, 303);
  EXPECT_EQ(header(changed, "Location"), asked);
  EXPECT_EQ(world.get(asked, &session).status, 200);
  // Another site's address is never followed.
  world.add_account("other@example.com", false, true);
  const Session other = world.sign_in("other@example.com");
  Response away = world.post("/account/password", &other,
                             {{"current_password", std::string(testing::k_world_password)},
                              {"new_password", "a brand new password"},
                              {"confirm_password", "a brand new password"},
                              {"next", "//evil.example/"}});
  EXPECT_EQ(header(away, "Location"), "/account?done=password");
}

TEST_F(AccountPages, PersonalPagesAreNeverStoredAndTheLadderIsPrivateWhenSignedIn) {
  const Session ed = world.sign_in("ed@example.com");
  Response person = world.get("/people/" + std::to_string(world.ed), &ed);
  EXPECT_EQ(header(person, "Cache-Control"), "no-store");
  EXPECT_NE(header(person, "Vary").find("Cookie"), std::string::npos);
  Response level = world.get("/levels/swe-2", &ed);
  EXPECT_EQ(level.status, 200);
  EXPECT_EQ(header(level, "Cache-Control"), "private, no-cache");
  EXPECT_NE(header(level, "Vary").find("Cookie"), std::string::npos);
}

TEST(AccountPagesCache, TheCachedLadderKeepsEachKindOfViewersNavigation) {
  AppOptions options;
  options.public_ladder = true;
  PeopleWorld world(options);
  Response anonymous = world.get("/levels/swe-2");
  EXPECT_NE(anonymous.payload().find(">Sign in</a>"), std::string::npos);
  EXPECT_EQ(anonymous.payload().find(">People</a>"), std::string::npos);
  const Session ed = world.sign_in("ed@example.com");
  Response member = world.get("/levels/swe-2", &ed);
  EXPECT_NE(member.payload().find(">People</a>"), std::string::npos);
  EXPECT_EQ(member.payload().find(">Admin</a>"), std::string::npos);
  EXPECT_EQ(member.payload().find(">Sign in</a>"), std::string::npos);
  const Session admin = world.sign_in("admin");
  EXPECT_NE(world.get("/levels/swe-2", &admin).payload().find(">Admin</a>"), std::string::npos);
  EXPECT_NE(world.get("/levels/swe-2").payload().find(">Sign in</a>"), std::string::npos);
}

// A throttled sign-in is 429 with the wait as Retry-After (Error::retry_after, not the
// message's text); a wrong password before that is 401 without it.
TEST_F(AccountPages, AThrottledSignInSaysWhenToTryAgain) {
  for (int i = 0; i < 5; ++i) {
    Response wrong = sign_in_form("ed@example.com", "not the password at all");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(header(wrong, "Retry-After"), "");
  }
  Response throttled = sign_in_form("ed@example.com", std::string(testing::k_world_password));
  EXPECT_EQ(throttled.status, 429);
  const std::string wait = header(throttled, "Retry-After");
  ASSERT_FALSE(wait.empty());
  EXPECT_GT(std::stol(wait), 0);
  EXPECT_LE(std::stol(wait), 15 * 60);
  EXPECT_NE(throttled.payload().find("try again in " + wait + " seconds"), std::string::npos);
}

}  // namespace
}  // namespace rung::web
