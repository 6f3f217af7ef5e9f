// What only the SQLite store promises beyond the shared contract: data on disk, WAL so that
// reads do not wait for a write, writers in two processes taking turns, generation() seeing
// another process's commits, online backup, and read-only opening.
#include "rung/store/sqlite/store.hpp"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <future>
#include <thread>

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rung/store/sqlite/connection.hpp"

#include "../store_support.hpp"

namespace rung::store::sqlite {
namespace {

using namespace std::chrono_literals;
using testing::make_entry;
using testing::make_person;
using testing::ScratchDir;

std::unique_ptr<Store> open_or_fail(const std::filesystem::path& file, Options options = {}) {
  auto store = open_store(file, options);
  EXPECT_TRUE(store) << store.error().to_string();
  return store ? std::move(*store) : nullptr;
}

Result<void> add_person(Store& store, const std::string& name) {
  return store.write([&](Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(const Id id, w.insert_person(make_person(name)));
    RUNG_TRY(
        w.append_audit(make_entry(1, "test", "person.create", "person:" + std::to_string(id))));
    return {};
  });
}

TEST(SqliteStore, DataOutlivesTheStore) {
  ScratchDir dir;
  {
    auto store = open_or_fail(dir / "rung.db");
    ASSERT_TRUE(add_person(*store, "ann"));
  }
  auto store = open_or_fail(dir / "rung.db");
  ASSERT_EQ(store->people().value().size(), 1U);
  EXPECT_EQ(store->people().value()[0].name, "ann");
  EXPECT_EQ(store->describe(), "sqlite " + (dir / "rung.db").string() + " (schema 8)");
}

TEST(SqliteStore, TheFileIsInWalMode) {
  ScratchDir dir;
  auto store = open_or_fail(dir / "rung.db");
  auto raw = Connection::open(dir / "rung.db", OpenMode::read_only).value();
  auto query = raw->query("PRAGMA journal_mode").value();
  ASSERT_TRUE(query->step().value());
  EXPECT_EQ(query->column_text(0), "wal");
}

TEST(SqliteStore, ReadsDoNotWaitForAWriteInProgress) {
  ScratchDir dir;
  auto store = open_or_fail(dir / "rung.db");
  ASSERT_TRUE(add_person(*store, "ann"));
  std::promise<std::size_t> seen;
  auto reader_result = seen.get_future();
  auto done = store->write([&](Writer& w) -> Result<void> {
    RUNG_TRY(w.insert_person(make_person("bob")));
    // Read from another thread while this write holds the write lock, uncommitted.
    std::thread reader([&] { seen.set_value(store->people().value().size()); });
    reader.join();
    return {};
  });
  ASSERT_TRUE(done);
  EXPECT_EQ(reader_result.get(), 1U);
  EXPECT_EQ(store->people().value().size(), 2U);
}

TEST(SqliteStore, ReadsTogetherSeeOneStateWhileOthersCommit) {
  ScratchDir dir;
  auto store = open_or_fail(dir / "rung.db");
  ASSERT_TRUE(add_person(*store, "ann"));
  std::size_t first = 0;
  std::size_t second = 0;
  ASSERT_TRUE(store->read_together([&](Reader& reader) {
    first = reader.people().value().size();
    // Another thread commits between the two reads; a read transaction does not see it.
    std::thread writer([&] { ASSERT_TRUE(add_person(*store, "bob")); });
    writer.join();
    second = reader.people().value().size();
  }));
  EXPECT_EQ(first, 1U);
  EXPECT_EQ(second, 1U);
  EXPECT_EQ(store->people().value().size(), 2U);
}

TEST(SqliteStore, TwoStoresOnOneFileTakeTurnsAndTimeOut) {
  ScratchDir dir;
  auto first = open_or_fail(dir / "rung.db");
  Options impatient;
  impatient.busy_timeout = 100ms;
  auto second = open_or_fail(dir / "rung.db", impatient);
  auto done = first->write([&](Writer& w) -> Result<void> {
    RUNG_TRY(w.insert_person(make_person("ann")));
    auto blocked = add_person(*second, "bob");
    EXPECT_FALSE(blocked);
    EXPECT_EQ(blocked ? "" : blocked.error().code, "store.busy");
    return {};
  });
  ASSERT_TRUE(done);
  EXPECT_TRUE(add_person(*second, "bob"));
  EXPECT_EQ(first->people().value().size(), 2U);
}

// Not a test on its own: GenerationSeesACommitFromAnotherProcess runs this binary again with
// only this test selected and RUNG_STORE_CHILD_DB set, so that a separate process writes.
TEST(SqliteStoreChild, WritesOnePerson) {
  const char* file = std::getenv("RUNG_STORE_CHILD_DB");
  if (file == nullptr) {
    GTEST_SKIP() << "only runs as the child of GenerationSeesACommitFromAnotherProcess";
  }
  auto other = open_or_fail(file);
  ASSERT_TRUE(other && add_person(*other, "from-child"));
}

TEST(SqliteStore, GenerationSeesACommitFromAnotherProcess) {
  ScratchDir dir;
  auto store = open_or_fail(dir / "rung.db");
  const auto before = store->generation();
  const auto people_before = store->people_version().value();
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    setenv("RUNG_STORE_CHILD_DB", (dir / "rung.db").c_str(), 1);
    // CTest runs this binary in shards; the child must run its one test whatever the shard.
    unsetenv("GTEST_TOTAL_SHARDS");
    unsetenv("GTEST_SHARD_INDEX");
    execl("/proc/self/exe", "rung_tests", "--gtest_filter=SqliteStoreChild.WritesOnePerson",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status;
  EXPECT_GT(store->generation(), before);
  EXPECT_GT(store->people_version().value(), people_before);
  const auto written = store->person_by_email("from-child@example.com");
  ASSERT_TRUE(written && *written) << "the child wrote nothing";
  EXPECT_EQ((*written)->name, "from-child");
}

TEST(SqliteStore, SnapshotsAndFrozenLaddersRefuseUpdateAndDeleteEvenInRawSql) {
  ScratchDir dir;
  {
    auto store = open_or_fail(dir / "rung.db");
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->write([&](Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(const Id person, w.insert_person(make_person("ann")));
      RUNG_TRY_ASSIGN(const Id account, w.insert_account(testing::make_account("ann")));
      Assessment a;
      a.person = person;
      a.author_account = account;
      a.level = "swe-1";
      RUNG_TRY_ASSIGN(const Id id, w.insert_assessment(a));
      RUNG_TRY(w.insert_snapshot({id, "{}", 1}));
      return w.put_frozen_ladder({"fnv1a64:00000000000000aa", "{}", 1});
    }));
  }
  // Another program (or a hand at the sqlite3 shell) gets the same refusal as the store.
  auto raw = Connection::open(dir / "rung.db", OpenMode::read_write);
  ASSERT_TRUE(raw) << raw.error().to_string();
  for (const char* sql :
       {"UPDATE assessment_snapshot SET content = 'x'", "DELETE FROM assessment_snapshot",
        "UPDATE frozen_ladder SET content = 'x'", "DELETE FROM frozen_ladder"}) {
    const auto done = (*raw)->exec(sql);
    ASSERT_FALSE(done) << sql;
    EXPECT_NE(done.error().message.find("immutable"), std::string::npos) << done.error().message;
  }
}

TEST(SqliteStore, BackupIsAWorkingCopy) {
  ScratchDir dir;
  auto store = open_or_fail(dir / "rung.db");
  ASSERT_TRUE(add_person(*store, "ann"));
  ASSERT_TRUE(store->backup(dir / "copy.db"));
  ASSERT_TRUE(add_person(*store, "bob"));  // after the backup: not in it
  // One self-contained file, and nothing left over beside it.
  EXPECT_FALSE(std::filesystem::exists(dir / "copy.db-wal"));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 4)
      << "rung.db, its -wal and -shm, copy.db";

  auto copy = open_or_fail(dir / "copy.db");
  ASSERT_EQ(copy->people().value().size(), 1U);
  EXPECT_EQ(copy->people().value()[0].name, "ann");
  EXPECT_EQ(copy->audit({}).value().size(), 1U);
}

TEST(SqliteStore, BackupRefusesAnExistingFileAndLeavesItAlone) {
  ScratchDir dir;
  auto store = open_or_fail(dir / "rung.db");
  { std::ofstream(dir / "taken.db") << "precious"; }
  auto result = store->backup(dir / "taken.db");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "store.backup");
  EXPECT_NE(result.error().message.find("already exists"), std::string::npos);
  std::ifstream in(dir / "taken.db");
  std::string text;
  in >> text;
  EXPECT_EQ(text, "precious");
}

TEST(SqliteStore, BackupIntoAMissingDirectoryFailsCleanly) {
  ScratchDir dir;
  auto store = open_or_fail(dir / "rung.db");
  auto result = store->backup(dir / "no" / "such" / "copy.db");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "store.backup");
  EXPECT_NE(result.error().message.find("copy.db"), std::string::npos);
}

TEST(SqliteStore, BackupWhileAnotherThreadWritesIsConsistent) {
  ScratchDir dir;
  auto store = open_or_fail(dir / "rung.db");
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    for (int i = 0; !stop; ++i) {
      ASSERT_TRUE(add_person(*store, "p" + std::to_string(i)));
    }
  });
  while (store->people().value().size() < 20) {
    std::this_thread::yield();
  }
  const auto backed_up = store->backup(dir / "copy.db");
  stop = true;
  writer.join();
  ASSERT_TRUE(backed_up) << backed_up.error().to_string();
  auto copy = open_or_fail(dir / "copy.db");
  const auto people = copy->people().value().size();
  // Each write added a person and its audit entry together: a copy of one committed state has
  // as many of one as of the other.
  EXPECT_GE(people, 20U);
  AuditQuery everything;
  everything.limit = 1'000'000;
  EXPECT_EQ(copy->audit(everything).value().size(), people);
}

TEST(SqliteStore, ReadOnlyReadsAndRefusesWrites) {
  ScratchDir dir;
  ASSERT_TRUE(add_person(*open_or_fail(dir / "rung.db"), "ann"));
  Options read_only;
  read_only.read_only = true;
  auto store = open_or_fail(dir / "rung.db", read_only);
  EXPECT_EQ(store->people().value().size(), 1U);
  auto refused = add_person(*store, "bob");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "store.read-only");
}

}  // namespace
}  // namespace rung::store::sqlite
