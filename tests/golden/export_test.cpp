// Golden tests for `rung export --format md`.
//
// tests/golden/export/<name>.yaml is a ladder; tests/golden/export/<name>.md is the Markdown
// export of it, exactly. tests/golden/export/engineering.md is the export of the built-in
// ladder (ladders/engineering.yaml). Open a .md file beside its .yaml to see what the exporter
// does with each text (escaping, shared levels, refs, the overview grid).
//
// After changing the exporter (or the built-in ladder), rewrite the expected files with
//   RUNG_UPDATE_GOLDEN=1 build/test/tests/rung_tests --gtest_filter='MarkdownGolden*'
// then read `git diff tests/golden/export` and commit only what is right.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rung/builtin/builtin.hpp"
#include "rung/export/markdown.hpp"
#include "rung/format/ladder_yaml.hpp"

namespace rung::exports {
namespace {

namespace fs = std::filesystem;

const fs::path k_dir = fs::path(RUNG_SOURCE_DIR) / "tests/golden/export";

std::vector<std::string> input_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(k_dir)) {
    if (entry.path().extension() == ".yaml") {
      names.push_back(entry.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void expect_golden(const std::string& actual, const fs::path& expected_file) {
  const char* update = std::getenv("RUNG_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(expected_file, std::ios::binary) << actual;
  }
  ASSERT_TRUE(fs::exists(expected_file))
      << expected_file << " is missing; run with RUNG_UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(actual, read_text(expected_file)) << "differs from " << expected_file;
}

class MarkdownGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(MarkdownGolden, MatchesExpectedFile) {
  auto loaded = format::load_ladder_file(k_dir / (GetParam() + ".yaml"));
  ASSERT_TRUE(loaded) << loaded.error().front().to_string();
  expect_golden(to_markdown(model::Ladder(std::move(*loaded)), {}), k_dir / (GetParam() + ".md"));
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, MarkdownGolden, ::testing::ValuesIn(input_names()), test_name);

TEST(MarkdownGoldenBuiltIn, MatchesEngineeringMd) {
  expect_golden(to_markdown(builtin::engineering_ladder(), {}), k_dir / "engineering.md");
}

}  // namespace
}  // namespace rung::exports
