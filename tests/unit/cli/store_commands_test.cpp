// `rung audit` and `rung backup` run in-process against a data directory made by the test.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "rung/cli/command.hpp"
#include "rung/cli/data_store.hpp"
#include "rung/core/utc.hpp"

#include "../store/store_support.hpp"
#include "support/run_rung.hpp"

namespace rung::cli {
namespace {

using store::testing::make_entry;
using store::testing::ScratchDir;

using test_support::run_rung;

class StoreCommands : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = open_data_store(m_data.string());
    ASSERT_TRUE(store) << store.error().to_string();
    auto done = (*store)->write([](store::Writer& w) -> Result<void> {
      RUNG_TRY(w.append_audit(
          make_entry(*parse_utc("2026-11-01T09:00:00Z"), "admin", "person.create", "person:1")));
      RUNG_TRY(w.append_audit(
          make_entry(*parse_utc("2026-11-02T10:30:00Z"), "admin", "person.update", "person:1")));
      auto hostile = make_entry(*parse_utc("2026-11-03T11:00:00Z"), "eve\x1b[31m@example.com",
                                "session.sign-in", "account:2");
      hostile.after = "";
      RUNG_TRY(w.append_audit(hostile));
      return {};
    });
    ASSERT_TRUE(done) << done.error().to_string();
  }

  std::string data() const { return m_data.string(); }

  ScratchDir m_dir;
  std::filesystem::path m_data = m_dir / "var";
};

TEST_F(StoreCommands, AuditPrintsNewestFirstWithBeforeAndAfter) {
  const auto result = run_rung({"audit", "--data", data()});
  EXPECT_EQ(result.exit_code, k_exit_ok) << result.err;
  EXPECT_EQ(result.out,
            "#3  2026-11-03T11:00:00Z  eve\\x1b[31m@example.com  session.sign-in  account:2\n"
            "#2  2026-11-02T10:30:00Z  admin  person.update  person:1\n"
            "    after:  {\"x\":1}\n"
            "#1  2026-11-01T09:00:00Z  admin  person.create  person:1\n"
            "    after:  {\"x\":1}\n");
}

TEST_F(StoreCommands, AuditFiltersByActionFamilyAndDay) {
  auto result =
      run_rung({"audit", "--data", data(), "--action", "person.", "--until", "2026-11-01"});
  EXPECT_EQ(result.exit_code, k_exit_ok) << result.err;
  EXPECT_EQ(result.out,
            "#1  2026-11-01T09:00:00Z  admin  person.create  person:1\n"
            "    after:  {\"x\":1}\n");
  result = run_rung({"audit", "--data", data(), "--since", "2026-11-04"});
  EXPECT_EQ(result.out, "no audit entries match\n");
}

TEST_F(StoreCommands, AuditPagesAsJson) {
  auto result = run_rung({"audit", "--data", data(), "--limit", "2", "--format", "json"});
  ASSERT_EQ(result.exit_code, k_exit_ok) << result.err;
  auto page = nlohmann::json::parse(result.out);
  ASSERT_EQ(page["entries"].size(), 2U);
  EXPECT_EQ(page["entries"][0]["actor"], "eve\x1b[31m@example.com");
  EXPECT_EQ(page["entries"][0]["after"], nullptr);
  EXPECT_EQ(page["entries"][1]["after"], nlohmann::json({{"x", 1}}));
  EXPECT_EQ(page["entries"][1]["at"], "2026-11-02T10:30:00Z");
  ASSERT_EQ(page["next_before_id"], 2);

  result =
      run_rung({"audit", "--data", data(), "--limit", "2", "--format", "json", "--before-id", "2"});
  page = nlohmann::json::parse(result.out);
  ASSERT_EQ(page["entries"].size(), 1U);
  EXPECT_EQ(page["entries"][0]["id"], 1);
  EXPECT_EQ(page["next_before_id"], nullptr);
}

TEST_F(StoreCommands, AuditRefusesABadDate) {
  const auto result = run_rung({"audit", "--data", data(), "--since", "2026-02-30"});
  EXPECT_EQ(result.exit_code, k_exit_unusable);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("error[audit.bad-date]: --since '2026-02-30' is not a date"),
            std::string::npos)
      << result.err;
}

TEST_F(StoreCommands, AuditNeedsAnExistingDatabaseAndCreatesNothing) {
  const auto missing = (m_dir / "elsewhere").string();
  const auto result = run_rung({"audit", "--data", missing});
  EXPECT_EQ(result.exit_code, k_exit_unusable);
  EXPECT_NE(result.err.find("error[store.open]: there is no database at " + missing + "/rung.db"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("hint: pass --data DIR with the data directory of `rung serve`"),
            std::string::npos)
      << result.err;
  EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST_F(StoreCommands, BackupWritesACopyOnceAndRefusesToOverwrite) {
  const auto copy = (m_dir / "copy.db").string();
  auto result = run_rung({"backup", copy, "--data", data()});
  EXPECT_EQ(result.exit_code, k_exit_ok) << result.err;
  EXPECT_NE(
      result.out.find("rung backup: copied sqlite " + data() + "/rung.db (schema 8) to " + copy),
      std::string::npos)
      << result.out;

  // The copy is a data directory's database in its own right.
  std::filesystem::create_directories(m_dir / "restored");
  std::filesystem::copy_file(copy, m_dir / "restored" / "rung.db");
  result = run_rung({"audit", "--data", (m_dir / "restored").string(), "--limit", "1"});
  EXPECT_EQ(result.exit_code, k_exit_ok) << result.err;
  EXPECT_NE(result.out.find("#3  2026-11-03T11:00:00Z"), std::string::npos) << result.out;

  result = run_rung({"backup", copy, "--data", data()});
  EXPECT_EQ(result.exit_code, k_exit_unusable);
  EXPECT_NE(result.err.find("error[store.backup]: " + copy + " already exists"), std::string::npos)
      << result.err;
}

}  // namespace
}  // namespace rung::cli
