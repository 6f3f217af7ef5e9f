// Golden tests for the errors a bad ladder file gets.
//
// Every tests/fixtures/yaml/bad/<name>.yaml is loaded with format::load_ladder_file; the
// errors, one Error::to_string() per problem (file:line:col: error[code]: message, then the
// hint), must equal tests/fixtures/yaml/bad/<name>.expected exactly. Paths are shown relative
// to the repository root.
//
// To add a case, add <name>.yaml and run once with RUNG_UPDATE_GOLDEN=1 to write
// <name>.expected, then read the new file and commit it only if every line is right:
//   RUNG_UPDATE_GOLDEN=1 build/test/tests/rung_tests --gtest_filter='YamlErrors*'
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "rung/format/ladder_yaml.hpp"

#include "support/golden.hpp"

namespace rung::format {
namespace {

namespace fs = std::filesystem;

using test_support::file_stems;
using test_support::matches_golden;
using test_support::param_name;

const fs::path& k_root = test_support::source_root();
const fs::path k_bad_dir = k_root / "tests/fixtures/yaml/bad";

// The errors as the user sees them, with the repository root left out of paths.
std::string error_report(const fs::path& file) {
  auto loaded = load_ladder_file(file);
  if (loaded) {
    return "(loaded without errors)\n";
  }
  const std::string root_prefix = k_root.string() + "/";
  std::string report;
  for (const auto& error : loaded.error()) {
    std::string line = error.to_string();
    for (auto at = line.find(root_prefix); at != std::string::npos; at = line.find(root_prefix)) {
      line.erase(at, root_prefix.size());
    }
    report += line + "\n";
  }
  return report;
}

class YamlErrors : public ::testing::TestWithParam<std::string> {};

TEST_P(YamlErrors, MatchExpectedFile) {
  const fs::path input = k_bad_dir / (GetParam() + ".yaml");
  const fs::path expected_file = k_bad_dir / (GetParam() + ".expected");
  const std::string actual = error_report(input);
  EXPECT_TRUE(matches_golden(expected_file, actual)) << "for " << input;
}

INSTANTIATE_TEST_SUITE_P(BadFixtures, YamlErrors,
                         ::testing::ValuesIn(file_stems(k_bad_dir, ".yaml")), param_name);

TEST(YamlErrorsFixtures, EveryExpectedFileHasItsInput) {
  for (const auto& entry : fs::directory_iterator(k_bad_dir)) {
    if (entry.path().extension() == ".expected") {
      fs::path input = entry.path();
      input.replace_extension(".yaml");
      EXPECT_TRUE(fs::exists(input)) << entry.path() << " has no input file";
    }
  }
}

}  // namespace
}  // namespace rung::format
