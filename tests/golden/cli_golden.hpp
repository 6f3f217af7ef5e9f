#pragma once

// Shared driver for golden tests of `rung` subcommands whose cases are folders of data:
//   tests/golden/<suite>/<case>/args             the arguments after `rung`, one per line
//                                                (lines starting with '#' are comments)
//   tests/golden/<suite>/<case>/expected.txt     what the command prints on stdout
//   tests/golden/<suite>/<case>/expected.stderr  (optional) what it prints on stderr; when
//                                                absent it must print nothing there
//   tests/golden/<suite>/<case>/expected.exit    (optional) its exit code; 0 when absent
// The command runs in-process (rung::cli::run) from the repository root, so output written to
// a string stream: no colour unless the case asks for --color always.
// With RUNG_UPDATE_GOLDEN=1 the expected files are rewritten from what the command does
// (expected.stderr and expected.exit only when non-empty / non-zero).

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rung/cli/command.hpp"

namespace rung::golden {

namespace fs = std::filesystem;

inline const fs::path k_root = RUNG_SOURCE_DIR;

inline std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Writes `text` to `path`, or removes `path` when `keep` is false.
inline void write_or_remove(const fs::path& path, const std::string& text, bool keep) {
  if (keep) {
    std::ofstream(path, std::ios::binary) << text;
  } else {
    fs::remove(path);
  }
}

// The case folders of a suite, sorted.
inline std::vector<std::string> case_names(const std::string& suite) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(k_root / "tests/golden" / suite)) {
    if (entry.is_directory()) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

inline std::vector<std::string> read_args(const fs::path& file) {
  std::vector<std::string> args{"rung"};
  std::istringstream in(read_text(file));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.front() != '#') {
      args.push_back(line);
    }
  }
  return args;
}

// Runs one case and compares (or, in update mode, rewrites) its expected files.
inline void check_case(const std::string& suite, const std::string& name) {
  const fs::path dir = k_root / "tests/golden" / suite / name;
  const auto args = read_args(dir / "args");
  std::vector<const char*> argv;
  for (const auto& arg : args) {
    argv.push_back(arg.c_str());
  }
  std::ostringstream out;
  std::ostringstream err;
  const int exit_code = cli::run(static_cast<int>(argv.size()), argv.data(), cli::Io{out, err});
  const std::string exit_text = exit_code == 0 ? "" : std::to_string(exit_code) + "\n";
  const char* update = std::getenv("RUNG_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    write_or_remove(dir / "expected.txt", out.str(), true);
    write_or_remove(dir / "expected.stderr", err.str(), !err.str().empty());
    write_or_remove(dir / "expected.exit", exit_text, exit_code != 0);
  }
  ASSERT_TRUE(fs::exists(dir / "expected.txt"))
      << dir << " has no expected.txt; run with RUNG_UPDATE_GOLDEN=1 to write it";
  EXPECT_EQ(out.str(), read_text(dir / "expected.txt")) << "stdout of " << dir;
  EXPECT_EQ(err.str(), read_text(dir / "expected.stderr")) << "stderr of " << dir;
  EXPECT_EQ(exit_text, read_text(dir / "expected.exit")) << "exit code of " << dir;
}

inline std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

}  // namespace rung::golden
