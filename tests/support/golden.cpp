#include "support/golden.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "rung/core/text.hpp"

namespace rung::test_support {
namespace {

namespace fs = std::filesystem;

// The line of `text` that starts at `at`, without its newline.
std::string_view line_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) {
    return "(end of file)";
  }
  return text.substr(at, text.find('\n', at) - at);
}

// Where `actual` first departs from `expected`: the line number and both lines.
std::string first_difference(std::string_view expected, std::string_view actual) {
  const auto mismatch =
      std::mismatch(expected.begin(), expected.end(), actual.begin(), actual.end());
  const std::string_view common = expected.substr(0, mismatch.first - expected.begin());
  const std::size_t newline = common.rfind('\n');
  const std::size_t start = newline == std::string_view::npos ? 0 : newline + 1;
  const std::string_view expected_line = line_at(expected, start);
  const std::string_view actual_line = line_at(actual, start);
  std::ostringstream out;
  out << " differs from the output at line " << std::count(common.begin(), common.end(), '\n') + 1
      << ":\n  expected: " << expected_line << "\n  actual:   " << actual_line << "\n";
  if (expected_line == actual_line) {
    out << "  (the lines differ only in their ends: " << expected.size() << " bytes expected, "
        << actual.size() << " actual)\n";
  }
  return out.str();
}

void write_text(const fs::path& path, std::string_view text) {
  std::ofstream(path, std::ios::binary) << text;
}

void update(const fs::path& path, std::string_view actual, Expected expected) {
  if (expected == Expected::optional && !fs::exists(path)) {
    return;
  }
  if (expected == Expected::empty_if_absent && actual.empty()) {
    fs::remove(path);
    return;
  }
  write_text(path, actual);
}

}  // namespace

const fs::path& source_root() {
  static const fs::path root = RUNG_SOURCE_DIR;
  return root;
}

bool updating_golden_files() {
  const char* update = std::getenv("RUNG_UPDATE_GOLDEN");
  return update != nullptr && std::string_view(update) == "1";
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

::testing::AssertionResult matches_golden(const fs::path& path, std::string_view actual,
                                          Expected expected) {
  if (updating_golden_files()) {
    update(path, actual, expected);
  }
  const bool exists = fs::exists(path);
  if (!exists && expected == Expected::optional) {
    return ::testing::AssertionSuccess();
  }
  if (!exists && expected == Expected::required) {
    return ::testing::AssertionFailure()
           << path.string() << " is missing; RUNG_UPDATE_GOLDEN=1 writes it";
  }
  const std::string wanted = exists ? read_text(path) : std::string();
  if (actual == wanted) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << path.string() << (exists ? "" : " (absent: nothing expected)")
         << first_difference(wanted, actual)
         << "RUNG_UPDATE_GOLDEN=1 rewrites it (then read git diff)";
}

std::vector<std::string> case_folders(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_directory()) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> file_stems(const fs::path& dir, std::string_view extension) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == extension) {
      names.push_back(entry.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::map<std::string, std::string> read_key_values(const fs::path& path) {
  std::map<std::string, std::string> values;
  const std::string text = read_text(path);
  for (std::string_view line : split_lines(text)) {
    const std::size_t colon = line.find(':');
    if (trim(line).empty() || trim(line).front() == '#' || colon == std::string_view::npos) {
      continue;
    }
    values[std::string(trim(line.substr(0, colon)))] = std::string(trim(line.substr(colon + 1)));
  }
  return values;
}

std::string param_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param) {
    name += std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '_';
  }
  return name;
}

}  // namespace rung::test_support
