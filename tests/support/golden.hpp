#pragma once

// Golden files: a test's output compared with an expected file kept beside its input, so that a
// reader sees what the program does without reading C++. One place decides how they are
// compared and how they are rewritten:
//   RUNG_UPDATE_GOLDEN=1 build/test/tests/rung_tests --gtest_filter='Suite*'
// rewrites the expected files from what the code does now (then read `git diff` before
// committing). Any other value, or none, only compares.
//
// Not thread-safe in update mode (it writes files); gtest runs tests one at a time.

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace rung::test_support {

// The repository root (tests run from it; RUNG_SOURCE_DIR is set by tests/CMakeLists.txt).
const std::filesystem::path& source_root();

// True when RUNG_UPDATE_GOLDEN=1.
bool updating_golden_files();

// The whole file as bytes; empty when it does not exist or cannot be read.
std::string read_text(const std::filesystem::path& path);

// What an absent expected file means, and when update mode writes the file.
enum class Expected {
  required,         // the file must exist; update mode always writes it
  empty_if_absent,  // absent means "prints nothing"; update mode removes it for empty output
  optional,         // compared only when it exists; update mode only rewrites an existing file
};

// Compares `actual` with the expected file `path`, byte for byte. In update mode the file is
// first rewritten (or removed, see Expected), so the comparison passes. A failure names the
// file, its first differing line (expected and actual) and how to rewrite it. Use it as
//   EXPECT_TRUE(matches_golden(dir / "expected.txt", actual));
[[nodiscard]] ::testing::AssertionResult matches_golden(const std::filesystem::path& path,
                                                        std::string_view actual,
                                                        Expected expected = Expected::required);

// The names of the folders in `dir` (a golden suite's cases), sorted.
std::vector<std::string> case_folders(const std::filesystem::path& dir);

// The names without extension of the files in `dir` that end in `extension` (".yaml"), sorted.
std::vector<std::string> file_stems(const std::filesystem::path& dir, std::string_view extension);

// "key: value" lines of a case's setup file; blank lines, lines starting with '#' and lines
// without ':' are skipped. Keys and values are trimmed.
std::map<std::string, std::string> read_key_values(const std::filesystem::path& path);

// A gtest parameter name for a case name: every character but letters and digits becomes '_'.
std::string param_name(const ::testing::TestParamInfo<std::string>& info);

}  // namespace rung::test_support
