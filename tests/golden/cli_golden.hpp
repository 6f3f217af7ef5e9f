#pragma once

// Shared driver for golden tests of `rung` subcommands whose cases are folders of data:
//   tests/golden/<suite>/<case>/args             the arguments after `rung`, one per line
//                                                (lines starting with '#' are comments)
//   tests/golden/<suite>/<case>/expected.txt     what the command prints on stdout
//   tests/golden/<suite>/<case>/expected.stderr  (optional) what it prints on stderr; when
//                                                absent it must print nothing there
//   tests/golden/<suite>/<case>/expected.exit    (optional) its exit code; 0 when absent
// The command runs in-process (support/run_rung.hpp) from the repository root, so output
// goes to a string: no colour unless the case asks for --color always.
// With RUNG_UPDATE_GOLDEN=1 the expected files are rewritten from what the command does
// (expected.stderr and expected.exit only when non-empty / non-zero; support/golden.hpp).

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/golden.hpp"
#include "support/run_rung.hpp"

namespace rung::golden {

namespace fs = std::filesystem;

using test_support::case_folders;
using test_support::Expected;
using test_support::matches_golden;
using test_support::param_name;
using test_support::read_text;
using test_support::run_rung;
using test_support::RunResult;

inline const fs::path k_golden_dir = test_support::source_root() / "tests/golden";

// The arguments after `rung` in an args file: one a line, '#' lines left out.
inline std::vector<std::string> read_args(const fs::path& file) {
  std::vector<std::string> args;
  std::istringstream in(read_text(file));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.front() != '#') {
      args.push_back(line);
    }
  }
  return args;
}

// Checks (or, in update mode, rewrites) what one run printed and its exit code against the
// expected.txt, expected.stderr and expected.exit of `dir`.
inline void expect_outputs(const fs::path& dir, const RunResult& run) {
  const std::string exit_text = run.exit_code == 0 ? "" : std::to_string(run.exit_code) + "\n";
  EXPECT_TRUE(matches_golden(dir / "expected.txt", run.out));
  EXPECT_TRUE(matches_golden(dir / "expected.stderr", run.err, Expected::empty_if_absent));
  EXPECT_TRUE(matches_golden(dir / "expected.exit", exit_text, Expected::empty_if_absent));
}

// Runs one case of a suite and checks its expected files.
inline void check_case(const std::string& suite, const std::string& name) {
  const fs::path dir = k_golden_dir / suite / name;
  expect_outputs(dir, run_rung(read_args(dir / "args")));
}

}  // namespace rung::golden
