// What only the PostgreSQL store does (the contract suites run it like the others): writes
// racing from two stores on one database, a write PostgreSQL could not serialise run again,
// migrations all or nothing, another process's commits seen by generation(), and passwords
// kept out of every message.
#include "rung/store/postgres/store.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <latch>
#include <thread>

#include <gtest/gtest.h>

#include "rung/store/postgres/connection.hpp"
#include "rung/store/postgres/uri.hpp"

#include "../store_support.hpp"
#include "support/postgres.hpp"

namespace rung::store::postgres {
namespace {

using testing::make_account;
using testing::make_person;

std::string fresh_uri() {
  auto uri = test_support::postgres_test_uri();
  EXPECT_TRUE(uri) << uri.error().to_string();
  return uri.value_or("");
}

std::unique_ptr<Store> open_at(const std::string& uri, const Options& options = {}) {
  auto store = open_store(uri, options);
  EXPECT_TRUE(store) << store.error().to_string();
  return store ? std::move(*store) : nullptr;
}

std::unique_ptr<Connection> connect(const std::string& uri) {
  auto connection = Connection::open(uri);
  EXPECT_TRUE(connection) << connection.error().to_string();
  return connection ? std::move(*connection) : nullptr;
}

// A person, an account and a draft assessment of theirs; returns the assessment's id.
Id seed_assessment(Store& store) {
  Id id = 0;
  auto done = store.write([&](Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(const Id person, w.insert_person(make_person("ann")));
    RUNG_TRY_ASSIGN(const Id account, w.insert_account(make_account("ann@example.com")));
    Assessment a;
    a.person = person;
    a.author_account = account;
    a.level = "swe-3";
    RUNG_TRY_ASSIGN(id, w.insert_assessment(a));
    return {};
  });
  EXPECT_TRUE(done) << done.error().to_string();
  return id;
}

// The optimistic rule of rung::review: a save names the version it started from and fails
// with a conflict when the assessment has moved on since.
Result<void> save_from(Writer& w, Id id, std::int64_t expected, std::latch* both_read) {
  RUNG_TRY_ASSIGN(auto found, w.assessment(id));
  if (both_read != nullptr) {
    both_read->arrive_and_wait();
  }
  if (found->version != expected) {
    return fail(ErrorKind::conflict, "review.conflict", "the assessment changed meanwhile");
  }
  found->version += 1;
  return w.update_assessment(*found);
}

TEST(PostgresStore, TwoStoresRacingOnOneAssessmentOneWinsTheOtherGetsAConflict) {
  const auto uri = fresh_uri();
  auto first = open_at(uri);
  auto second = open_at(uri);
  ASSERT_TRUE(first && second);
  const Id id = seed_assessment(*first);

  // Both read version 1 before either writes (the latch, on their first try only); SQLite
  // would run them one after the other, and PostgreSQL must end the same way: one save lands,
  // the other sees version 2 when it runs again and reports the conflict.
  std::latch both_read(2);
  std::array<Result<void>, 2> results;
  std::array<std::atomic<int>, 2> runs{};
  auto save = [&](Store& store, int index) {
    results[index] = store.write([&](Writer& w) -> Result<void> {
      const bool first_try = runs[index].fetch_add(1) == 0;
      return save_from(w, id, 1, first_try ? &both_read : nullptr);
    });
  };
  std::thread a(save, std::ref(*first), 0);
  std::thread b(save, std::ref(*second), 1);
  a.join();
  b.join();

  const int wins = (results[0] ? 1 : 0) + (results[1] ? 1 : 0);
  EXPECT_EQ(wins, 1);
  for (const auto& result : results) {
    if (!result) {
      EXPECT_EQ(result.error().code, "review.conflict") << result.error().to_string();
    }
  }
  EXPECT_EQ(runs[0] + runs[1], 3);  // the loser ran again, once
  EXPECT_EQ(first->assessment(id).value()->version, 2);
}

TEST(PostgresStore, AWriteThatCouldNotBeSerialisedRunsAgainAndBothLand) {
  const auto uri = fresh_uri();
  auto first = open_at(uri);
  auto second = open_at(uri);
  ASSERT_TRUE(first && second);
  const Id ann = [&] {
    Id id = 0;
    EXPECT_TRUE(first->write([&](Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(id, w.insert_person(make_person("ann")));
      return {};
    }));
    return id;
  }();

  // Read-modify-write of one row by two stores at once: without the retry one change would be
  // lost (or fail); with it, the second runs again on the first's result.
  std::latch both_read(2);
  std::atomic<int> runs = 0;
  auto append = [&](Store& store, std::string suffix) {
    bool first_try = true;
    auto done = store.write([&](Writer& w) -> Result<void> {
      runs.fetch_add(1);
      RUNG_TRY_ASSIGN(auto person, w.person(ann));
      if (std::exchange(first_try, false)) {
        both_read.arrive_and_wait();
      }
      person->name += suffix;
      return w.update_person(*person);
    });
    EXPECT_TRUE(done) << done.error().to_string();
  };
  std::thread a(append, std::ref(*first), "+a");
  std::thread b(append, std::ref(*second), "+b");
  a.join();
  b.join();

  EXPECT_EQ(runs.load(), 3);
  const auto name = first->person(ann).value()->name;
  EXPECT_TRUE(name == "ann+a+b" || name == "ann+b+a") << name;
}

TEST(PostgresStore, RetriesAreBounded) {
  const auto uri = fresh_uri();
  Options options;
  options.attempts = 2;
  auto first = open_at(uri, options);
  auto other = connect(uri);
  ASSERT_TRUE(first && other);
  const Id id = seed_assessment(*first);
  // Every try reads the assessment, then another connection changes it before the try
  // writes: each try fails to serialise, and the write gives up after two.
  int runs = 0;
  auto done = first->write([&](Writer& w) -> Result<void> {
    ++runs;
    RUNG_TRY_ASSIGN(auto found, w.assessment(id));
    EXPECT_TRUE(other->exec("UPDATE assessment SET version = version + 1"));
    return w.update_assessment(*found);
  });
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().code, "store.busy");
  EXPECT_EQ(runs, 2);
}

constexpr std::string_view k_good = "CREATE TABLE one (id BIGINT PRIMARY KEY)";
constexpr std::string_view k_bad =
    "CREATE TABLE two (id BIGINT PRIMARY KEY); ALTER TABLE one ADD COLUMN x INTEGER; "
    "INSERT INTO one (id) VALUES (1); SELECT no_such_function()";

std::int64_t count(Connection& db, std::string_view sql) {
  auto value = db.query_int(sql);
  EXPECT_TRUE(value) << value.error().to_string();
  return value.value_or(-1);
}

TEST(PostgresStore, AFailingMigrationLeavesTheSchemaAsItWas) {
  const auto uri = fresh_uri();
  const std::array first_only{Migration{1, k_good}};
  const std::array both{Migration{1, k_good}, Migration{2, k_bad}};
  Options options;
  options.migrations = first_only;
  ASSERT_TRUE(open_at(uri, options));

  options.migrations = both;
  auto failed = open_store(uri, options);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, "store.migration");
  EXPECT_NE(failed.error().message.find("schema 2"), std::string::npos);

  auto db = connect(uri);
  ASSERT_TRUE(db);
  EXPECT_EQ(count(*db, "SELECT max(version) FROM rung_schema"), 1);
  EXPECT_EQ(count(*db,
                  "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
                  "AND tablename = 'two'"),
            0);
  EXPECT_EQ(count(*db,
                  "SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                  "current_schema() AND table_name = 'one' AND column_name = 'x'"),
            0);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM one"), 0);
}

TEST(PostgresStore, RungsSchemaFromNothingAndANewerDatabaseIsRefused) {
  const auto uri = fresh_uri();
  auto store = open_at(uri);
  ASSERT_TRUE(store);
  EXPECT_NE(store->describe().find("(schema 8)"), std::string::npos) << store->describe();
  auto versions = schema_versions(uri);
  ASSERT_TRUE(versions);
  EXPECT_EQ(versions->database, 8);
  EXPECT_EQ(versions->latest, 8);

  auto db = connect(uri);
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->exec("INSERT INTO rung_schema (version) VALUES (9)"));
  auto newer = open_store(uri);
  ASSERT_FALSE(newer);
  EXPECT_EQ(newer.error().code, "store.too-new");
}

TEST(PostgresStore, ReadOnlyNeedsRungsTablesAndRefusesWrites) {
  const auto uri = fresh_uri();
  Options options;
  options.read_only = true;
  auto empty = open_store(uri, options);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, "store.open");
  EXPECT_EQ(empty.error().kind, ErrorKind::not_found);

  ASSERT_TRUE(open_at(uri));
  auto reader = open_at(uri, options);
  ASSERT_TRUE(reader);
  EXPECT_TRUE(reader->people());
  auto write = reader->write([](Writer&) -> Result<void> { return {}; });
  ASSERT_FALSE(write);
  EXPECT_EQ(write.error().code, "store.read-only");
}

TEST(PostgresStore, GenerationFollowsAnotherStoresCommitsOnTheSameSchemaOnly) {
  const auto uri = fresh_uri();
  auto mine = open_at(uri);
  auto theirs = open_at(uri);
  auto elsewhere = open_at(fresh_uri());
  ASSERT_TRUE(mine && theirs && elsewhere);
  const auto start = mine->generation();
  ASSERT_TRUE(elsewhere->write([](Writer& w) -> Result<void> {
    return w.insert_person(make_person("zed")).map([](Id) {});
  }));
  ASSERT_TRUE(theirs->write([](Writer& w) -> Result<void> {
    return w.insert_person(make_person("ann")).map([](Id) {});
  }));
  // The notification arrives on its own time: wait for it a little.
  auto moved = start;
  for (int i = 0; i < 200 && moved == start; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    moved = mine->generation();
  }
  EXPECT_EQ(moved, start + 1);
  EXPECT_EQ(mine->people().value().size(), 1U);
}

TEST(PostgresStore, TextPostgresCannotHoldIsRefusedNotCutShort) {
  auto store = open_at(fresh_uri());
  ASSERT_TRUE(store);
  auto person = make_person("ann");
  person.name = std::string("Ann\0Evil", 8);
  auto nul = store->write([&](Writer& w) { return w.insert_person(person).map([](Id) {}); });
  ASSERT_FALSE(nul);
  EXPECT_EQ(nul.error().code, "store.invalid");
  person.name = "Ann \xff";
  auto bytes = store->write([&](Writer& w) { return w.insert_person(person).map([](Id) {}); });
  ASSERT_FALSE(bytes);
  EXPECT_EQ(bytes.error().code, "store.invalid");
  EXPECT_TRUE(store->people().value().empty());
}

TEST(PostgresStore, PasswordsNeverReachAMessage) {
  EXPECT_EQ(redact_uri("postgresql://rung:s3cret@db.example.com:5432/rung"),
            "postgresql://rung:***@db.example.com:5432/rung");
  EXPECT_EQ(redact_uri("postgres://rung@db/rung?sslmode=require&password=s3cret&x=1"),
            "postgres://rung@db/rung?sslmode=require&password=***&x=1");
  EXPECT_EQ(redact_uri("host=db user=rung password='a b' dbname=rung"),
            "host=db user=rung password=*** dbname=rung");
  EXPECT_EQ(redact_uri("postgresql:///rung?host=/run/postgresql"),
            "postgresql:///rung?host=/run/postgresql");

  auto refused = open_store("postgresql://rung:s3cret@/rung?host=/nonexistent-rung-socket-dir");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "store.open");
  EXPECT_EQ(refused.error().to_string().find("s3cret"), std::string::npos)
      << refused.error().to_string();
  EXPECT_NE(refused.error().message.find("rung:***@"), std::string::npos)
      << refused.error().message;
}

TEST(PostgresStore, ALostConnectionIsAnErrorAndThePoolRecovers) {
  // The store's connections carry an application name of their own, so that ending them
  // disturbs no other test using the cluster.
  const auto uri = fresh_uri() + "&application_name=rung-lost-connection-test";
  auto store = open_at(uri);
  auto admin = connect(uri);
  ASSERT_TRUE(store && admin);
  ASSERT_TRUE(store->people());
  const auto before = store->generation();
  ASSERT_TRUE(admin->exec(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
      "AND application_name = 'rung-lost-connection-test'"));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));

  auto lost = store->people();
  ASSERT_FALSE(lost);
  EXPECT_EQ(lost.error().code, "store.unavailable") << lost.error().to_string();
  EXPECT_EQ(lost.error().kind, ErrorKind::unavailable);
  // The dead connection was dropped: the next read and write open new ones.
  EXPECT_TRUE(store->people());
  EXPECT_TRUE(store->write([](Writer& w) -> Result<void> {
    return w.insert_person(make_person("ann")).map([](Id) {});
  }));
  // Commits may have been missed while the watch was down: the generation moves.
  EXPECT_GT(store->generation(), before);
}

}  // namespace
}  // namespace rung::store::postgres
