// Golden tests for lint: a ladder in, the full report out.
//
// Each directory tests/golden/lint/<name>/ holds
//   ladder.yaml    the ladder to lint; without it, the built-in ladder (ladders/engineering.yaml)
//   expected.txt   the whole text report, exactly as `rung lint` prints it
//   expected.json  (optional) the whole JSON report, as `rung lint --format json` prints it
// Locations name the ladder as tests/golden/lint/<name>/ladder.yaml (relative to the repo root)
// or <built-in>/engineering.yaml.
//
// "clean" must have no findings. Every other directory with a ladder.yaml is named after a rule
// (docs/lint-rules.md) and holds the clean ladder with exactly one defect of that rule: its
// report must have exactly one finding, of that rule. Every rule has such a directory.
//
// To add a case, add <name>/ladder.yaml and run once with RUNG_UPDATE_GOLDEN=1 to write the
// expected files, then read them and commit them only if every line is right:
//   RUNG_UPDATE_GOLDEN=1 build/test/tests/rung_tests --gtest_filter='*LintGolden*'
// (The built-in ladder's findings are also listed by rule in tests/unit/lint/builtin_test.cpp.)
#include "rung/lint/lint.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rung/builtin/builtin.hpp"
#include "rung/format/ladder_yaml.hpp"
#include "rung/lint/render.hpp"
#include "rung/lint/rules.hpp"

#include "support/golden.hpp"

namespace rung::lint {
namespace {

namespace fs = std::filesystem;

using test_support::Expected;
using test_support::matches_golden;
using test_support::param_name;
using test_support::read_text;

const fs::path& k_root = test_support::source_root();
const fs::path k_dir = k_root / "tests/golden/lint";

// Every case, or only those with their own ladder.yaml (all but "builtin").
std::vector<std::string> case_names(bool with_ladder_only) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(k_dir)) {
    if (entry.is_directory() && (!with_ladder_only || fs::exists(entry.path() / "ladder.yaml"))) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Lints the case's ladder; fails the test (and returns an empty report) when it does not load.
Report lint_case(const std::string& name) {
  const fs::path input = k_dir / name / "ladder.yaml";
  if (!fs::exists(input)) {
    return lint(builtin::engineering_ladder());
  }
  const std::string shown = fs::relative(input, k_root).generic_string();
  auto data = format::parse_ladder_yaml(read_text(input), shown);
  if (!data) {
    ADD_FAILURE() << shown << " does not load: " << data.error().front().to_string();
    return {};
  }
  return lint(model::Ladder(std::move(*data)));
}

class LintGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(LintGolden, ReportMatchesExpectedFiles) {
  const Report report = lint_case(GetParam());
  EXPECT_TRUE(matches_golden(k_dir / GetParam() / "expected.txt", to_text(report)));
  EXPECT_TRUE(
      matches_golden(k_dir / GetParam() / "expected.json", to_json(report), Expected::optional));
}

class LintFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(LintFixture, HasExactlyTheDefectItIsNamedAfter) {
  const std::string& name = GetParam();
  const Report report = lint_case(name);
  if (name == "clean") {
    EXPECT_TRUE(report.diagnostics.empty());
    return;
  }
  const RuleInfo* rule = find_rule(name);
  ASSERT_NE(rule, nullptr) << "tests/golden/lint/" << name << " is not named after a rule";
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(report.diagnostics[0].code, rule->code);
}

INSTANTIATE_TEST_SUITE_P(Cases, LintGolden, ::testing::ValuesIn(case_names(false)), param_name);
INSTANTIATE_TEST_SUITE_P(Cases, LintFixture, ::testing::ValuesIn(case_names(true)), param_name);

TEST(LintGoldenCoverage, EveryRuleHasAOneDefectFixture) {
  for (const RuleInfo& rule : rules()) {
    EXPECT_TRUE(fs::exists(k_dir / std::string(rule.name) / "ladder.yaml"))
        << rule.code << " " << rule.name << " has no fixture";
  }
}

}  // namespace
}  // namespace rung::lint
