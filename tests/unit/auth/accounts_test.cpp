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

// --- Disabling, enabling and deleting (schema 11) ------------------------------------------

class AccountChanges : public ::testing::Test {
 protected:
  void SetUp() override {
    root = add("root@example.com", true);
    ada = add("ada@example.com", false);
  }

  store::Id add(const std::string& login, bool admin) {
    auto added = add_account(*db, login, admin, "cli:t", k_now, HashCost::test_minimum);
    EXPECT_TRUE(added) << added.error().to_string();
    return added ? added->account.id : 0;
  }

  std::vector<store::AuditEntry> entries(const std::string& action) {
    store::AuditQuery query;
    query.action = action;
    return db->audit(query).value();
  }

  std::unique_ptr<store::Store> db = store::memory::make_store();
  store::Id root = 0;
  store::Id ada = 0;
};

TEST_F(AccountChanges, DisablingEndsSessionsAndIsAuditedOnce) {
  ASSERT_TRUE(db->write([&](store::Writer& w) {
    return w.insert_session(store::Session{"digest", ada, "csrf", k_now, k_now});
  }));
  const AccountActor admin{"root@example.com", root};
  auto done = set_account_disabled(*db, admin, ada, true, k_now + 5);
  ASSERT_TRUE(done) << done.error().to_string();
  EXPECT_EQ(db->account(ada).value()->disabled_at, k_now + 5);
  EXPECT_FALSE(db->session("digest").value());
  // Again: nothing changes, nothing is written.
  ASSERT_TRUE(set_account_disabled(*db, admin, ada, true, k_now + 9));
  EXPECT_EQ(db->account(ada).value()->disabled_at, k_now + 5);
  const auto disables = entries("account.disable");
  ASSERT_EQ(disables.size(), 1U);
  EXPECT_EQ(disables[0].actor, "root@example.com");
  EXPECT_EQ(disables[0].subject, account_subject(ada));
  EXPECT_EQ(nlohmann::json::parse(disables[0].before).at("disabled_at"), 0);
  EXPECT_EQ(nlohmann::json::parse(disables[0].after).at("disabled_at"), k_now + 5);
  EXPECT_EQ(nlohmann::json::parse(disables[0].after).at("login"), "ada@example.com");

  ASSERT_TRUE(set_account_disabled(*db, admin, ada, false, k_now + 10));
  EXPECT_FALSE(db->account(ada).value()->disabled());
  EXPECT_EQ(entries("account.enable").size(), 1U);
}

TEST_F(AccountChanges, NobodyDisablesOrDeletesTheirOwnAccountOrTheLastAdmin) {
  auto own = set_account_disabled(*db, AccountActor{"root@example.com", root}, root, true, k_now);
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().code, "auth.own-account");
  auto own_delete = delete_account(*db, AccountActor{"root@example.com", root}, root, k_now);
  ASSERT_FALSE(own_delete);
  EXPECT_EQ(own_delete.error().code, "auth.own-account");
  // From the command line (no account of its own): root is still the last enabled admin.
  auto last = set_account_disabled(*db, AccountActor{"cli:t", 0}, root, true, k_now);
  ASSERT_FALSE(last);
  EXPECT_EQ(last.error().code, "auth.last-admin");
  EXPECT_EQ(last.error().kind, ErrorKind::conflict);
  auto last_delete = delete_account(*db, AccountActor{"cli:t", 0}, root, k_now);
  ASSERT_FALSE(last_delete);
  EXPECT_EQ(last_delete.error().code, "auth.last-admin");
  // A disabled admin does not count: with a second admin disabled, root is still the last.
  const store::Id second = add("second@example.com", true);
  ASSERT_TRUE(set_account_disabled(*db, AccountActor{"cli:t", 0}, second, true, k_now));
  EXPECT_EQ(set_account_disabled(*db, AccountActor{"cli:t", 0}, root, true, k_now).error().code,
            "auth.last-admin");
  // Enabled, the second lets root be disabled.
  ASSERT_TRUE(set_account_disabled(*db, AccountActor{"cli:t", 0}, second, false, k_now));
  EXPECT_TRUE(
      set_account_disabled(*db, AccountActor{"second@example.com", second}, root, true, k_now));
  EXPECT_FALSE(db->account(root).value()->admin == false);  // still an admin, only disabled
  auto unknown = set_account_disabled(*db, AccountActor{"cli:t", 0}, 999, true, k_now);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, "auth.unknown-account");
}

TEST_F(AccountChanges, OnlyAnAccountNothingNamesIsDeleted) {
  const store::Id typo = add("chen@exmaple.com", false);
  ASSERT_TRUE(db->write([&](store::Writer& w) -> Result<void> {
    store::AuditEntry entry;
    entry.at = k_now;
    entry.actor = "ada@example.com";
    entry.action = "session.sign-in";
    entry.subject = account_subject(ada);
    return w.append_audit(entry).map([](store::Id) {});
  }));
  const AccountActor admin{"root@example.com", root};
  auto refused = delete_account(*db, admin, ada, k_now);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "auth.account-in-use");
  EXPECT_EQ(refused.error().message,
            "ada@example.com cannot be deleted: it is named by 1 entry in the audit log");
  EXPECT_NE(refused.error().hint.find("disable it instead"), std::string::npos);
  EXPECT_TRUE(db->account(ada).value());

  ASSERT_TRUE(delete_account(*db, admin, typo, k_now + 1));
  EXPECT_FALSE(db->account(typo).value());
  const auto deletes = entries("account.delete");
  ASSERT_EQ(deletes.size(), 1U);
  EXPECT_EQ(deletes[0].actor, "root@example.com");
  EXPECT_EQ(nlohmann::json::parse(deletes[0].before).at("login"), "chen@exmaple.com");
  EXPECT_EQ(deletes[0].after, "");
}

TEST(DescribeReferences, NamesEachKindInWords) {
  store::AccountReferences r;
  EXPECT_EQ(describe_references(r), "");
  r.assessments = 2;
  r.pre_votes = 1;
  r.audit_entries = 14;
  EXPECT_EQ(describe_references(r),
            "2 assessments, 1 calibration vote and 14 entries in the audit log");
}

}  // namespace
}  // namespace rung::auth
