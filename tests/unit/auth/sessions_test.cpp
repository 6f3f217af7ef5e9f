#include "rung/auth/sessions.hpp"

#include <chrono>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "rung/auth/accounts.hpp"
#include "rung/auth/token.hpp"

#include "auth_fixture.hpp"

namespace rung::auth {
namespace {

using namespace std::chrono_literals;
using testing::AuthTest;
using testing::k_login;
using testing::k_password;

class SessionsTest : public AuthTest {};

TEST_F(SessionsTest, SignInGivesATokenAndTheViewerWithTheirPerson) {
  Sessions sessions(db(), options());
  auto signed_in = sessions.sign_in(k_login, k_password, "192.0.2.7");
  ASSERT_TRUE(signed_in) << signed_in.error().to_string();
  EXPECT_EQ(signed_in->token.size(), 43U);
  const Viewer& viewer = signed_in->viewer;
  EXPECT_EQ(viewer.account.id, ada);
  EXPECT_FALSE(viewer.admin());
  ASSERT_TRUE(viewer.person);
  EXPECT_EQ(viewer.person->name, "Ada Lovelace");
  EXPECT_EQ(viewer.session.token_hash, token_hash(signed_in->token));
  EXPECT_EQ(viewer.session.created_at, now);
  EXPECT_EQ(viewer.session.csrf_token.size(), 43U);
  // The store keeps the hash, never the token.
  EXPECT_TRUE(db().session(token_hash(signed_in->token)).value());
  EXPECT_FALSE(db().session(signed_in->token).value());
}

TEST_F(SessionsTest, SignInIsAuditedWithTheAddressInTheSameWrite) {
  Sessions sessions(db(), options());
  ASSERT_TRUE(sessions.sign_in(k_login, k_password, "192.0.2.7"));
  auto entries = audit("session.sign-in");
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0].actor, k_login);
  EXPECT_EQ(entries[0].subject, "account:" + std::to_string(ada));
  EXPECT_EQ(entries[0].at, now);
  EXPECT_EQ(nlohmann::json::parse(entries[0].after).at("address"), "192.0.2.7");
}

TEST_F(SessionsTest, LoginIgnoresCaseAndSurroundingSpace) {
  Sessions sessions(db(), options());
  EXPECT_TRUE(sessions.sign_in("  Ada@Example.COM ", k_password, "a"));
}

TEST_F(SessionsTest, UnknownLoginAndWrongPasswordFailAlike) {
  Sessions sessions(db(), options());
  auto wrong = sessions.sign_in(k_login, "not the password", "a");
  auto unknown = sessions.sign_in("nobody@example.com", k_password, "a");
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().code, "auth.bad-credentials");
  EXPECT_EQ(unknown.error().code, wrong.error().code);
  EXPECT_EQ(unknown.error().message, wrong.error().message);
  EXPECT_TRUE(audit("session.").empty());
}

TEST_F(SessionsTest, ViewerFindsTheSessionOfAToken) {
  Sessions sessions(db(), options());
  auto signed_in = sessions.sign_in(k_login, k_password, "a");
  ASSERT_TRUE(signed_in);
  auto viewer = sessions.viewer(signed_in->token);
  ASSERT_TRUE(viewer);
  EXPECT_EQ(viewer->account.login, k_login);
  EXPECT_EQ(viewer->session, signed_in->viewer.session);
  EXPECT_FALSE(sessions.viewer(new_token()));
  EXPECT_FALSE(sessions.viewer(""));
  EXPECT_FALSE(sessions.viewer(signed_in->viewer.session.token_hash));
  EXPECT_FALSE(sessions.viewer(std::string(10000, 'a')));
}

TEST_F(SessionsTest, IdleSessionEndsAfterTwelveHoursAndIsDeleted) {
  Sessions sessions(db(), options());
  auto signed_in = sessions.sign_in(k_login, k_password, "a");
  ASSERT_TRUE(signed_in);
  advance(12h - 1ms);
  EXPECT_TRUE(sessions.viewer(signed_in->token));  // and this use counts as activity
  advance(12h - 1ms);
  EXPECT_TRUE(sessions.viewer(signed_in->token));
  advance(12h);
  EXPECT_FALSE(sessions.viewer(signed_in->token));
  EXPECT_FALSE(db().session(signed_in->viewer.session.token_hash).value());
}

TEST_F(SessionsTest, ActiveSessionStillEndsSevenDaysAfterSignIn) {
  Sessions sessions(db(), options());
  auto signed_in = sessions.sign_in(k_login, k_password, "a");
  ASSERT_TRUE(signed_in);
  for (int i = 0; i < 15; ++i) {  // used every 11 hours: 165 hours, under 7 days
    advance(11h);
    ASSERT_TRUE(sessions.viewer(signed_in->token)) << i;
  }
  advance(3h);  // 168 hours
  EXPECT_FALSE(sessions.viewer(signed_in->token));
}

TEST_F(SessionsTest, LastSeenIsWrittenAtMostOncePerMinute) {
  Sessions sessions(db(), options());
  auto signed_in = sessions.sign_in(k_login, k_password, "a");
  ASSERT_TRUE(signed_in);
  const std::string hash = signed_in->viewer.session.token_hash;
  const auto generation = db().generation();
  advance(59s);
  EXPECT_TRUE(sessions.viewer(signed_in->token));
  EXPECT_EQ(db().session(hash).value()->last_seen_at, signed_in->viewer.session.created_at);
  EXPECT_EQ(db().generation(), generation);
  advance(1s);
  auto viewer = sessions.viewer(signed_in->token);
  ASSERT_TRUE(viewer);
  EXPECT_EQ(viewer->session.last_seen_at, now);
  EXPECT_EQ(db().session(hash).value()->last_seen_at, now);
}

TEST_F(SessionsTest, ExpiredSessionsAreSweptAtTheNextSignIn) {
  Sessions sessions(db(), options());
  auto old = sessions.sign_in(k_login, k_password, "a");
  ASSERT_TRUE(old);
  advance(13h);
  ASSERT_TRUE(sessions.sign_in(k_login, k_password, "a"));
  EXPECT_FALSE(db().session(old->viewer.session.token_hash).value());
}

TEST_F(SessionsTest, AdminWithoutPersonSignsIn) {
  add_account("root@example.com", "another good password", true);
  Sessions sessions(db(), options());
  auto signed_in = sessions.sign_in("root@example.com", "another good password", "a");
  ASSERT_TRUE(signed_in);
  EXPECT_TRUE(signed_in->viewer.admin());
  EXPECT_FALSE(signed_in->viewer.person);
}

TEST_F(SessionsTest, SomeoneWhoLeftCannotSignInAndLosesTheirSessions) {
  Sessions sessions(db(), options());
  auto signed_in = sessions.sign_in(k_login, k_password, "a");
  ASSERT_TRUE(signed_in);
  ASSERT_TRUE(db().write([](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(auto person, w.person_by_email(k_login));
    person->status = store::PersonStatus::left;
    return w.update_person(*person);
  }));
  EXPECT_FALSE(sessions.viewer(signed_in->token));
  const auto audited = audit().size();
  auto again = sessions.sign_in(k_login, k_password, "a");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "auth.person-left");
  EXPECT_EQ(audit().size(), audited);  // nothing of the refused sign-in was written
}

// Disabled accounts (docs/auth.md): every door is shut from the next request, the sessions end,
// and only someone who proves who they are learns that the account is disabled.
TEST_F(SessionsTest, ADisabledAccountIsRefusedAtEveryDoor) {
  const store::Id root = add_account("root@example.com", "another good password", true);
  Sessions sessions(db(), options());
  auto signed_in = sessions.sign_in(k_login, k_password, "a");
  ASSERT_TRUE(signed_in);
  auto disabled =
      set_account_disabled(db(), AccountActor{"root@example.com", root}, ada, true, now);
  ASSERT_TRUE(disabled) << disabled.error().to_string();
  EXPECT_EQ(disabled->disabled_at, now);

  // The session cookie: refused, and the session is gone from the store.
  EXPECT_FALSE(sessions.viewer(signed_in->token));
  EXPECT_FALSE(db().session(signed_in->viewer.session.token_hash).value());
  const auto audited = audit().size();
  // The password: the right one is told the account is disabled; a wrong one learns nothing.
  auto right = sessions.sign_in(k_login, k_password, "a");
  ASSERT_FALSE(right);
  EXPECT_EQ(right.error().code, "auth.account-disabled");
  EXPECT_EQ(right.error().message, "your account is disabled; ask an admin");
  auto wrong = sessions.sign_in(k_login, "not the password at all", "a");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, "auth.bad-credentials");
  // A proxy's header and an OpenID Connect provider's ID token (both sign_in_vouched).
  for (const std::string_view via : {"proxy", "oidc"}) {
    auto vouched = sessions.sign_in_vouched("Ada@Example.com", "a", via);
    ASSERT_FALSE(vouched) << via;
    EXPECT_EQ(vouched.error().code, "auth.account-disabled") << via;
  }
  EXPECT_EQ(audit().size(), audited);  // nothing of the refused sign-ins was written

  // Enabled again: signs in; the session ended by disabling stays ended.
  ASSERT_TRUE(set_account_disabled(db(), AccountActor{"root@example.com", root}, ada, false, now));
  EXPECT_TRUE(sessions.sign_in(k_login, k_password, "a"));
  EXPECT_TRUE(sessions.sign_in_vouched(k_login, "a", "oidc"));
  EXPECT_FALSE(sessions.viewer(signed_in->token));
}

TEST_F(SessionsTest, AnAccountDisabledMidRequestIsRefusedItsNextRequest) {
  Sessions sessions(db(), options());
  auto signed_in = sessions.sign_in(k_login, k_password, "a");
  ASSERT_TRUE(signed_in);
  // Disabled by another instance straight in the store (its sessions left behind): the
  // account's flag alone refuses the cookie.
  ASSERT_TRUE(db().write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(auto account, w.account(ada));
    account->disabled_at = now;
    return w.update_account(*account);
  }));
  EXPECT_FALSE(sessions.viewer(signed_in->token));
}

TEST_F(SessionsTest, CsrfTokenMatchesOnlyItsOwnSession) {
  Sessions sessions(db(), options());
  auto one = sessions.sign_in(k_login, k_password, "a");
  auto two = sessions.sign_in(k_login, k_password, "a");
  ASSERT_TRUE(one && two);
  EXPECT_TRUE(sessions.check_csrf(one->viewer, one->viewer.session.csrf_token));
  EXPECT_FALSE(sessions.check_csrf(one->viewer, two->viewer.session.csrf_token));
  EXPECT_FALSE(sessions.check_csrf(one->viewer, ""));
  EXPECT_FALSE(sessions.check_csrf(one->viewer, one->token));
  EXPECT_NE(one->viewer.session.csrf_token, one->token);
}

}  // namespace
}  // namespace rung::auth
