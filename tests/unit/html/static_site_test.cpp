#include "rung/html/static_site.hpp"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "../web/web_support.hpp"

namespace rung::html {
namespace {

namespace fs = std::filesystem;

class StaticSite : public ::testing::Test {
 protected:
  void SetUp() override {
    root = fs::temp_directory_path() /
           ("rung-site-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root);
    fs::create_directories(root);
  }
  void TearDown() override { fs::remove_all(root); }

  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream out;
    out << in.rdbuf();
    return out.str();
  }

  fs::path root;
};

TEST_F(StaticSite, WritesEveryPageWithRelativeLinksThatResolve) {
  const fs::path site = root / "site";
  ASSERT_TRUE(write_static_site(web::testing::fixture_ladder(), site));
  for (const char* file :
       {"index.html", "rung.css", "tracks/swe.html", "levels/swe-3.html", "levels/mgr-3.html"}) {
    EXPECT_TRUE(fs::is_regular_file(site / file)) << file;
  }
  const std::regex link(R"((?:href|src|action)="([^"]*)\")");
  std::size_t checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(site)) {
    if (entry.path().extension() != ".html") {
      continue;
    }
    const std::string page = read(entry.path());
    EXPECT_EQ(page.find("role=\"search\""), std::string::npos) << "no server, no search form";
    for (auto it = std::sregex_iterator(page.begin(), page.end(), link);
         it != std::sregex_iterator(); ++it) {
      const std::string url = (*it)[1];
      if (url.starts_with("data:") || url.starts_with('#')) {
        continue;
      }
      EXPECT_FALSE(url.starts_with('/')) << entry.path() << ": " << url;
      EXPECT_EQ(url.find(':'), std::string::npos) << entry.path() << ": " << url;
      const fs::path target =
          (entry.path().parent_path() / url.substr(0, url.find('#'))).lexically_normal();
      EXPECT_TRUE(fs::is_regular_file(target)) << entry.path() << " links to missing " << url;
      ++checked;
    }
  }
  EXPECT_GT(checked, 50u);
  EXPECT_NE(read(site / "index.html").find("href=\"levels/swe-3.html\""), std::string::npos);
  EXPECT_NE(read(site / "levels/swe-3.html").find("href=\"../index.html\""), std::string::npos);
  EXPECT_NE(read(site / "rung.css").find("@media print"), std::string::npos);
  EXPECT_NE(read(site / "levels/swe-2.html").find("href=\"../compare/swe-2--swe-3.html\""),
            std::string::npos);
  EXPECT_FALSE(fs::exists(site / "compare/swe-4--sre-1.html"));
  const std::string compare = read(site / "compare/swe-2--swe-3.html");
  EXPECT_NE(compare.find("<ins>"), std::string::npos);
  EXPECT_EQ(compare.find("<form"), std::string::npos) << "the compare form needs a server";
}

TEST_F(StaticSite, ReplacesASiteWrittenBeforeButNoOtherDirectory) {
  const fs::path site = root / "site";
  ASSERT_TRUE(write_static_site(web::testing::fixture_ladder(), site));
  std::ofstream(site / "levels" / "stale.html") << "old";
  ASSERT_TRUE(write_static_site(web::testing::fixture_ladder(), site));
  EXPECT_FALSE(fs::exists(site / "levels" / "stale.html"));

  const fs::path other = root / "documents";
  fs::create_directories(other);
  std::ofstream(other / "thesis.txt") << "keep me";
  auto refused = write_static_site(web::testing::fixture_ladder(), other);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "file.unwritable");
  EXPECT_NE(refused.error().message.find("holds other files than a Rung site"), std::string::npos);
  EXPECT_EQ(read(other / "thesis.txt"), "keep me");
  EXPECT_FALSE(fs::exists(other / "index.html"));
}

TEST_F(StaticSite, AnUnwritablePlaceLeavesNothingBehind) {
  const fs::path file = root / "a-file";
  std::ofstream(file) << "x";
  auto refused = write_static_site(web::testing::fixture_ladder(), file);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message,
            "cannot write '" + file.string() + "': it exists and is not a directory");
  auto missing = write_static_site(web::testing::fixture_ladder(), root / "no" / "such" / "parent");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "file.unwritable");
  std::set<std::string> left;
  for (const auto& entry : fs::directory_iterator(root)) {
    left.insert(entry.path().filename().string());
  }
  EXPECT_EQ(left, std::set<std::string>{"a-file"});
}

TEST_F(StaticSite, UsesTheServersTemplatesAndEscaping) {
  auto pages = Pages::load();
  ASSERT_TRUE(pages);
  const auto files = render_static_site(web::testing::fixture_ladder("hostile.yaml"), *pages);
  for (const SiteFile& file : files) {
    if (file.path.ends_with(".html")) {
      EXPECT_EQ(file.content.find("<script"), std::string::npos) << file.path;
      EXPECT_NE(file.content.find("<main id=\"main\""), std::string::npos) << file.path;
    }
  }
}

}  // namespace
}  // namespace rung::html
