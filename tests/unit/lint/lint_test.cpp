#include "rung/lint/lint.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "rung/lint/rules.hpp"
#include "rung/model/validate.hpp"

#include "ladder_builder.hpp"

namespace rung::lint {
namespace {

using testing::clean_ladder;

TEST(Lint, CleanLadderHasNoFindings) {
  auto builder = clean_ladder();
  ASSERT_TRUE(model::validate(builder.data()).empty());
  Report report = lint(builder.build());
  for (const auto& d : report.diagnostics) {
    ADD_FAILURE() << d.code << " at line " << d.loc.line << ": " << d.message;
  }
  EXPECT_EQ(report.file, "test.yaml");
  EXPECT_TRUE(passes(report, Strict::yes));
}

TEST(Lint, RuleTableHasStableUniqueCodesAndNames) {
  auto table = rules();
  ASSERT_EQ(table.size(), 16u);
  for (std::size_t i = 0; i < table.size(); ++i) {
    EXPECT_EQ(table[i].code, fmt::format("L{:03}", i + 1));
    EXPECT_NE(table[i].check, nullptr);
    EXPECT_EQ(find_rule(table[i].name), &table[i]);
  }
  EXPECT_EQ(find_rule("l007"), find_rule("repeated-statement"));
  EXPECT_EQ(find_rule("L099"), nullptr);
}

// Adds a defect that two rules report: a level with no statements (L005) and a range with a
// gap (L011).
model::LadderData two_defects() {
  auto builder = clean_ladder();
  builder.level("mgr-2", "Director of Engineering", "4").experience(12);
  builder.data().tracks[1].levels[0].experience->max_years = 8;  // mgr-1: 5-8, a gap to 12
  return builder.data();
}

TEST(Lint, FindingsAreSortedByLocation) {
  Report report = lint(model::Ladder(two_defects()));
  ASSERT_EQ(report.diagnostics.size(), 2u);
  EXPECT_TRUE(std::is_sorted(report.diagnostics.begin(), report.diagnostics.end(), comes_before));
  EXPECT_EQ(report.diagnostics[0].code, "L005");  // the level line comes before its experience
  EXPECT_EQ(report.diagnostics[1].code, "L011");
}

TEST(Lint, RulesCanBeTurnedOffPerRunByCodeOrName) {
  Options options;
  options.disabled = {"L005", "experience-gap"};
  Report report = lint(model::Ladder(two_defects()), options);
  EXPECT_TRUE(report.diagnostics.empty());
  EXPECT_EQ(report.disabled, (std::vector<std::string>{"L005", "L011"}));
}

TEST(Lint, RulesCanBeTurnedOffByTheLadderFile) {
  model::LadderData data = two_defects();
  data.lint_disabled = {"thin-level"};
  Report report = lint(model::Ladder(data));
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(report.diagnostics[0].code, "L011");
  EXPECT_EQ(report.disabled, std::vector<std::string>{"L005"});
}

TEST(Lint, UnknownCodeInTheLadderFileIsReportedWithASuggestion) {
  model::LadderData data = clean_ladder().data();
  data.lint_disabled = {"L0007", "no-such-rule"};
  Report report = lint(model::Ladder(data));
  ASSERT_EQ(report.diagnostics.size(), 2u);
  EXPECT_EQ(report.diagnostics[0].code, "L015");
  EXPECT_EQ(report.diagnostics[0].loc.line, 0);
  EXPECT_NE(report.diagnostics[0].message.find("'L0007'"), std::string::npos);
  EXPECT_EQ(report.diagnostics[0].hint, "did you mean 'L007'? (rung lint --list-rules)");
  EXPECT_EQ(report.diagnostics[1].hint, "rung lint --list-rules shows the rules");
}

TEST(Lint, PassesDependsOnSeverityAndStrictness) {
  Report report;
  EXPECT_TRUE(passes(report, Strict::yes));
  report.diagnostics.push_back({"L012", Severity::note, {}, "", "m", ""});
  EXPECT_TRUE(passes(report, Strict::yes));
  report.diagnostics.push_back({"L011", Severity::warning, {}, "", "m", ""});
  EXPECT_TRUE(passes(report, Strict::no));
  EXPECT_FALSE(passes(report, Strict::yes));
  report.diagnostics.push_back({"L001", Severity::error, {}, "", "m", ""});
  EXPECT_FALSE(passes(report, Strict::no));
  EXPECT_EQ(report.count(Severity::warning), 1u);
}

}  // namespace
}  // namespace rung::lint
