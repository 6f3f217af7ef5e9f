// The Store contract, run against every implementation: the in-memory store and SQLite. A rule
// that one implementation keeps and the other does not fails here for the one that does not.
#include "store_contract.hpp"

#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

namespace rung::store {
namespace {

using testing::all_implementations;
using testing::implementation_name;
using testing::make_account;
using testing::make_entry;
using testing::make_person;
using testing::make_session;
using testing::StoreFixture;

class StoreContract : public StoreFixture {};

TEST_P(StoreContract, PersonRoundTripsWithEveryField) {
  Person boss = make_person("Zoë Ærø-Łukasz 山田");
  boss.status = PersonStatus::left;
  boss.start_date = "";
  boss.id = insert(boss);
  Person report = make_person("ann", boss.id);
  report.id = insert(report);

  EXPECT_GT(boss.id, 0);
  EXPECT_NE(boss.id, report.id);
  EXPECT_EQ(store().person(boss.id).value(), boss);
  EXPECT_EQ(store().person_by_email("ann@example.com").value(), report);
  EXPECT_EQ(store().person(report.id + 100).value(), std::nullopt);
  EXPECT_EQ(store().person_by_email("ANN@example.com").value(), std::nullopt);
  EXPECT_EQ(store().people().value(), (std::vector<Person>{boss, report}));
}

TEST_P(StoreContract, DuplicateEmailIsAConflictOnInsertAndUpdate) {
  insert(make_person("ann"));
  Person bob = make_person("bob");
  bob.id = insert(bob);

  EXPECT_EQ(error_of([](Writer& w) { return w.insert_person(make_person("ann")).map([](Id) {}); }),
            "store.conflict");
  bob.email = "ann@example.com";
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_person(bob); }), "store.conflict");
  EXPECT_EQ(store().people().value().size(), 2U);
  EXPECT_EQ(store().person(bob.id).value()->email, "bob@example.com");
}

TEST_P(StoreContract, ManagerMustExist) {
  EXPECT_EQ(error_of([](Writer& w) {
              return w.insert_person(make_person("ann", Id{4242})).map([](Id) {});
            }),
            "store.conflict");
  Person ann = make_person("ann");
  ann.id = insert(ann);
  ann.manager = 4242;
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_person(ann); }), "store.conflict");

  // Set later, once the manager exists (how an import links people in any order).
  const Id boss = insert(make_person("boss"));
  ann.manager = boss;
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_person(ann); }), "");
  EXPECT_EQ(store().person(ann.id).value()->manager, boss);
}

TEST_P(StoreContract, UpdatingWhatDoesNotExistIsNotFound) {
  Person ghost = make_person("ghost");
  ghost.id = 999;
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_person(ghost); }), "store.not-found");
  Account nobody = make_account("nobody@example.com");
  nobody.id = 999;
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_account(nobody); }), "store.not-found");
}

TEST_P(StoreContract, AccountsRoundTripAndLoginsAreUnique) {
  Account admin = make_account("admin");
  admin.admin = true;
  admin.must_change_password = true;
  admin.id = insert(admin);
  Account ann = make_account("ann@example.com");
  ann.id = insert(ann);

  EXPECT_EQ(store().account(admin.id).value(), admin);
  EXPECT_EQ(store().account_by_login("ann@example.com").value(), ann);
  EXPECT_EQ(store().accounts().value(), (std::vector<Account>{admin, ann}));
  EXPECT_EQ(
      error_of([](Writer& w) { return w.insert_account(make_account("admin")).map([](Id) {}); }),
      "store.conflict");
  ann.login = "admin";
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_account(ann); }), "store.conflict");
  ann.login = "ann@example.com";
  ann.password_hash = "new";
  ann.must_change_password = true;
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_account(ann); }), "");
  EXPECT_EQ(store().account(ann.id).value(), ann);
}

TEST_P(StoreContract, SessionsBelongToAnExistingAccountAndAreUnique) {
  const Id account = insert(make_account("ann@example.com"));
  const Session session = make_session("h1", account, 1000, 2000);
  EXPECT_EQ(error_of([&](Writer& w) { return w.insert_session(session); }), "");
  EXPECT_EQ(store().session("h1").value(), session);
  EXPECT_EQ(error_of([&](Writer& w) { return w.insert_session(session); }), "store.conflict");
  EXPECT_EQ(
      error_of([&](Writer& w) { return w.insert_session(make_session("h2", account + 7, 1, 1)); }),
      "store.conflict");
  EXPECT_EQ(store().session("h2").value(), std::nullopt);
}

TEST_P(StoreContract, SessionsAreTouchedAndDeleted) {
  const Id ann = insert(make_account("ann@example.com"));
  const Id bob = insert(make_account("bob@example.com"));
  ASSERT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.insert_session(make_session("a1", ann, 100, 100)));
              RUNG_TRY(w.insert_session(make_session("a2", ann, 100, 100)));
              RUNG_TRY(w.insert_session(make_session("b1", bob, 100, 100)));
              RUNG_TRY(w.touch_session("a1", 500));
              RUNG_TRY(w.touch_session("missing", 500));
              return w.delete_session("missing");
            }),
            "");
  EXPECT_EQ(store().session("a1").value()->last_seen_at, 500);

  std::size_t deleted = 0;
  ASSERT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY_ASSIGN(deleted, w.delete_sessions_of(ann));
              return {};
            }),
            "");
  EXPECT_EQ(deleted, 2U);
  EXPECT_EQ(store().session("a1").value(), std::nullopt);
  EXPECT_TRUE(store().session("b1").value().has_value());
}

TEST_P(StoreContract, ExpiredSessionsAreDeletedByEitherBound) {
  const Id ann = insert(make_account("ann@example.com"));
  ASSERT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.insert_session(make_session("old", ann, 10, 900)));   // too old
              RUNG_TRY(w.insert_session(make_session("idle", ann, 500, 20)));  // idle too long
              RUNG_TRY(w.insert_session(make_session("edge", ann, 100, 50)));  // exactly at both
              return w.insert_session(make_session("live", ann, 600, 900));
            }),
            "");
  std::size_t deleted = 0;
  ASSERT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY_ASSIGN(deleted, w.delete_expired_sessions(100, 50));
              return {};
            }),
            "");
  EXPECT_EQ(deleted, 2U);
  EXPECT_FALSE(store().session("old").value());
  EXPECT_FALSE(store().session("idle").value());
  EXPECT_TRUE(store().session("edge").value());
  EXPECT_TRUE(store().session("live").value());
}

TEST_P(StoreContract, AWriteThatFailsLeavesNothing) {
  const Id before = insert(make_person("ann"));
  const auto generation = store().generation();
  auto done = store().write([](Writer& w) -> Result<void> {
    RUNG_TRY(w.insert_person(make_person("bob")));
    RUNG_TRY(w.append_audit(make_entry(1, "admin", "person.create", "person:2")));
    RUNG_TRY(w.insert_account(make_account("bob@example.com")));
    return fail("test.stop", "stop here");
  });
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().code, "test.stop");
  EXPECT_EQ(store().people().value().size(), 1U);
  EXPECT_TRUE(store().accounts().value().empty());
  EXPECT_TRUE(store().audit({}).value().empty());
  EXPECT_EQ(store().generation(), generation);
  // Ids handed out inside the failed write are not a gap the next write sees.
  EXPECT_EQ(insert(make_person("carl")), before + 1);
}

TEST_P(StoreContract, AWriteThatThrowsLeavesNothingAndRethrows) {
  EXPECT_THROW((void)store().write([](Writer& w) -> Result<void> {
    (void)w.insert_person(make_person("bob"));
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_TRUE(store().people().value().empty());
  EXPECT_EQ(insert(make_person("ann")) > 0, true);
}

TEST_P(StoreContract, AFailedOperationInsideAWriteCanBeHandled) {
  insert(make_person("ann"));
  auto done = store().write([](Writer& w) -> Result<void> {
    auto duplicate = w.insert_person(make_person("ann"));
    EXPECT_FALSE(duplicate);
    RUNG_TRY(w.insert_person(make_person("bob")));
    return {};
  });
  ASSERT_TRUE(done) << done.error().to_string();
  EXPECT_EQ(store().people().value().size(), 2U);
}

TEST_P(StoreContract, AWriteReadsItsOwnChanges) {
  auto done = store().write([](Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(const Id boss, w.insert_person(make_person("boss")));
    RUNG_TRY(w.insert_person(make_person("ann", boss)));
    RUNG_TRY_ASSIGN(auto ann, w.person_by_email("ann@example.com"));
    EXPECT_TRUE(ann && ann->manager == boss);
    RUNG_TRY_ASSIGN(auto everyone, w.people());
    EXPECT_EQ(everyone.size(), 2U);
    return {};
  });
  EXPECT_TRUE(done) << done.error().to_string();
}

TEST_P(StoreContract, AReadThroughTheStoreInsideAWriteSeesTheLastCommit) {
  insert(make_person("ann"));
  auto done = store().write([&](Writer& w) -> Result<void> {
    RUNG_TRY(w.insert_person(make_person("bob")));
    EXPECT_EQ(store().people().value().size(), 1U);
    return {};
  });
  EXPECT_TRUE(done);
  EXPECT_EQ(store().people().value().size(), 2U);
}

TEST_P(StoreContract, GenerationMovesWithEveryCommit) {
  const auto start = store().generation();
  insert(make_person("ann"));
  const auto after_one = store().generation();
  EXPECT_GT(after_one, start);
  insert(make_person("bob"));
  EXPECT_GT(store().generation(), after_one);
  EXPECT_EQ(store().generation(), store().generation());
}

TEST_P(StoreContract, PeopleVersionMovesWithPeopleOnly) {
  const auto start = store().people_version().value();
  const Id ann = insert(make_person("ann"));
  const auto after_insert = store().people_version().value();
  EXPECT_GT(after_insert, start);
  // Writes that are not about people leave it where it was.
  ASSERT_TRUE(store().write([](Writer& w) -> Result<void> {
    RUNG_TRY(w.insert_account(make_account("someone")));
    return w.append_audit(make_entry(1, "test", "x", "y")).map([](Id) {});
  }));
  EXPECT_EQ(store().people_version().value(), after_insert);
  ASSERT_TRUE(store().write([&](Writer& w) -> Result<void> {
    auto person = *w.person(ann).value();
    person.name = "Ann B";
    return w.update_person(person);
  }));
  EXPECT_GT(store().people_version().value(), after_insert);
}

TEST_P(StoreContract, ConcurrentWritesAndReadsAllLand) {
  constexpr int k_threads = 4;
  constexpr int k_each = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([this, t] {
      for (int i = 0; i < k_each; ++i) {
        const auto name = "p" + std::to_string(t) + "-" + std::to_string(i);
        EXPECT_TRUE(store().write(
            [&](Writer& w) { return w.insert_person(make_person(name)).map([](Id) {}); }));
        EXPECT_TRUE(store().people());
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(store().people().value().size(), std::size_t{k_threads * k_each});
}

INSTANTIATE_TEST_SUITE_P(Store, StoreContract, all_implementations(), implementation_name);

}  // namespace
}  // namespace rung::store
