#include "rung/auth/accounts.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "rung/auth/password.hpp"
#include "rung/store/memory/store.hpp"

namespace rung::auth {
namespace {

constexpr store::Millis k_now = 1'750'000'000'000;

TEST(AddAccount, CreatesAnAccountThatMustChangeItsOneTimePassword) {
  auto db = store::memory::make_store();
  auto added =
      add_account(*db, "  Grace@Example.com ", false, "cli:root", k_now, HashCost::test_minimum);
  ASSERT_TRUE(added) << added.error().to_string();
  EXPECT_EQ(added->account.login, "grace@example.com");
  EXPECT_TRUE(added->account.must_change_password);
  EXPECT_FALSE(added->account.admin);

  auto stored = db->account_by_login("grace@example.com").value();
  ASSERT_TRUE(stored);
  EXPECT_EQ(*stored, added->account);
  EXPECT_TRUE(verify_password(stored->password_hash, added->one_time_password));

  auto entries = db->audit({}).value();
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0].action, "account.create");
  EXPECT_EQ(entries[0].actor, "cli:root");
  EXPECT_EQ(entries[0].subject, "account:" + std::to_string(stored->id));
  EXPECT_EQ(entries[0].before, "");
  auto after = nlohmann::json::parse(entries[0].after);
  EXPECT_EQ(after.at("login"), "grace@example.com");
  EXPECT_FALSE(after.contains("password_hash"));
  EXPECT_EQ(entries[0].after.find(added->one_time_password), std::string::npos);
}

TEST(AddAccount, RefusesATakenLoginAndWritesNothing) {
  auto db = store::memory::make_store();
  ASSERT_TRUE(add_account(*db, "grace@example.com", false, "t", k_now, HashCost::test_minimum));
  auto again = add_account(*db, "GRACE@example.com", true, "t", k_now, HashCost::test_minimum);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "auth.login-taken");
  EXPECT_EQ(db->accounts().value().size(), 1U);
  EXPECT_EQ(db->audit({}).value().size(), 1U);
}

TEST(AddAccount, RefusesUnusableLogins) {
  auto db = store::memory::make_store();
  const std::vector<std::string> logins = {
      "", "   ", "two words", "tab\there", std::string(255, 'a'), "bad\xff"};
  for (const std::string& login : logins) {
    auto added = add_account(*db, login, false, "t", k_now, HashCost::test_minimum);
    ASSERT_FALSE(added) << login;
    EXPECT_EQ(added.error().code, "auth.bad-login") << login;
  }
  EXPECT_TRUE(db->accounts().value().empty());
}

TEST(BootstrapAdmin, CreatesAdminOnceOnAnEmptyStore) {
  auto db = store::memory::make_store();
  auto first = bootstrap_admin(*db, k_now, HashCost::test_minimum);
  ASSERT_TRUE(first) << first.error().to_string();
  ASSERT_TRUE(*first);
  auto admin = db->account_by_login("admin").value();
  ASSERT_TRUE(admin);
  EXPECT_TRUE(admin->admin);
  EXPECT_TRUE(admin->must_change_password);
  EXPECT_TRUE(verify_password(admin->password_hash, **first));
  auto entries = db->audit({}).value();
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0].actor, "system");

  auto second = bootstrap_admin(*db, k_now, HashCost::test_minimum);
  ASSERT_TRUE(second);
  EXPECT_FALSE(*second);
  EXPECT_EQ(db->accounts().value().size(), 1U);
}

TEST(BootstrapAdmin, DoesNothingWhenAnyAccountExists) {
  auto db = store::memory::make_store();
  ASSERT_TRUE(add_account(*db, "grace@example.com", false, "t", k_now, HashCost::test_minimum));
  auto result = bootstrap_admin(*db, k_now, HashCost::test_minimum);
  ASSERT_TRUE(result);
  EXPECT_FALSE(*result);
  EXPECT_FALSE(db->account_by_login("admin").value());
}

TEST(ResetPassword, GivesANewOneTimePassword) {
  auto db = store::memory::make_store();
  auto added = add_account(*db, "grace@example.com", false, "t", k_now, HashCost::test_minimum);
  ASSERT_TRUE(added);
  auto reset =
      reset_password(*db, "cli:root", added->account.id, k_now + 1, HashCost::test_minimum);
  ASSERT_TRUE(reset);
  EXPECT_NE(*reset, added->one_time_password);
  auto stored = db->account(added->account.id).value();
  EXPECT_TRUE(verify_password(stored->password_hash, *reset));
  EXPECT_FALSE(verify_password(stored->password_hash, added->one_time_password));
  EXPECT_EQ(stored->password_changed_at, k_now + 1);
}

}  // namespace
}  // namespace rung::auth
