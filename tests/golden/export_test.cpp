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
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "rung/builtin/builtin.hpp"
#include "rung/export/markdown.hpp"
#include "rung/format/ladder_yaml.hpp"

#include "support/golden.hpp"

namespace rung::exports {
namespace {

namespace fs = std::filesystem;

using test_support::file_stems;
using test_support::matches_golden;
using test_support::param_name;

const fs::path k_dir = test_support::source_root() / "tests/golden/export";

class MarkdownGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(MarkdownGolden, MatchesExpectedFile) {
  auto loaded = format::load_ladder_file(k_dir / (GetParam() + ".yaml"));
  ASSERT_TRUE(loaded) << loaded.error().front().to_string();
  EXPECT_TRUE(matches_golden(k_dir / (GetParam() + ".md"),
                             to_markdown(model::Ladder(std::move(*loaded)), {})));
}

INSTANTIATE_TEST_SUITE_P(Fixtures, MarkdownGolden, ::testing::ValuesIn(file_stems(k_dir, ".yaml")),
                         param_name);

TEST(MarkdownGoldenBuiltIn, MatchesEngineeringMd) {
  EXPECT_TRUE(
      matches_golden(k_dir / "engineering.md", to_markdown(builtin::engineering_ladder(), {})));
}

}  // namespace
}  // namespace rung::exports
