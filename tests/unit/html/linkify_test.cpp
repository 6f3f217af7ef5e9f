// Evidence addresses become links, and nothing else does.
#include "rung/html/linkify.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "../web/people_world.hpp"

namespace rung::html {
namespace {

// "text|<url>|text" for a compact comparison.
std::string shape(const Json& segments) {
  std::string out;
  for (const Json& segment : segments) {
    out += out.empty() ? "" : "|";
    out += segment["url"].is_string() ? "<" + segment["url"].get<std::string>() + ">"
                                      : segment["text"].get<std::string>();
  }
  return out;
}

TEST(LinkSegments, SplitsTextAroundHttpAddresses) {
  EXPECT_EQ(shape(link_segments("")), "");
  EXPECT_EQ(shape(link_segments("no address here")), "no address here");
  EXPECT_EQ(shape(link_segments("see https://x.example/a?b=1&c=2 and http://y.example")),
            "see |<https://x.example/a?b=1&c=2>| and |<http://y.example>");
  // Sentence punctuation after an address is not part of it; brackets it opens are.
  EXPECT_EQ(shape(link_segments("Done (https://x.example/p).")), "Done (|<https://x.example/p>|).");
  EXPECT_EQ(shape(link_segments("https://en.example/wiki/A_(b), ok")),
            "<https://en.example/wiki/A_(b)>|, ok");
  EXPECT_EQ(shape(link_segments("\"https://x.example/q\"")), "\"|<https://x.example/q>|\"");
}

TEST(LinkSegments, OnlyHttpAndHttpsWithAHostAreLinks) {
  for (const char* text : {"javascript:alert(1)", "data:text/html,x", "https://", "http:// x",
                           "ftp://x.example", "mailto:a@example.com"}) {
    EXPECT_EQ(shape(link_segments(text)), text) << text;
  }
}

TEST(LinkSegments, EvidenceOnTheAssessmentPageIsEscapedTextWithLinks) {
  web::testing::PeopleWorld world;
  const web::testing::Session ed = world.sign_in("ed@example.com");
  const std::string page = fmt::format("/people/{}/assessments/{}", world.ed, world.ed_draft);
  const web::Response added =
      world.post(page + "/evidence", &ed,
                 {{"version", "1"},
                  {"statement", "swe-2-role-1"},
                  {"text", "Shipped <b>it</b>: https://x.example/pr?a=1&b=2\"onmouseover=x."},
                  {"date", ""}});
  ASSERT_EQ(added.status, 303) << added.body;
  const web::Response shown = world.get(page, &ed);
  ASSERT_EQ(shown.status, 200);
  const std::string html(shown.payload());
  EXPECT_NE(
      html.find("Shipped &lt;b&gt;it&lt;/b&gt;: <a href=\"https://x.example/pr?a=1&amp;b=2&quot;"
                "onmouseover=x\" rel=\"nofollow noopener noreferrer\">"),
      std::string::npos)
      << html;
  EXPECT_EQ(html.find("<b>it</b>"), std::string::npos);
}

}  // namespace
}  // namespace rung::html
