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
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "../unit/web/web_support.hpp"

namespace rung::web {
namespace {

namespace fs = std::filesystem;

const fs::path k_dir = fs::path(RUNG_SOURCE_DIR) / "tests/golden/web_pages";

std::vector<std::string> page_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(k_dir)) {
    if (entry.path().extension() == ".html") {
      names.push_back(entry.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

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
  const fs::path expected_path = k_dir / (GetParam() + ".html");
  if (std::getenv("RUNG_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(expected_path, std::ios::binary) << actual;
  }
  std::ifstream in(expected_path, std::ios::binary);
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str());
}

INSTANTIATE_TEST_SUITE_P(Pages, WebPages, ::testing::ValuesIn(page_names()), [](const auto& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
});

}  // namespace
}  // namespace rung::web
