#pragma once

// Running the `rung` command line from a test: in-process, through cli::run (the same entry
// tools/rung/main.cpp calls), with stdout and stderr captured as strings, so no terminal and no
// colour unless the arguments ask for it. Relative paths in the arguments are read from the
// current directory (CTest runs the tests from the repository root).

#include <string>
#include <vector>

namespace rung::test_support {

// What one run of `rung` did.
struct RunResult {
  int exit_code = -1;  // cli::k_exit_ok, k_exit_findings, k_exit_unusable
  std::string out;     // everything printed on stdout
  std::string err;     // everything printed on stderr
};

// Runs `rung ARGS...`; `args` leaves out the program name.
RunResult run_rung(const std::vector<std::string>& args);

}  // namespace rung::test_support
