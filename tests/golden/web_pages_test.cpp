// Golden tests for the HTML pages of `rung serve`.
//
// tests/golden/web_pages/ holds one <name>.html per page of the fixture ladder
// tests/fixtures/web/ladder.yaml; the page's address is the file name with "--" read as "/"
// (levels--swe-2.html is GET /levels/swe-2). Each must equal what the App answers, byte for
// byte, except that the stylesheet's version (?v=...) is written as ?v=VERSION.
//
// After changing a template on purpose, rewrite the expected files and read the diff before
// committing it:
//   RUNG_UPDATE_GOLDEN=1 build/test/tests/rung_tests --gtest_filter='WebPages*'
#include <filesystem>
#include <regex>
#include <string>

#include <gtest/gtest.h>

#include "../unit/web/web_support.hpp"
#include "support/golden.hpp"

namespace rung::web {
namespace {

namespace fs = std::filesystem;

using test_support::matches_golden;

const fs::path k_dir = test_support::source_root() / "tests/golden/web_pages";

std::string target_of(std::string name) {
  for (std::size_t at = name.find("--"); at != std::string::npos; at = name.find("--")) {
    name.replace(at, 2, "/");
  }
  return "/" + name;
}

class WebPages : public ::testing::TestWithParam<std::string> {};

TEST_P(WebPages, MatchExpectedHtml) {
  auto app = testing::make_app();
  ASSERT_NE(app, nullptr);
  const Response response = testing::get(*app, target_of(GetParam()));
  EXPECT_EQ(response.status, 200);
  const std::string actual = std::regex_replace(std::string(response.payload()),
                                                std::regex(R"(\?v=[0-9a-f]+)"), "?v=VERSION");
  EXPECT_TRUE(matches_golden(k_dir / (GetParam() + ".html"), actual));
}

INSTANTIATE_TEST_SUITE_P(Pages, WebPages,
                         ::testing::ValuesIn(test_support::file_stems(k_dir, ".html")),
                         test_support::param_name);

}  // namespace
}  // namespace rung::web
