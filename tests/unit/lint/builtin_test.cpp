// The built-in ladder's findings, by rule and element: the company document's real defects
// and nothing else (tests/golden/lint/builtin/README.md says where each is in the document).
// The golden test pins the wording; this test pins what is found, independently of it.
#include "rung/builtin/builtin.hpp"

#include <set>
#include <utility>

#include <gtest/gtest.h>

#include "rung/lint/lint.hpp"

namespace rung::lint {
namespace {

using Finding = std::pair<std::string, std::string>;  // code, element

TEST(BuiltinLadder, ReportsTheDocumentsDefectsAndNothingElse) {
  const Report report = lint(builtin::engineering_ladder());
  std::multiset<Finding> found;
  for (const auto& d : report.diagnostics) {
    found.emplace(d.code, d.element);
  }
  const std::multiset<Finding> expected{
      // Detail pages drop the overview's numeral: a second title, and twice the same one.
      {"L002", "swe-1"},
      {"L002", "swe-2"},
      {"L002", "sre-1"},
      {"L002", "sre-2"},
      {"L002", "sre-3"},
      {"L002", "sre-4"},
      {"L001", "swe-2"},
      {"L001", "sre-2"},
      {"L001", "sre-4"},
      // Titles that do not exist: "Senior/Staff Software Developer".
      {"L003", "mgr-1-role-1"},
      {"L003", "mgr-2-role-1"},
      {"L003", "mgr-3-role-1"},
      // Statements repeated word for word at the next level.
      {"L007", "sre-4-role-3"},
      {"L007", "sre-4-domain-3"},
      {"L007", "sre-4-delivery-1"},
      {"L007", "sre-4-delivery-2"},
      {"L007", "mgr-3-role-1"},
      // Staff Reliability Engineer: missing areas, five statements, all of them jokes.
      {"L004", "sre-5"},
      {"L005", "sre-5"},
      {"L009", "sre-5"},
      // Overlapping experience ranges (notes).
      {"L012", "swe-2"},
      {"L012", "swe-3"},
      {"L012", "swe-4"},
      {"L012", "sre-2"},
      {"L012", "sre-3"},
      {"L012", "sre-4"},
      {"L012", "mgr-4"},
  };
  EXPECT_EQ(found, expected);
  EXPECT_EQ(report.count(Severity::error), 3u);
  EXPECT_FALSE(passes(report, Strict::no));
}

TEST(BuiltinLadder, FindingsPointAtTheElementsLines) {
  const model::Ladder& ladder = builtin::engineering_ladder();
  for (const auto& d : lint(ladder).diagnostics) {
    const model::Level* level = ladder.find_level(d.element);
    const model::Statement* statement = ladder.find_statement(d.element);
    ASSERT_TRUE(level != nullptr || statement != nullptr) << d.element;
    if (statement != nullptr) {
      EXPECT_EQ(d.loc, statement->loc) << d.code << " " << d.element;
    } else if (d.code == "L012") {
      EXPECT_EQ(d.loc, level->experience->loc) << d.element;
    } else {
      EXPECT_EQ(d.loc, level->loc) << d.code << " " << d.element;
    }
    EXPECT_GT(d.loc.line, 0) << d.code << " " << d.element;
  }
}

}  // namespace
}  // namespace rung::lint
