// Golden tests for `rung search` on the built-in ladder.
//
// Every folder tests/golden/search/<case>/ is one run of the command: `args` holds the
// arguments (one per line), `expected.txt` what it prints, and `expected.exit` its exit code
// when not 0 (1: nothing matched). See cli_golden.hpp.
//
// To add a case, create the folder with its args, write the expected files with
//   RUNG_UPDATE_GOLDEN=1 build/test/tests/rung_tests --gtest_filter='*SearchGolden*'
// and read them line by line before committing.
#include <gtest/gtest.h>

#include "cli_golden.hpp"

namespace rung::golden {
namespace {

class SearchGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(SearchGolden, MatchesExpectedOutput) {
  check_case("search", GetParam());
}

INSTANTIATE_TEST_SUITE_P(Cases, SearchGolden,
                         ::testing::ValuesIn(case_folders(k_golden_dir / "search")), param_name);

}  // namespace
}  // namespace rung::golden
