// Opening a SQLite store that cannot be used: each case fails at open with "store.open" (or
// "store.too-new"), a message naming the file, a hint saying what to do, and the file as it was.
#include "rung/store/sqlite/open.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rung/store/sqlite/store.hpp"

#include "../store_support.hpp"

namespace rung::store::sqlite {
namespace {

using namespace std::chrono_literals;
using testing::ScratchDir;

constexpr uid_t k_nobody = 65534;

std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void create_store(const std::filesystem::path& file) {
  auto store = open_store(file);
  ASSERT_TRUE(store) << store.error().to_string();
}

// The error open_store(file) ends with, as a user that is not root: root may write any file,
// so as root the open runs in a child process that first becomes `nobody`.
Error open_error_unprivileged(const std::filesystem::path& file) {
  if (geteuid() != 0) {
    auto store = open_store(file);
    return store ? Error{} : store.error();
  }
  int channel[2];
  EXPECT_EQ(pipe(channel), 0);
  const pid_t child = fork();
  if (child == 0) {
    close(channel[0]);
    if (setgid(k_nobody) != 0 || setuid(k_nobody) != 0) {
      _exit(2);
    }
    auto store = open_store(file);
    const Error error = store ? Error{} : store.error();
    const std::string text = error.code + '\n' + error.message + '\n' + error.hint;
    const bool sent =
        write(channel[1], text.data(), text.size()) == static_cast<ssize_t>(text.size());
    _exit(sent ? 0 : 1);
  }
  close(channel[1]);
  std::string text;
  char buffer[512];
  for (ssize_t n; (n = read(channel[0], buffer, sizeof buffer)) > 0;) {
    text.append(buffer, static_cast<std::size_t>(n));
  }
  close(channel[0]);
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status;
  std::istringstream lines(text);
  Error error;
  std::getline(lines, error.code);
  std::getline(lines, error.message);
  std::getline(lines, error.hint);
  return error;
}

// Lets the unprivileged user write `path` (root: hand it over; others already own it).
void let_write(const std::filesystem::path& path) {
  if (geteuid() == 0) {
    ASSERT_EQ(chown(path.c_str(), k_nobody, k_nobody), 0);
  }
}

// Takes away the unprivileged user's write access to `path`.
void forbid_write(const std::filesystem::path& path) {
  if (geteuid() != 0) {
    std::filesystem::permissions(path, std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::remove);
  }
}

const int k_latest = latest_version(schema_migrations());

void expect_mentions(const Error& error, std::string_view code, std::string_view message,
                     std::string_view hint) {
  EXPECT_EQ(error.code, code);
  EXPECT_NE(error.message.find(message), std::string::npos) << error.message;
  EXPECT_NE(error.hint.find(hint), std::string::npos) << error.hint;
}

TEST(SqliteOpen, AFileThatIsNotADatabase) {
  ScratchDir dir;
  const std::string garbage(5000, 'x');
  { std::ofstream(dir / "rung.db", std::ios::binary) << "not a database\n" << garbage; }
  auto store = open_store(dir / "rung.db");
  ASSERT_FALSE(store);
  expect_mentions(store.error(), "store.open", (dir / "rung.db").string() + " is not a SQLite",
                  "restore it from a copy made with `rung backup`");
  EXPECT_EQ(read_all(dir / "rung.db"), "not a database\n" + garbage);
}

TEST(SqliteOpen, ADatabaseLockedByAnotherWriter) {
  ScratchDir dir;
  create_store(dir / "rung.db");
  auto holder = Connection::open(dir / "rung.db", OpenMode::read_write).value();
  ASSERT_TRUE(holder->exec("BEGIN IMMEDIATE"));
  Options options;
  options.busy_timeout = 150ms;
  auto store = open_store(dir / "rung.db", options);
  ASSERT_FALSE(store);
  expect_mentions(store.error(), "store.open", "is locked by another writer (waited 150 ms)",
                  "let it finish or stop it");
  ASSERT_TRUE(holder->exec("ROLLBACK"));
  EXPECT_TRUE(open_store(dir / "rung.db", options));
}

TEST(SqliteOpen, ADatabaseFromANewerRung) {
  ScratchDir dir;
  create_store(dir / "rung.db");
  {
    auto raw = Connection::open(dir / "rung.db", OpenMode::read_write).value();
    ASSERT_TRUE(raw->exec("PRAGMA user_version = " + std::to_string(k_latest + 1)));
  }
  auto store = open_store(dir / "rung.db");
  ASSERT_FALSE(store);
  expect_mentions(store.error(), "store.too-new",
                  "the database at " + (dir / "rung.db").string() + " has schema " +
                      std::to_string(k_latest + 1) + "; this rung knows up to " +
                      std::to_string(k_latest),
                  "use a newer rung");
}

TEST(SqliteOpen, AReadOnlyFile) {
  ScratchDir dir;
  create_store(dir / "rung.db");
  let_write(dir.path());
  forbid_write(dir / "rung.db");
  const auto before = read_all(dir / "rung.db");
  expect_mentions(open_error_unprivileged(dir / "rung.db"), "store.open",
                  "cannot write the database at " + (dir / "rung.db").string(),
                  "check that both are writable");
  EXPECT_EQ(read_all(dir / "rung.db"), before);
}

TEST(SqliteOpen, AReadOnlyDirectory) {
  ScratchDir dir;
  create_store(dir / "rung.db");
  let_write(dir / "rung.db");
  forbid_write(dir.path());
  expect_mentions(open_error_unprivileged(dir / "rung.db"), "store.open",
                  "cannot write the database at " + (dir / "rung.db").string(),
                  "beside it in " + dir.path().string());
}

TEST(SqliteOpen, AMissingDirectory) {
  ScratchDir dir;
  auto store = open_store(dir / "missing" / "rung.db");
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, "store.open");
  EXPECT_NE(store.error().message.find("missing/rung.db"), std::string::npos);
}

TEST(SqliteOpen, ReadOnlyNeitherCreatesNorUpgrades) {
  ScratchDir dir;
  Options read_only;
  read_only.read_only = true;
  auto missing = open_store(dir / "rung.db", read_only);
  ASSERT_FALSE(missing);
  expect_mentions(missing.error(), "store.open", "there is no database at", "check --data");
  EXPECT_FALSE(std::filesystem::exists(dir / "rung.db"));

  { auto empty = Connection::open(dir / "rung.db", OpenMode::read_write_create); }
  auto old = open_store(dir / "rung.db", read_only);
  ASSERT_FALSE(old);
  expect_mentions(old.error(), "store.old-schema",
                  "has schema 0, older than this rung's " + std::to_string(k_latest),
                  "rung upgrade");
}

TEST(SqliteOpen, SchemaVersionsReadsAnOlderFileWithoutChangingIt) {
  ScratchDir dir;
  { auto empty = Connection::open(dir / "rung.db", OpenMode::read_write_create); }
  const auto before = std::filesystem::file_size(dir / "rung.db");
  const auto versions = schema_versions(dir / "rung.db");
  ASSERT_TRUE(versions) << versions.error().to_string();
  EXPECT_EQ(versions->file, 0);
  EXPECT_EQ(versions->latest, k_latest);
  EXPECT_EQ(std::filesystem::file_size(dir / "rung.db"), before);
  // A backup takes a copy of it as it is; the read-only open for it accepts the old schema.
  Options copying;
  copying.read_only = true;
  copying.any_schema = true;
  auto old = open_store(dir / "rung.db", copying);
  ASSERT_TRUE(old) << old.error().to_string();
  EXPECT_EQ((*old)->describe(), "sqlite " + (dir / "rung.db").string() + " (schema 0)");
  EXPECT_FALSE(schema_versions(dir / "missing.db"));
}

TEST(SqliteOpen, CommitsAreSyncedUnlessAskedOtherwise) {
  ScratchDir dir;
  // SQLite's numbers: 1 is NORMAL, 2 is FULL.
  auto full = open_database(dir / "rung.db", Options{});
  ASSERT_TRUE(full) << full.error().to_string();
  EXPECT_EQ(full->writer->query_int("PRAGMA synchronous").value(), 2);
  Options fast;
  fast.sync = Sync::normal;
  auto normal = open_database(dir / "other.db", fast);
  ASSERT_TRUE(normal) << normal.error().to_string();
  EXPECT_EQ(normal->writer->query_int("PRAGMA synchronous").value(), 1);
}

}  // namespace
}  // namespace rung::store::sqlite
