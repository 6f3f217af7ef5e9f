// Golden tests for `rung migrate plan` and `rung migrate check`: the map proposed from the
// built-in ladder to tests/data/migrate/all-edits.yaml (ladders/engineering.yaml with a
// statement reworded, one moved to another area, one split, two merged, one dropped and a new
// level), and the problems check finds in hand-broken maps (tests/data/migrate/maps/), each
// with file:line:col.
//
// Every folder tests/golden/migrate/<case>/ is one run of the command (cli_golden.hpp): `args`,
// `expected.txt`, and when it fails `expected.stderr` and `expected.exit`.
//
// To add a case, create the folder with its args, write the expected files with
//   RUNG_UPDATE_GOLDEN=1 build/test/tests/rung_tests --gtest_filter='*MigrateGolden*'
// and read them line by line before committing.
#include <gtest/gtest.h>

#include "cli_golden.hpp"

namespace rung::golden {
namespace {

class MigrateGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(MigrateGolden, MatchesExpectedOutput) {
  check_case("migrate", GetParam());
}

INSTANTIATE_TEST_SUITE_P(Cases, MigrateGolden,
                         ::testing::ValuesIn(case_folders(k_golden_dir / "migrate")), param_name);

}  // namespace
}  // namespace rung::golden
