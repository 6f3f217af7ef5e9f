// `--database URI` (PostgreSQL) beside `--data DIR` (SQLite), run in-process: the same
// commands work on either store, giving both or a URI where a directory goes is refused, a
// password in the URI never shows, and `rung store copy` moves a data directory's store into
// PostgreSQL.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "../store/store_support.hpp"
#include "support/postgres.hpp"
#include "support/run_rung.hpp"

namespace rung::cli {
namespace {

using store::testing::ScratchDir;
using test_support::run_rung;

std::string database() {
  auto uri = test_support::postgres_test_uri();
  EXPECT_TRUE(uri) << uri.error().to_string();
  return uri.value_or("");
}

TEST(DatabaseOption, CommandsThatKeepDataWorkOnPostgres) {
  const auto uri = database();
  const auto added = run_rung({"user", "add", "admin", "--admin", "--database", uri});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  const auto listed = run_rung({"user", "list", "--database", uri});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find("admin"), std::string::npos) << listed.out;
  const auto audit = run_rung({"audit", "--database", uri});
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  EXPECT_NE(audit.out.find("account.create"), std::string::npos) << audit.out;
  const auto upgrade = run_rung({"upgrade", "--database", uri});
  ASSERT_EQ(upgrade.exit_code, 0) << upgrade.err;
  EXPECT_NE(upgrade.out.find("nothing to do"), std::string::npos) << upgrade.out;
}

TEST(DatabaseOption, DataAndDatabaseTogetherOrMixedUpAreRefused) {
  ScratchDir dir;
  const auto both =
      run_rung({"user", "list", "--data", dir.path().string(), "--database", database()});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("--database"), std::string::npos) << both.err;
  const auto not_a_uri = run_rung({"user", "list", "--database", dir.path().string()});
  EXPECT_EQ(not_a_uri.exit_code, 2);
  EXPECT_NE(not_a_uri.err.find("postgresql://"), std::string::npos) << not_a_uri.err;
  const auto uri_as_dir = run_rung({"user", "list", "--data", "postgresql://db/rung"});
  EXPECT_EQ(uri_as_dir.exit_code, 2);
  EXPECT_NE(uri_as_dir.err.find("--database"), std::string::npos) << uri_as_dir.err;
}

TEST(DatabaseOption, APasswordInTheUriNeverShows) {
  const auto refused = run_rung(
      {"user", "list", "--database", "postgresql://rung:hunter2@/rung?host=/nonexistent-rung"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("rung:***@"), std::string::npos) << refused.err;
  EXPECT_EQ((refused.out + refused.err).find("hunter2"), std::string::npos) << refused.err;
}

TEST(DatabaseOption, StoreCopyMovesADataDirectoryIntoPostgres) {
  ScratchDir dir;
  const auto data = dir.path().string();
  ASSERT_EQ(run_rung({"user", "add", "admin", "--admin", "--data", data}).exit_code, 0);
  const auto uri = database();
  const auto copied =
      run_rung({"store", "copy", "--from", "sqlite:" + data + "/rung.db", "--to", uri});
  ASSERT_EQ(copied.exit_code, 0) << copied.err;
  EXPECT_NE(copied.out.find("account"), std::string::npos) << copied.out;
  const auto listed = run_rung({"user", "list", "--database", uri});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find("admin"), std::string::npos) << listed.out;
  // Again into the same database: refused, as it is no longer empty.
  const auto again =
      run_rung({"store", "copy", "--from", "sqlite:" + data + "/rung.db", "--to", uri});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("not empty"), std::string::npos) << again.err;
}

}  // namespace
}  // namespace rung::cli
