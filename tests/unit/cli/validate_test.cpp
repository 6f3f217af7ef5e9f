#include "rung/cli/validate.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/golden.hpp"
#include "support/run_rung.hpp"

namespace rung::cli {
namespace {

using test_support::run_rung;
using test_support::RunResult;

const std::string k_dir = test_support::source_root().string() + "/tests/fixtures/yaml/";

TEST(ValidateCommand, SaysOkWithCountsForAValidLadder) {
  const std::string file = k_dir + "valid/minimal.yaml";
  RunResult result = run_rung({"validate", file});
  EXPECT_EQ(result.exit_code, k_exit_ok);
  EXPECT_EQ(result.out, file + ": ok (1 track, 1 level, 1 statement)\n");
  EXPECT_EQ(result.err, "");
}

TEST(ValidateCommand, MalformedYamlIsUnusableInput) {
  const std::string file = k_dir + "bad/syntax-colon-in-value.yaml";
  RunResult result = run_rung({"validate", file});
  EXPECT_EQ(result.exit_code, k_exit_unusable);
  EXPECT_EQ(result.out, "");
  EXPECT_TRUE(result.err.starts_with(file + ":15:25: error[yaml.syntax]: ")) << result.err;
}

TEST(ValidateCommand, BrokenLadderRulesAreFindings) {
  RunResult result = run_rung({"validate", k_dir + "bad/duplicate-ids.yaml"});
  EXPECT_EQ(result.exit_code, k_exit_findings);
  EXPECT_NE(result.err.find("error[ladder.duplicate-id]: duplicate level id 'swe-1'"),
            std::string::npos)
      << result.err;
}

TEST(ValidateCommand, ReportsErrorsAsJson) {
  const std::string file = k_dir + "bad/unknown-grade.yaml";
  RunResult result = run_rung({"validate", "--format", "json", file});
  EXPECT_EQ(result.exit_code, k_exit_findings);
  auto errors = nlohmann::json::parse(result.out);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[1]["code"], "ladder.unknown-grade");
  EXPECT_EQ(errors[1]["file"], file);
  EXPECT_EQ(errors[1]["line"], 16);
  EXPECT_EQ(errors[1]["column"], 9);
  EXPECT_EQ(errors[1]["hint"], "grades are: 2, 3, 4, 3");
  EXPECT_TRUE(errors[0]["hint"].is_null());
}

TEST(ValidateCommand, JsonForAValidLadderIsAnEmptyList) {
  RunResult result = run_rung({"validate", k_dir + "valid/handwritten.yaml", "--format=json"});
  EXPECT_EQ(result.exit_code, k_exit_ok);
  EXPECT_EQ(result.out, "[]\n");
}

TEST(ValidateCommand, AFileLevelErrorHasNoLineInJson) {
  RunResult result = run_rung({"validate", "--format", "json", k_dir + "no-such-file.yaml"});
  EXPECT_EQ(result.exit_code, k_exit_unusable);
  auto errors = nlohmann::json::parse(result.out);
  EXPECT_EQ(errors[0]["code"], "file.not-found");
  EXPECT_TRUE(errors[0]["line"].is_null());
}

TEST(ValidateCommand, ExitCodeDependsOnTheKindOfError) {
  EXPECT_EQ(exit_code_for({}), k_exit_ok);
  EXPECT_EQ(exit_code_for({Error{"ladder.duplicate-id", "", {}, ""}}), k_exit_findings);
  EXPECT_EQ(exit_code_for(
                {Error{"ladder.duplicate-id", "", {}, ""}, Error{"yaml.unknown-key", "", {}, ""}}),
            k_exit_unusable);
  EXPECT_EQ(exit_code_for({Error{"file.too-large", "", {}, ""}}), k_exit_unusable);
}

TEST(ValidateCommand, HelpDocumentsTheExitCodes) {
  RunResult result = run_rung({"validate", "--help"});
  EXPECT_EQ(result.exit_code, k_exit_ok);
  EXPECT_NE(result.out.find("Exit codes:"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("--format"), std::string::npos);
}

}  // namespace
}  // namespace rung::cli
