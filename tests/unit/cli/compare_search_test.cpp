// `rung compare` and `rung search` run in-process on a ladder file (--ladder) and on bad
// input; the built-in ladder's output is pinned by the golden tests (tests/golden/compare,
// tests/golden/search).
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "rung/cli/command.hpp"
#include "rung/format/ladder_yaml.hpp"

#include "../support/document_ladder.hpp"
#include "support/run_rung.hpp"

namespace rung::cli {
namespace {

namespace fs = std::filesystem;

using test_support::run_rung;

// The document's ladder written to a YAML file that the test removes afterwards.
class LadderFile : public ::testing::Test {
 protected:
  void SetUp() override {
    m_path = fs::temp_directory_path() /
             ("rung-" + std::to_string(getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".yaml");
    std::ofstream(m_path) << format::to_yaml(test_data::document_ladder_data());
  }
  void TearDown() override { fs::remove(m_path); }

  fs::path m_path;
};

TEST_F(LadderFile, CompareReadsTheLadderGivenWithLadder) {
  auto run = run_rung({"compare", "mgr-1", "--ladder", m_path.string()});
  EXPECT_EQ(run.exit_code, k_exit_ok) << run.err;
  // The file's manager track is called "Manager"; the built-in ladder's is not.
  EXPECT_EQ(run.out.substr(0, run.out.find('\n')),
            "mgr-1 Engineering Team Lead -> mgr-2 Director of Engineering");
  EXPECT_NE(run.out.find("  ~ You have the technical skills of a [-Senior-]{+Staff+} Software "
                         "Developer."),
            std::string::npos);
  EXPECT_EQ(run.err, "");
}

TEST_F(LadderFile, CompareJsonIsValidAndComplete) {
  auto run =
      run_rung({"compare", "swe-3", "mgr-1", "--ladder", m_path.string(), "--format", "json"});
  ASSERT_EQ(run.exit_code, k_exit_ok);
  auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["b"]["track"]["name"], "Manager");
  EXPECT_EQ(json["summary"]["new_at_b"], 17);
  EXPECT_EQ(json["summary"]["only_at_a"], 22);
}

TEST_F(LadderFile, SearchReadsTheLadderGivenWithLadder) {
  auto run = run_rung({"search", "mentoring", "--ladder", m_path.string(), "--limit", "1"});
  EXPECT_EQ(run.exit_code, k_exit_ok);
  EXPECT_NE(run.out.find("  Manager > mgr-3 Sr. Director of Engineering (also mgr-4)"),
            std::string::npos);
  EXPECT_NE(run.out.find("(showing the first 1)"), std::string::npos);
}

TEST(CompareCli, AMissingLadderFileIsAnError) {
  auto run = run_rung({"compare", "swe-1", "--ladder", "no/such/ladder.yaml"});
  EXPECT_EQ(run.exit_code, k_exit_unusable);
  EXPECT_NE(run.err.find("no/such/ladder.yaml"), std::string::npos);
  EXPECT_EQ(run.out, "");
}

TEST(CompareCli, BadOptionValuesAreRefused) {
  EXPECT_EQ(run_rung({"compare", "swe-1", "--format", "xml"}).exit_code, k_exit_unusable);
  EXPECT_EQ(run_rung({"compare", "swe-1", "--color", "sometimes"}).exit_code, k_exit_unusable);
  EXPECT_EQ(run_rung({"compare", "swe-1", "--threshold", "2"}).exit_code, k_exit_unusable);
  EXPECT_EQ(run_rung({"compare"}).exit_code, k_exit_unusable);
}

TEST(CompareCli, ALowerThresholdPairsMore) {
  auto strict = run_rung({"compare", "swe-2", "swe-3", "--format", "json"});
  auto loose = run_rung({"compare", "swe-2", "swe-3", "--format", "json", "--threshold", "0.25"});
  ASSERT_EQ(loose.exit_code, k_exit_ok);
  EXPECT_GT(nlohmann::json::parse(loose.out)["summary"]["reworded"],
            nlohmann::json::parse(strict.out)["summary"]["reworded"]);
}

TEST(SearchCli, ExitCodesSayWhetherAnythingMatched) {
  EXPECT_EQ(run_rung({"search", "mentor"}).exit_code, k_exit_ok);
  auto none = run_rung({"search", "zzzq"});
  EXPECT_EQ(none.exit_code, k_exit_findings);
  EXPECT_EQ(none.out, "No statement matches \"zzzq\".\n");
  auto nothing = run_rung({"search", "..."});
  EXPECT_EQ(nothing.exit_code, k_exit_unusable);
  EXPECT_EQ(run_rung({"search"}).exit_code, k_exit_unusable);
}

TEST(SearchCli, JsonWithNoMatchStillPrintsTheResult) {
  auto run = run_rung({"search", "mentro", "--format", "json"});
  EXPECT_EQ(run.exit_code, k_exit_findings);
  auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["total"], 0);
  EXPECT_EQ(json["suggestions"], nlohmann::json::array({"mentor"}));
}

TEST(SearchCli, RelatedWordsCanBeTurnedOff) {
  auto run = run_rung({"search", "mentor", "--no-related", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(run.out)["total"], 5);
}

}  // namespace
}  // namespace rung::cli
