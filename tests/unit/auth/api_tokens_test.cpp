// API tokens (auth/api_tokens.hpp): made with a recognisable prefix and kept only as a digest,
// audited without the token, and found again only while valid: every kind of bad token (malformed,
// unknown, expired, revoked, of an account whose person has left or that is gone) finds nobody.
#include "rung/auth/api_tokens.hpp"

#include <gtest/gtest.h>

#include "rung/auth/accounts.hpp"
#include "rung/auth/token.hpp"

#include "auth_fixture.hpp"

namespace rung::auth {
namespace {

using testing::AuthTest;
using testing::k_login;

class ApiTokens : public AuthTest {
 protected:
  NewApiToken make(std::string name = "nightly export", std::optional<int> days = std::nullopt,
                   bool read_only = false) {
    auto made =
        create_api_token(db(), "admin", ada, TokenRequest{std::move(name), days, read_only}, now);
    EXPECT_TRUE(made) << made.error().to_string();
    return made ? *made : NewApiToken{};
  }

  std::optional<Viewer> holder(std::string_view secret) {
    auto found = find_token_viewer(db(), secret, now);
    EXPECT_TRUE(found) << found.error().to_string();
    return found ? *found : std::nullopt;
  }
};

TEST_F(ApiTokens, AreRecognisableAndStoredOnlyAsADigest) {
  const NewApiToken made = make();
  EXPECT_TRUE(made.secret.starts_with("rung_")) << made.secret;
  EXPECT_EQ(made.secret.size(), 5U + 43U);
  EXPECT_TRUE(well_formed_token(made.secret));
  const auto stored = db().api_token(made.token.id).value();
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->token_hash, token_hash(made.secret));
  EXPECT_EQ(stored->name, "nightly export");
  EXPECT_EQ(stored->account, ada);
  EXPECT_EQ(stored->expires_at, 0);
  EXPECT_NE(make().secret, made.secret);
}

TEST_F(ApiTokens, CreationAndRevocationAreAuditedWithoutTheToken) {
  const NewApiToken made = make("ci", 30, true);
  ASSERT_TRUE(revoke_api_token(db(), "admin", made.token.id, now + 5));
  const auto created = audit("token.create");
  ASSERT_EQ(created.size(), 1U);
  EXPECT_EQ(created[0].actor, "admin");
  EXPECT_EQ(created[0].subject, token_subject(made.token.id));
  const auto revoked = audit("token.revoke");
  ASSERT_EQ(revoked.size(), 1U);
  for (const auto& entry : audit()) {
    for (const std::string* text : {&entry.before, &entry.after, &entry.subject}) {
      EXPECT_EQ(text->find(made.secret), std::string::npos) << *text;
      EXPECT_EQ(text->find(made.token.token_hash), std::string::npos) << *text;
      EXPECT_EQ(text->find(made.secret.substr(5, 20)), std::string::npos) << *text;
    }
  }
  // Revoking again changes nothing and writes nothing.
  auto again = revoke_api_token(db(), "admin", made.token.id, now + 99);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->revoked_at, now + 5);
  EXPECT_EQ(audit("token.revoke").size(), 1U);
}

TEST_F(ApiTokens, BadNamesExpiriesAndAccountsAreRefusedAndNothingIsWritten) {
  for (const char* name : {"", "   ", "tab\there"}) {
    auto made = create_api_token(db(), "admin", ada, TokenRequest{name, std::nullopt, false}, now);
    ASSERT_FALSE(made) << name;
    EXPECT_EQ(made.error().code, "auth.bad-token-name");
  }
  EXPECT_EQ(
      create_api_token(db(), "admin", ada, TokenRequest{std::string(101, 'x'), {}, false}, now)
          .error()
          .code,
      "auth.bad-token-name");
  for (int days : {0, -1, 3651}) {
    auto made = create_api_token(db(), "admin", ada, TokenRequest{"x", days, false}, now);
    ASSERT_FALSE(made) << days;
    EXPECT_EQ(made.error().code, "auth.bad-token-expiry");
  }
  auto nobody = create_api_token(db(), "admin", ada + 40, TokenRequest{"x", {}, false}, now);
  ASSERT_FALSE(nobody);
  EXPECT_EQ(nobody.error().kind, ErrorKind::not_found);
  EXPECT_TRUE(db().api_tokens().value().empty());
  EXPECT_TRUE(audit("token.").empty());
  EXPECT_EQ(revoke_api_token(db(), "admin", 77, now).error().code, "auth.unknown-token");
}

TEST_F(ApiTokens, AValidTokenGivesItsOwnerWithTheToken) {
  const NewApiToken made = make("ci", std::nullopt, true);
  const auto viewer = holder(made.secret);
  ASSERT_TRUE(viewer);
  EXPECT_EQ(viewer->account.login, k_login);
  ASSERT_TRUE(viewer->person);
  EXPECT_TRUE(viewer->by_token());
  EXPECT_TRUE(viewer->read_only());
  EXPECT_TRUE(viewer->session.csrf_token.empty());
  EXPECT_FALSE(viewer->admin());
}

TEST_F(ApiTokens, EveryBadTokenFindsNobody) {
  const NewApiToken good = make();
  std::string unknown = good.secret;
  unknown.back() = unknown.back() == 'A' ? 'B' : 'A';
  for (const std::string& bad :
       {std::string(), std::string("rung_"), good.secret.substr(5), good.secret + "A",
        good.secret.substr(0, good.secret.size() - 1), "Rung_" + good.secret.substr(5),
        "rung_" + std::string(43, '!'), unknown, std::string(10000, 'a')}) {
    EXPECT_EQ(holder(bad), std::nullopt) << bad;
  }
}

TEST_F(ApiTokens, AnExpiredTokenFindsNobody) {
  const NewApiToken made = make("short", 1);
  advance(std::chrono::hours(23));
  EXPECT_TRUE(holder(made.secret));
  advance(std::chrono::hours(1));
  EXPECT_EQ(holder(made.secret), std::nullopt);
}

TEST_F(ApiTokens, ARevokedTokenFindsNobody) {
  const NewApiToken made = make();
  ASSERT_TRUE(holder(made.secret));
  ASSERT_TRUE(revoke_api_token(db(), "ada", made.token.id, now));
  EXPECT_EQ(holder(made.secret), std::nullopt);
}

TEST_F(ApiTokens, ATokenOfSomeoneWhoLeftFindsNobody) {
  const NewApiToken made = make();
  ASSERT_TRUE(db().write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(auto person, w.person_by_email(k_login));
    person->status = store::PersonStatus::left;
    return w.update_person(*person);
  }));
  EXPECT_EQ(holder(made.secret), std::nullopt);
  // And no new token for them either.
  auto refused = create_api_token(db(), "admin", ada, TokenRequest{"x", {}, false}, now);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "auth.person-left");
}

TEST_F(ApiTokens, ATokenOfADisabledAccountFindsNobodyUntilItIsEnabled) {
  const NewApiToken made = make();
  ASSERT_TRUE(set_account_disabled(db(), AccountActor{"cli:root", 0}, ada, true, now));
  EXPECT_EQ(holder(made.secret), std::nullopt);
  auto refused = create_api_token(db(), "admin", ada, TokenRequest{"x", {}, false}, now);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "auth.account-disabled");
  // Not revoked: enabled again, the token works again (revoke it to end it for good).
  ASSERT_TRUE(set_account_disabled(db(), AccountActor{"cli:root", 0}, ada, false, now));
  EXPECT_TRUE(holder(made.secret));
}

TEST_F(ApiTokens, LastUseIsRecordedAtMostOnceAMinute) {
  const NewApiToken made = make();
  const store::Millis first = now;
  ASSERT_TRUE(holder(made.secret));
  EXPECT_EQ(db().api_token(made.token.id).value()->last_used_at, first);
  advance(std::chrono::seconds(59));
  const auto generation = db().generation();
  ASSERT_TRUE(holder(made.secret));
  EXPECT_EQ(db().generation(), generation) << "a use within the minute wrote to the store";
  EXPECT_EQ(db().api_token(made.token.id).value()->last_used_at, first);
  advance(std::chrono::seconds(1));
  ASSERT_TRUE(holder(made.secret));
  EXPECT_EQ(db().api_token(made.token.id).value()->last_used_at, now);
}

TEST_F(ApiTokens, OwnersAndAdminsManageATokenAndNobodyElse) {
  const NewApiToken made = make();
  Viewer owner;
  owner.account.id = ada;
  Viewer other;
  other.account.id = ada + 1;
  Viewer admin = other;
  admin.account.admin = true;
  EXPECT_TRUE(may_manage_token(owner, made.token));
  EXPECT_FALSE(may_manage_token(other, made.token));
  EXPECT_TRUE(may_manage_token(admin, made.token));
}

}  // namespace
}  // namespace rung::auth
