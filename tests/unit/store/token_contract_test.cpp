// The API token part of the Store contract (schema 7), run against every implementation: a
// token round-trips with every field, belongs to an existing account, its digest is unique,
// touching and revoking change only their field, and a revocation keeps its first time. And the
// accounts an admin disables or deletes (schema 11): disabled_at round-trips, what names an
// account is counted, and an account is deleted (with its sessions and tokens) only when
// nothing names it.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace rung::store {
namespace {

using testing::all_implementations;
using testing::implementation_name;
using testing::make_account;
using testing::make_entry;
using testing::make_person;
using testing::make_session;
using testing::StoreFixture;

class TokenContract : public StoreFixture {
 protected:
  Id insert_token(const ApiToken& token) {
    Id id = 0;
    auto done = store().write([&](Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(id, w.insert_api_token(token));
      return {};
    });
    EXPECT_TRUE(done) << done.error().to_string();
    return id;
  }
};

ApiToken make_token(std::string hash, Id account, std::string name) {
  ApiToken token;
  token.token_hash = std::move(hash);
  token.account = account;
  token.name = std::move(name);
  token.created_at = 1000;
  return token;
}

TEST_P(TokenContract, ATokenRoundTripsWithEveryField) {
  const Id ann = insert(make_account("ann@example.com"));
  ApiToken token = make_token("digest-1", ann, "CI «export»");
  token.read_only = true;
  token.expires_at = 9000;
  token.last_used_at = 0;
  token.id = insert_token(token);
  EXPECT_GT(token.id, 0);
  EXPECT_EQ(store().api_token(token.id).value(), token);
  EXPECT_EQ(store().api_token_by_hash("digest-1").value(), token);
  EXPECT_EQ(store().api_token_by_hash("digest-2").value(), std::nullopt);
  EXPECT_EQ(store().api_token(token.id + 5).value(), std::nullopt);
}

TEST_P(TokenContract, ATokenBelongsToAnAccountAndItsDigestIsUnique) {
  const Id ann = insert(make_account("ann@example.com"));
  insert_token(make_token("digest-1", ann, "one"));
  EXPECT_EQ(error_of([&](Writer& w) {
              return w.insert_api_token(make_token("digest-1", ann, "again")).map([](Id) {});
            }),
            "store.conflict");
  EXPECT_EQ(error_of([&](Writer& w) {
              return w.insert_api_token(make_token("digest-2", ann + 9, "nobody")).map([](Id) {});
            }),
            "store.conflict");
  EXPECT_EQ(store().api_tokens().value().size(), 1U);
}

TEST_P(TokenContract, TokensAreListedByAccountAndAllInIdOrder) {
  const Id ann = insert(make_account("ann@example.com"));
  const Id bob = insert(make_account("bob@example.com"));
  const Id a1 = insert_token(make_token("a1", ann, "first"));
  const Id b1 = insert_token(make_token("b1", bob, "bob's"));
  const Id a2 = insert_token(make_token("a2", ann, "second"));
  const auto of_ann = store().api_tokens_of(ann).value();
  ASSERT_EQ(of_ann.size(), 2U);
  EXPECT_EQ(of_ann[0].id, a1);
  EXPECT_EQ(of_ann[1].id, a2);
  const auto all = store().api_tokens().value();
  ASSERT_EQ(all.size(), 3U);
  EXPECT_EQ(all[1].id, b1);
  EXPECT_TRUE(store().api_tokens_of(ann + bob + 10).value().empty());
}

TEST_P(TokenContract, TouchAndRevokeChangeOnlyTheirField) {
  const Id ann = insert(make_account("ann@example.com"));
  const ApiToken before = make_token("digest-1", ann, "one");
  const Id id = insert_token(before);
  ASSERT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.touch_api_token(id, 5000));
              return w.touch_api_token(id + 40, 5000);
            }),
            "");
  auto after = store().api_token(id).value();
  ASSERT_TRUE(after);
  EXPECT_EQ(after->last_used_at, 5000);
  EXPECT_EQ(after->revoked_at, 0);

  ASSERT_EQ(error_of([&](Writer& w) { return w.revoke_api_token(id, 6000); }), "");
  ASSERT_EQ(error_of([&](Writer& w) { return w.revoke_api_token(id, 7000); }), "");
  after = store().api_token(id).value();
  EXPECT_EQ(after->revoked_at, 6000);
  EXPECT_EQ(after->name, "one");
  EXPECT_EQ(error_of([&](Writer& w) { return w.revoke_api_token(id + 40, 6000); }),
            "store.not-found");
}

INSTANTIATE_TEST_SUITE_P(Store, TokenContract, all_implementations(), implementation_name);

// --- Accounts an admin disables or deletes (schema 11) -------------------------------------

class AccountContract : public TokenContract {
 protected:
  template <class F>
  Id write_id(F f) {
    Id id = 0;
    auto done = store().write([&](Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(id, f(w));
      return {};
    });
    EXPECT_TRUE(done) << done.error().to_string();
    return id;
  }
  AccountReferences references(Id account) { return store().account_references(account).value(); }
};

TEST_P(AccountContract, DisabledAtRoundTripsAndUpdates) {
  Account ann = make_account("ann@example.com");
  ann.disabled_at = 1'700'000'000'123;
  ann.id = insert(ann);
  EXPECT_EQ(store().account(ann.id).value(), ann);
  EXPECT_TRUE(store().account(ann.id).value()->disabled());
  ann.disabled_at = 0;
  ASSERT_EQ(error_of([&](Writer& w) { return w.update_account(ann); }), "");
  EXPECT_EQ(store().account_by_login("ann@example.com").value(), ann);
  EXPECT_FALSE(store().accounts().value().at(0).disabled());
}

TEST_P(AccountContract, ReferencesCountWhatNamesAnAccount) {
  const Id ann = insert(make_person("ann"));
  const Id author = insert(make_account("author@example.com"));
  const Id calibrator = insert(make_account("cal@example.com"));
  const Id actor = insert(make_account("actor@example.com"));
  const Id typo = insert(make_account("chen@exmaple.com"));
  const Id cycle = write_id([](Writer& w) {
    return w.insert_cycle(ReviewCycle{0, "c", "2026-01-01", "2026-06-30", {}, CycleStatus::open});
  });
  write_id([&](Writer& w) {
    Assessment a;
    a.person = ann;
    a.role = AuthorRole::manager;
    a.author_account = author;
    a.level = "swe-2";
    a.cycle = cycle;
    return w.insert_assessment(a);
  });
  write_id([&](Writer& w) {
    CalibrationSession s;
    s.cycle = cycle;
    s.name = "Platform";
    s.scope = ScopeKind::subtree;
    s.scope_person = ann;
    s.facilitator = author;
    s.calibrators = {calibrator};
    s.created_by = author;
    return w.insert_calibration_session(s);
  });
  const Id plan = write_id([&](Writer& w) {
    return w.insert_growth_plan(GrowthPlanRecord{0, ann, "swe-3", 1000});
  });
  ASSERT_EQ(
      error_of([&](Writer& w) -> Result<void> {
        PlanItem item;
        item.plan = plan;
        item.statement = "swe-3-code-1";
        item.done = true;
        item.done_by = "cal@example.com";
        item.done_at = 2000;
        RUNG_TRY(w.put_plan_item(item));
        RUNG_TRY(
            w.append_audit(make_entry(3000, "actor@example.com", "session.sign-in", "account:3")));
        return w.append_audit(make_entry(3001, "admin", "account.create", "account:4")).map([](Id) {
        });
      }),
      "");

  AccountReferences expected;
  expected.assessments = 1;
  expected.calibration_sessions = 1;
  EXPECT_EQ(references(author), expected);
  expected = {};
  expected.calibration_sessions = 1;
  expected.plan_ticks = 1;
  EXPECT_EQ(references(calibrator), expected);
  expected = {};
  expected.audit_entries = 1;
  EXPECT_EQ(references(actor), expected);
  // Made by a typo: only the admin's entry about it, which does not name it as an actor.
  EXPECT_FALSE(references(typo).any());
  EXPECT_FALSE(references(typo + 100).any());
}

TEST_P(AccountContract, AnAccountNothingNamesIsDeletedWithItsSessionsAndTokens) {
  const Id typo = insert(make_account("chen@exmaple.com"));
  const Id other = insert(make_account("chen@example.com"));
  ASSERT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.insert_session(make_session("s-typo", typo, 1000, 1000)));
              RUNG_TRY(w.insert_session(make_session("s-other", other, 1000, 1000)));
              RUNG_TRY(w.insert_api_token(make_token("t-typo", typo, "typo")));
              return w.insert_api_token(make_token("t-other", other, "other")).map([](Id) {});
            }),
            "");
  ASSERT_EQ(error_of([&](Writer& w) { return w.delete_account(typo); }), "");
  EXPECT_EQ(store().account(typo).value(), std::nullopt);
  EXPECT_EQ(store().session("s-typo").value(), std::nullopt);
  EXPECT_EQ(store().api_token_by_hash("t-typo").value(), std::nullopt);
  EXPECT_TRUE(store().account(other).value());
  EXPECT_TRUE(store().session("s-other").value());
  EXPECT_TRUE(store().api_token_by_hash("t-other").value());
  EXPECT_EQ(store().api_tokens().value().size(), 1U);
  EXPECT_EQ(error_of([&](Writer& w) { return w.delete_account(typo); }), "store.not-found");
}

TEST_P(AccountContract, AnAccountSomethingNamesIsNotDeleted) {
  const Id ann = insert(make_person("ann"));
  const Id author = insert(make_account("author@example.com"));
  write_id([&](Writer& w) {
    Assessment a;
    a.person = ann;
    a.role = AuthorRole::self;
    a.author_account = author;
    a.level = "swe-2";
    return w.insert_assessment(a);
  });
  ASSERT_EQ(error_of([&](Writer& w) -> Result<void> {
              return w.insert_session(make_session("s-author", author, 1000, 1000));
            }),
            "");
  EXPECT_EQ(error_of([&](Writer& w) { return w.delete_account(author); }), "store.conflict");
  EXPECT_TRUE(store().account(author).value());
  EXPECT_TRUE(store().session("s-author").value());
}

INSTANTIATE_TEST_SUITE_P(Store, AccountContract, all_implementations(), implementation_name);

}  // namespace
}  // namespace rung::store
