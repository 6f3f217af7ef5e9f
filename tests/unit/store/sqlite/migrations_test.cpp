// The migration runner: rung's own schema from an empty file and from the snapshot of every
// released schema (tests/data/store/schema-N.sql), and the runner's rules on synthetic lists:
// steps apply in order, only the missing ones, all or nothing, and a newer database is refused.
#include "rung/store/sqlite/migrations.hpp"

#include <array>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "rung/store/sqlite/store.hpp"

#include "../store_support.hpp"
#include "support/golden.hpp"

namespace rung::store::sqlite {
namespace {

using testing::ScratchDir;

std::unique_ptr<Connection> connect(const std::filesystem::path& file) {
  auto connection = Connection::open(file, OpenMode::read_write_create);
  EXPECT_TRUE(connection) << connection.error().to_string();
  return connection ? std::move(*connection) : nullptr;
}

// Every table and index rung made, with its SQL, in name order (SQLite's own objects left out).
std::vector<std::string> schema_of(Connection& connection) {
  std::vector<std::string> out;
  auto query = connection.query(
      "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master "
      "WHERE name NOT LIKE 'sqlite_%' ORDER BY name");
  EXPECT_TRUE(query);
  while (query && (*query)->step().value_or(false)) {
    out.push_back((*query)->column_text(0));
  }
  return out;
}

std::int64_t user_version(Connection& connection) {
  return connection.query_int("PRAGMA user_version").value_or(-1);
}

std::int64_t count(Connection& connection, const std::string& sql) {
  return connection.query_int(sql).value_or(-1);
}

std::string snapshot(int version) {
  std::ifstream in(test_support::source_root().string() + "/tests/data/store/schema-" +
                   std::to_string(version) + ".sql");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

constexpr std::array k_three_steps{
    Migration{1, "CREATE TABLE t1 (x INTEGER NOT NULL);"},
    Migration{2, "INSERT INTO t1 (x) VALUES (2);"},
    Migration{3, "CREATE TABLE t3 (y TEXT); INSERT INTO t1 (x) VALUES (3);"},
};

TEST(Migrations, FromAnEmptyFileToTheLatestSchema) {
  ScratchDir dir;
  auto db = connect(dir / "rung.db");
  const auto latest = latest_version(schema_migrations());
  EXPECT_EQ(migrate(*db, schema_migrations()).value(), latest);
  EXPECT_EQ(user_version(*db), latest);
  // Running again finds nothing to do.
  EXPECT_EQ(migrate(*db, schema_migrations()).value(), latest);
}

TEST(Migrations, EveryReleasedSchemaHasASnapshotAndTheLatestMatchesIt) {
  ScratchDir dir;
  auto fresh = connect(dir / "fresh.db");
  ASSERT_TRUE(migrate(*fresh, schema_migrations()));
  auto from_snapshot = connect(dir / "snapshot.db");
  const auto latest = latest_version(schema_migrations());
  const auto text = snapshot(latest);
  ASSERT_FALSE(text.empty()) << "add tests/data/store/schema-" << latest
                             << ".sql (docs/store.md says how)";
  ASSERT_TRUE(from_snapshot->exec(text));
  EXPECT_EQ(schema_of(*from_snapshot), schema_of(*fresh));
  EXPECT_EQ(user_version(*from_snapshot), latest);
}

TEST(Migrations, EveryEarlierSchemaUpgradesToTheLatest) {
  ScratchDir dir;
  auto fresh = connect(dir / "fresh.db");
  ASSERT_TRUE(migrate(*fresh, schema_migrations()));
  for (const auto& migration : schema_migrations()) {
    SCOPED_TRACE("from schema " + std::to_string(migration.version));
    const auto file = dir / ("schema-" + std::to_string(migration.version) + ".db");
    {
      auto old = connect(file);
      ASSERT_TRUE(old->exec(snapshot(migration.version)));
    }
    auto store = open_store(file);
    ASSERT_TRUE(store) << store.error().to_string();
    store->reset();
    auto upgraded = connect(file);
    EXPECT_EQ(schema_of(*upgraded), schema_of(*fresh));
  }
}

TEST(Migrations, StepsApplyInOrder) {
  ScratchDir dir;
  auto db = connect(dir / "t.db");
  EXPECT_EQ(migrate(*db, k_three_steps).value(), 3);
  EXPECT_EQ(user_version(*db), 3);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM t3"), 0);
  EXPECT_EQ(count(*db, "SELECT sum(x) FROM t1"), 5);
}

TEST(Migrations, OnlyTheMissingStepsRun) {
  ScratchDir dir;
  auto db = connect(dir / "t.db");
  ASSERT_EQ(migrate(*db, std::span(k_three_steps).first(1)).value(), 1);
  // Step 1 again would fail (t1 exists), so success shows it was skipped.
  EXPECT_EQ(migrate(*db, k_three_steps).value(), 3);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM t1"), 2);
}

TEST(Migrations, AFailingStepLeavesTheDatabaseAsItWas) {
  ScratchDir dir;
  auto db = connect(dir / "t.db");
  const std::array broken{
      k_three_steps[0], k_three_steps[1],
      Migration{3, "CREATE TABLE t3 (y TEXT); INSERT INTO nowhere VALUES (1);"}};
  auto result = migrate(*db, broken);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "store.migration");
  EXPECT_NE(result.error().message.find("schema 3"), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().message.find("nowhere"), std::string::npos) << result.error().message;
  EXPECT_EQ(user_version(*db), 0);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM sqlite_master"), 0);
}

TEST(Migrations, ANewerDatabaseIsRefusedAndLeftAlone) {
  ScratchDir dir;
  auto db = connect(dir / "t.db");
  ASSERT_TRUE(db->exec("CREATE TABLE future (z); PRAGMA user_version = 7;"));
  auto result = migrate(*db, k_three_steps);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "store.too-new");
  EXPECT_NE(result.error().message.find("has schema 7; this rung knows up to 3"), std::string::npos)
      << result.error().message;
  EXPECT_EQ(result.error().hint, "use a newer rung");
  EXPECT_EQ(user_version(*db), 7);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM sqlite_master WHERE name = 't1'"), 0);
}

TEST(Migrations, OpenSqliteRunsTheMigrationsItIsGiven) {
  ScratchDir dir;
  Options options;
  options.migrations = std::span(k_three_steps).first(2);
  ASSERT_TRUE(open_store(dir / "t.db", options));
  options.migrations = k_three_steps;
  auto store = open_store(dir / "t.db", options);
  ASSERT_TRUE(store) << store.error().to_string();
  EXPECT_NE((*store)->describe().find("(schema 3)"), std::string::npos) << (*store)->describe();
}

}  // namespace
}  // namespace rung::store::sqlite
