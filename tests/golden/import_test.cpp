// Golden tests for `rung import` (plain-text ladder -> ladder YAML).
//
// Every folder tests/golden/import/<case>/ holds:
//   input.*          the document given to `rung import`: input.txt (plain text), input.csv,
//                    input.md, input.yaml, ...; the layout is recognised from the content
//                    unless args says --from
//   args             (optional) more arguments, one per line: "--option VALUE" (the value is the
//                    rest of the line, spaces included); a relative --ids-from path is taken
//                    from the repository root. Lines starting with '#' are comments.
//   expected.yaml    what `rung import` prints on stdout. When absent, the import must fail
//                    with exit code 2 and print nothing on stdout.
//   expected.stderr  what it prints on stderr: notes and the summary line, or the errors.
//                    Paths are shown relative to the repository root.
// The case runs `rung import tests/golden/import/<case>/input.* <args>` in-process.
//
// To add a case, create the folder with input.txt (and args), then write its expected files
// with RUNG_UPDATE_GOLDEN=1 and read them line by line before committing:
//   RUNG_UPDATE_GOLDEN=1 build/test/tests/rung_tests --gtest_filter='*ImportGolden*'
// Update mode writes expected.yaml for an import that prints YAML and removes it for one that
// prints nothing.
//
// One more test checks that the built-in ladder (ladders/engineering.yaml, reviewed and edited
// by hand) is exactly what a re-import of the company document with --ids-from it gives.
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/golden.hpp"
#include "support/run_rung.hpp"

namespace rung {
namespace {

namespace fs = std::filesystem;

using test_support::case_folders;
using test_support::Expected;
using test_support::matches_golden;
using test_support::param_name;
using test_support::read_text;
using test_support::RunResult;

const fs::path& k_root = test_support::source_root();
const fs::path k_cases = k_root / "tests/golden/import";

std::string without_root(std::string text) {
  const std::string prefix = k_root.string() + "/";
  for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) {
    text.erase(at, prefix.size());
  }
  return text;
}

// `rung ARGS...`, with the repository root left out of what it prints on stderr.
RunResult run_rung(const std::vector<std::string>& args) {
  RunResult run = test_support::run_rung(args);
  run.err = without_root(run.err);
  return run;
}

// The case's input.* file.
fs::path input_of(const fs::path& dir) {
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().stem() == "input") {
      return entry.path();
    }
  }
  return dir / "input.txt";
}

std::vector<std::string> case_args(const fs::path& dir) {
  std::vector<std::string> args{"import", input_of(dir).string()};
  std::istringstream lines(read_text(dir / "args"));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line.front() == '#') {
      continue;
    }
    auto space = line.find(' ');
    std::string option = line.substr(0, space);
    args.push_back(option);
    if (space != std::string::npos) {
      std::string value = line.substr(space + 1);
      args.push_back(option == "--ids-from" && fs::path(value).is_relative()
                         ? (k_root / value).string()
                         : value);
    }
  }
  return args;
}

class ImportGolden : public testing::TestWithParam<std::string> {};

TEST_P(ImportGolden, MatchesExpectedFiles) {
  const fs::path dir = k_cases / GetParam();
  const RunResult run = run_rung(case_args(dir));
  EXPECT_TRUE(matches_golden(dir / "expected.yaml", run.out, Expected::empty_if_absent));
  EXPECT_EQ(run.exit_code, fs::exists(dir / "expected.yaml") ? 0 : 2);
  EXPECT_TRUE(matches_golden(dir / "expected.stderr", run.err));
  if (!fs::exists(dir / "expected.yaml")) {
    // A refused import writes nothing: the -o file does not exist afterwards.
    const fs::path out = fs::path(testing::TempDir()) / ("import-" + GetParam() + ".yaml");
    fs::remove(out);
    std::vector<std::string> args = case_args(dir);
    args.insert(args.end(), {"-o", out.string()});
    EXPECT_EQ(run_rung(args).exit_code, 2);
    EXPECT_FALSE(fs::exists(out)) << out;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, ImportGolden, testing::ValuesIn(case_folders(k_cases)), param_name);

TEST(ImportGoldenBuiltIn, ReimportWithIdsFromTheBuiltInLadderReproducesItByteForByte) {
  const fs::path builtin = k_root / "ladders/engineering.yaml";
  const RunResult outcome = run_rung(
      {"import", (k_cases / "engineering/input.txt").string(), "--ids-from", builtin.string()});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_TRUE(outcome.out == read_text(builtin))
      << "ladders/engineering.yaml is not what a re-import gives; the re-import printed:\n"
      << outcome.out;
  EXPECT_EQ(outcome.err,
            "rung import: 184 statements: 184 kept, 0 reworded, 0 new, 0 removed (ids from "
            "ladders/engineering.yaml)\n");
}

TEST(ImportGoldenSameInitials, ShowReachesBothTracksAndEveryLevel) {
  // Issue 15: two tracks whose initials coincide; the second must not read as a level id.
  const std::string ladder = (k_cases / "same-initials/expected.yaml").string();
  for (const char* id : {"se", "solutions", "se-1", "se-2", "solutions-1", "solutions-2"}) {
    const RunResult shown = run_rung({"show", id, "--ladder", ladder});
    EXPECT_EQ(shown.exit_code, 0) << id << ": " << shown.err;
  }
  EXPECT_NE(run_rung({"show", "solutions", "--ladder", ladder}).out.find("Solutions Expert"),
            std::string::npos);
}

}  // namespace
}  // namespace rung
