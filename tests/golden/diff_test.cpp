// Golden tests for `rung diff`: two versions of a ladder.
//
// Every folder tests/golden/diff/<case>/ is one run of the command (cli_golden.hpp): `args`,
// `expected.txt`, and when it fails `expected.stderr` and `expected.exit`. The later version
// most cases read is tests/golden/ladder_versions/engineering-2027.yaml: ladders/engineering.yaml
// with one statement reworded, one moved to another area, one to another level, one new (with
// Markdown's special characters), one dropped, and a level renamed.
//
// To add a case, create the folder with its args, write the expected files with
//   RUNG_UPDATE_GOLDEN=1 build/test/tests/rung_tests --gtest_filter='*DiffGolden*'
// and read them line by line before committing.
#include <gtest/gtest.h>

#include "cli_golden.hpp"

namespace rung::golden {
namespace {

class DiffGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(DiffGolden, MatchesExpectedOutput) {
  check_case("diff", GetParam());
}

INSTANTIATE_TEST_SUITE_P(Cases, DiffGolden,
                         ::testing::ValuesIn(case_folders(k_golden_dir / "diff")), param_name);

}  // namespace
}  // namespace rung::golden
