// Golden tests for `rung import` (plain-text ladder -> ladder YAML).
//
// Every folder tests/golden/import/<case>/ holds:
//   input.txt        the plain-text ladder given to `rung import`
//   args             (optional) more arguments, one per line: "--option VALUE" (the value is the
//                    rest of the line, spaces included); a relative --ids-from path is taken
//                    from the repository root. Lines starting with '#' are comments.
//   expected.yaml    what `rung import` prints on stdout. When absent, the import must fail
//                    with exit code 2 and print nothing on stdout.
//   expected.stderr  what it prints on stderr: notes and the summary line, or the errors.
//                    Paths are shown relative to the repository root.
// The case runs `rung import tests/golden/import/<case>/input.txt <args>` in-process.
//
// To add a case, create the folder with input.txt (and args), then write its expected files
// with RUNG_UPDATE_GOLDEN=1 and read them line by line before committing:
//   RUNG_UPDATE_GOLDEN=1 build/test/tests/rung_tests --gtest_filter='*ImportGolden*'
// Update mode writes expected.yaml for an import that succeeds and removes it for one that fails.
//
// One more test checks that the built-in ladder (ladders/engineering.yaml, reviewed and edited
// by hand) is exactly what a re-import of the company document with --ids-from it gives.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rung/cli/command.hpp"

namespace rung {
namespace {

namespace fs = std::filesystem;

const fs::path k_root = RUNG_SOURCE_DIR;
const fs::path k_cases = k_root / "tests/golden/import";

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string without_root(std::string text) {
  const std::string prefix = k_root.string() + "/";
  for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) {
    text.erase(at, prefix.size());
  }
  return text;
}

struct Outcome {
  int exit_code = 0;
  std::string out;
  std::string err;
};

Outcome run_rung(const std::vector<std::string>& args) {
  std::vector<const char*> argv{"rung"};
  for (const auto& arg : args) {
    argv.push_back(arg.c_str());
  }
  std::ostringstream out;
  std::ostringstream err;
  int code = cli::run(static_cast<int>(argv.size()), argv.data(), cli::Io{out, err});
  return Outcome{code, out.str(), without_root(err.str())};
}

std::vector<std::string> case_args(const fs::path& dir) {
  std::vector<std::string> args{"import", (dir / "input.txt").string()};
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

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(k_cases)) {
    if (entry.is_directory()) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool updating() {
  const char* flag = std::getenv("RUNG_UPDATE_GOLDEN");
  return flag != nullptr && std::string(flag) == "1";
}

class ImportGolden : public testing::TestWithParam<std::string> {};

TEST_P(ImportGolden, MatchesExpectedFiles) {
  const fs::path dir = k_cases / GetParam();
  const fs::path yaml = dir / "expected.yaml";
  const fs::path stderr_file = dir / "expected.stderr";
  Outcome outcome = run_rung(case_args(dir));
  if (updating()) {
    if (outcome.exit_code == 0) {
      write_text(yaml, outcome.out);
    } else {
      fs::remove(yaml);
    }
    write_text(stderr_file, outcome.err);
    return;
  }
  if (fs::exists(yaml)) {
    EXPECT_EQ(outcome.exit_code, 0);
    EXPECT_EQ(outcome.out, read_text(yaml));
  } else {
    EXPECT_EQ(outcome.exit_code, 2);
    EXPECT_EQ(outcome.out, "");
  }
  EXPECT_EQ(outcome.err, read_text(stderr_file));
}

INSTANTIATE_TEST_SUITE_P(Cases, ImportGolden, testing::ValuesIn(case_names()),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(ImportGoldenBuiltIn, ReimportWithIdsFromTheBuiltInLadderReproducesItByteForByte) {
  const fs::path builtin = k_root / "ladders/engineering.yaml";
  Outcome outcome = run_rung(
      {"import", (k_cases / "engineering/input.txt").string(), "--ids-from", builtin.string()});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_TRUE(outcome.out == read_text(builtin))
      << "ladders/engineering.yaml is not what a re-import gives; the re-import printed:\n"
      << outcome.out;
  EXPECT_EQ(outcome.err,
            "rung import: 184 statements: 184 kept, 0 reworded, 0 new, 0 removed (ids from "
            "ladders/engineering.yaml)\n");
}

}  // namespace
}  // namespace rung
