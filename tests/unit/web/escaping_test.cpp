// Every page and API answer over a ladder whose every text is hostile markup
// (tests/fixtures/web/hostile.yaml) must carry that text escaped: no tag, attribute or script
// from the ladder may reach the browser as markup.
#include <gtest/gtest.h>

#include "web_support.hpp"

namespace rung::web {
namespace {

const std::vector<std::string> k_pages{"/", "/tracks/t", "/levels/t-1", "/levels/t-2",
                                       "/levels/x-9"};

TEST(Escaping, HostileLadderTextNeverBecomesMarkup) {
  auto app = testing::make_app("hostile.yaml");
  ASSERT_NE(app, nullptr);
  for (const std::string& target : k_pages) {
    const std::string page(testing::get(*app, target).payload());
    SCOPED_TRACE(target);
    EXPECT_EQ(page.find("<script"), std::string::npos);
    EXPECT_EQ(page.find("<img"), std::string::npos);
    EXPECT_EQ(page.find("<b>"), std::string::npos);
    EXPECT_EQ(page.find("<i>"), std::string::npos);
    EXPECT_EQ(page.find("\" onmouseover"), std::string::npos);
    EXPECT_EQ(page.find("' onfocus"), std::string::npos);
  }
  const std::string level(testing::get(*app, "/levels/t-1").payload());
  EXPECT_NE(
      level.find("You write &lt;/li&gt;&lt;script&gt;alert(&#39;statement&#39;)&lt;/script&gt; "
                 "&amp; ship it"),
      std::string::npos);
  EXPECT_NE(level.find("<h1>&lt;img src=x onerror=alert(1)&gt;</h1>"), std::string::npos);
  const std::string overview(testing::get(*app, "/").payload());
  EXPECT_NE(overview.find("<title>Overview · &lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; "
                          "&amp; Co</title>"),
            std::string::npos);
  EXPECT_NE(overview.find("Track &quot; onmouseover=&quot;alert(1)"), std::string::npos);
}

TEST(Escaping, JsonAnswersCarryTheTextVerbatim) {
  auto app = testing::make_app("hostile.yaml");
  ASSERT_NE(app, nullptr);
  const Json level = Json::parse(testing::get(*app, "/api/v1/levels/t-1").payload());
  EXPECT_EQ(level["title"], "<img src=x onerror=alert(1)>");
  EXPECT_EQ(testing::header(testing::get(*app, "/api/v1/levels/t-1"), "Content-Type"),
            "application/json");
}

}  // namespace
}  // namespace rung::web
