#include <chrono>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "rung/auth/sessions.hpp"
#include "rung/auth/token.hpp"

#include "auth_fixture.hpp"

namespace rung::auth {
namespace {

using namespace std::chrono_literals;
using testing::AuthTest;
using testing::k_login;
using testing::k_password;

constexpr std::string_view k_new_password = "a much better passphrase";

class SessionChangesTest : public AuthTest {
 protected:
  SignedIn sign_in(Sessions& sessions, std::string_view password = k_password) {
    auto signed_in = sessions.sign_in(k_login, password, "a");
    EXPECT_TRUE(signed_in) << signed_in.error().to_string();
    return signed_in ? *signed_in : SignedIn{};
  }
};

TEST_F(SessionChangesTest, SignOutEndsOnlyThisSession) {
  Sessions sessions(db(), options());
  SignedIn one = sign_in(sessions);
  SignedIn two = sign_in(sessions);
  ASSERT_TRUE(sessions.sign_out(one.viewer));
  EXPECT_FALSE(sessions.viewer(one.token));
  EXPECT_TRUE(sessions.viewer(two.token));
  auto entries = audit("session.sign-out");
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0].actor, k_login);
}

TEST_F(SessionChangesTest, SignOutEverywhereEndsEverySessionOfTheAccount) {
  add_account("bob@example.com", "bobs own password", false);
  Sessions sessions(db(), options());
  SignedIn one = sign_in(sessions);
  SignedIn two = sign_in(sessions);
  auto bob = sessions.sign_in("bob@example.com", "bobs own password", "b");
  ASSERT_TRUE(bob);
  auto ended = sessions.sign_out_everywhere(two.viewer);
  ASSERT_TRUE(ended);
  EXPECT_EQ(*ended, 2U);
  EXPECT_FALSE(sessions.viewer(one.token));
  EXPECT_FALSE(sessions.viewer(two.token));
  EXPECT_TRUE(sessions.viewer(bob->token));
  auto entries = audit("session.sign-out-everywhere");
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(nlohmann::json::parse(entries[0].after).at("sessions_ended"), 2);
}

TEST_F(SessionChangesTest, ChangePasswordKeepsThisSessionAndEndsTheOthers) {
  Sessions sessions(db(), options());
  SignedIn here = sign_in(sessions);
  SignedIn elsewhere = sign_in(sessions);
  advance(5min);
  ASSERT_TRUE(sessions.change_password(here.viewer, k_password, k_new_password));
  EXPECT_TRUE(sessions.viewer(here.token));
  EXPECT_FALSE(sessions.viewer(elsewhere.token));
  EXPECT_FALSE(sessions.sign_in(k_login, k_password, "a"));
  EXPECT_TRUE(sessions.sign_in(k_login, k_new_password, "a"));
  auto account = db().account(ada).value();
  EXPECT_EQ(account->password_changed_at, now);
  auto entries = audit("account.password-change");
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0].actor, k_login);
  EXPECT_EQ(nlohmann::json::parse(entries[0].after).at("password_changed_at"), now);
}

TEST_F(SessionChangesTest, ChangePasswordChecksTheCurrentOneAndThePolicy) {
  Sessions sessions(db(), options());
  SignedIn here = sign_in(sessions);
  auto code = [&](std::string_view old_pw, std::string_view new_pw) {
    auto changed = sessions.change_password(here.viewer, old_pw, new_pw);
    return changed ? std::string("ok") : changed.error().code;
  };
  EXPECT_EQ(code("wrong password", k_new_password), "auth.bad-credentials");
  EXPECT_EQ(code(k_password, "too short"), "auth.password-too-short");
  EXPECT_EQ(code(k_password, k_login), "auth.password-is-login");
  EXPECT_EQ(code(k_password, k_password), "auth.password-unchanged");
  EXPECT_TRUE(audit("account.").empty());
  EXPECT_TRUE(sessions.sign_in(k_login, k_password, "a"));
}

TEST_F(SessionChangesTest, WrongCurrentPasswordsAreThrottled) {
  Sessions sessions(db(), options());
  SignedIn here = sign_in(sessions);
  for (int i = 0; i < 5; ++i) {
    ASSERT_FALSE(sessions.change_password(here.viewer, "wrong password", k_new_password));
  }
  auto changed = sessions.change_password(here.viewer, k_password, k_new_password);
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code, "auth.throttled");
}

TEST_F(SessionChangesTest, ResetEndsEverySessionAndForcesAChange) {
  Sessions sessions(db(), options());
  SignedIn before = sign_in(sessions);
  auto one_time = sessions.reset_password("hr@example.com", ada);
  ASSERT_TRUE(one_time) << one_time.error().to_string();
  EXPECT_FALSE(sessions.viewer(before.token));
  EXPECT_FALSE(sessions.sign_in(k_login, k_password, "a"));

  SignedIn after = sign_in(sessions, *one_time);
  EXPECT_TRUE(after.viewer.account.must_change_password);
  auto entries = audit("account.password-reset");
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0].actor, "hr@example.com");
  EXPECT_EQ(nlohmann::json::parse(entries[0].after).at("must_change_password"), true);

  ASSERT_TRUE(sessions.change_password(after.viewer, *one_time, k_new_password));
  EXPECT_FALSE(sessions.viewer(after.token)->account.must_change_password);
}

TEST_F(SessionChangesTest, ResetOfAnUnknownAccountFails) {
  Sessions sessions(db(), options());
  auto reset = sessions.reset_password("hr@example.com", 999);
  ASSERT_FALSE(reset);
  EXPECT_EQ(reset.error().code, "auth.unknown-account");
}

TEST_F(SessionChangesTest, ResetLiftsTheLoginsThrottle) {
  Sessions sessions(db(), options());
  for (int i = 0; i < 5; ++i) {
    ASSERT_FALSE(sessions.sign_in(k_login, "wrong password", "a"));
  }
  auto one_time = sessions.reset_password("hr@example.com", ada);
  ASSERT_TRUE(one_time);
  EXPECT_TRUE(sessions.sign_in(k_login, *one_time, "b"));
}

TEST_F(SessionChangesTest, NoSecretReachesTheAuditLog) {
  Sessions sessions(db(), options());
  SignedIn one = sign_in(sessions);
  ASSERT_TRUE(sessions.change_password(one.viewer, k_password, k_new_password));
  auto one_time = sessions.reset_password("hr@example.com", ada);
  ASSERT_TRUE(one_time);
  SignedIn two = sign_in(sessions, *one_time);
  ASSERT_TRUE(sessions.sign_out(two.viewer));
  const std::string hash = db().account(ada).value()->password_hash;

  const std::vector<std::string> secrets = {
      std::string(k_password),       std::string(k_new_password),   *one_time, one.token, two.token,
      one.viewer.session.token_hash, two.viewer.session.csrf_token, hash,      "$argon2"};
  const auto entries = audit();
  EXPECT_GE(entries.size(), 5U);
  for (const auto& entry : entries) {
    for (const auto& field :
         {entry.actor, entry.action, entry.subject, entry.before, entry.after}) {
      for (const auto& secret : secrets) {
        EXPECT_EQ(field.find(secret), std::string::npos) << entry.action << ": " << field;
      }
    }
  }
}

}  // namespace
}  // namespace rung::auth
