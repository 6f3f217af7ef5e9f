// Golden tests for `rung compare` on the built-in ladder.
//
// Every folder tests/golden/compare/<case>/ is one run of the command: `args` holds the
// arguments (one per line), `expected.txt` what it prints, and, when it fails,
// `expected.stderr` and `expected.exit` (see cli_golden.hpp). Read expected.txt to see what a
// user sees: "=" unchanged, "~" reworded with [-removed-] and {+added+} words and the
// similarity, "+" new at the second level, "-" only at the first.
//
// To add a case, create the folder with its args, write the expected files with
//   RUNG_UPDATE_GOLDEN=1 build/test/tests/rung_tests --gtest_filter='*CompareGolden*'
// and read them line by line before committing.
#include <gtest/gtest.h>

#include "cli_golden.hpp"

namespace rung::golden {
namespace {

class CompareGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(CompareGolden, MatchesExpectedOutput) {
  check_case("compare", GetParam());
}

INSTANTIATE_TEST_SUITE_P(Cases, CompareGolden,
                         ::testing::ValuesIn(case_folders(k_golden_dir / "compare")), param_name);

}  // namespace
}  // namespace rung::golden
