// The compare, search and lint pages and their API, over the fixture ladder.
#include <gtest/gtest.h>

#include "rung/compare/compare.hpp"
#include "rung/compare/report.hpp"
#include "rung/lint/lint.hpp"
#include "rung/lint/render.hpp"

#include "web_support.hpp"

namespace rung::web {
namespace {

using testing::get;

class ToolPages : public ::testing::Test {
 protected:
  std::unique_ptr<App> app = testing::make_app();

  std::string page(const std::string& target, int status = 200) {
    Response response = get(*app, target);
    EXPECT_EQ(response.status, status) << target;
    return std::string(response.payload());
  }
};

TEST_F(ToolPages, CompareShowsTheDiffSideBySideWithChangedWordsMarked) {
  const std::string html = page("/compare?a=swe-2&b=swe-3");
  EXPECT_NE(html.find("<h1><a href=\"/levels/swe-2\">Software Engineer II</a>"), std::string::npos);
  EXPECT_NE(html.find("<del>"), std::string::npos);
  EXPECT_NE(html.find("<ins>"), std::string::npos);
  EXPECT_NE(html.find("badge-new_at_b"), std::string::npos);
  EXPECT_NE(html.find("<option value=\"swe-2\" selected>"), std::string::npos);
  EXPECT_NE(html.find("<option value=\"swe-3\" selected>"), std::string::npos);
  const std::string same = page("/compare?a=swe-1&b=swe-2");
  EXPECT_NE(same.find("<tr class=\"change-unchanged\">"), std::string::npos);
  EXPECT_EQ(page("/compare?a=swe-2"), page("/compare?a=swe-2&b=swe-3"));
  EXPECT_NE(page("/compare?a=swe-3&b=mgr-1")
                .find("Across tracks, Software Engineer to Software "
                      "Engineering Manager"),
            std::string::npos);
}

TEST_F(ToolPages, CompareGoingUpLeadsWithWhatIsNewAndExplainsWhatIsNotRestated) {
  const std::string html = page("/compare?a=swe-2&b=swe-3");
  const auto area = html.find("<h2 id=\"diff-");
  ASSERT_NE(area, std::string::npos);
  EXPECT_LT(html.find("badge-new_at_b", area), html.find("badge-reworded", area));
  EXPECT_EQ(html.find("Dropped"), std::string::npos);
  EXPECT_EQ(html.find("badge-only_at_a"), std::string::npos);
  EXPECT_NE(html.find("<details class=\"card not-restated\">"), std::string::npos);
  EXPECT_NE(html.find("not restated at Senior Software Engineer</summary>"), std::string::npos);
  EXPECT_NE(html.find("The ladder is cumulative"), std::string::npos);
  const auto details = html.find("<details class=\"card not-restated\">");
  EXPECT_NE(html.find("<li>You ", details), std::string::npos) << "the statements are listed";
  EXPECT_NE(html.find("<span class=\"closeness\">"), std::string::npos);
  EXPECT_EQ(html.find("%</span>"), std::string::npos);
  // Level A's side keeps A's punctuation, not B's: no "manageable ones,." once B's added
  // words are left out.
  EXPECT_EQ(html.find("ones,."), std::string::npos);
  EXPECT_NE(html.find("<del>are learning to</del> break down <del>large</del> problems into "
                      "smaller, more manageable ones.</td>"),
            std::string::npos);
  const std::string down = page("/compare?a=swe-3&b=swe-2");
  EXPECT_EQ(down.find("The ladder is cumulative"), std::string::npos);
  EXPECT_NE(down.find("statements only at Senior Software Engineer</summary>"), std::string::npos);
}

TEST_F(ToolPages, CompareWithoutLevelsShowsTheFormAndBadLevelsGet400) {
  const std::string form = page("/compare");
  EXPECT_NE(form.find("<select id=\"compare-a\" name=\"a\">"), std::string::npos);
  EXPECT_NE(form.find("href=\"/compare?a=swe-1&amp;b=swe-2\""), std::string::npos);
  EXPECT_NE(
      page("/compare?a=swe-9&b=swe-3", 400).find("no level &#39;swe-9&#39;; levels are: swe-1"),
      std::string::npos);
  EXPECT_NE(page("/compare?b=swe-3", 400).find("the query parameter &#39;a&#39; is missing"),
            std::string::npos);
  EXPECT_NE(page("/compare?a=swe-4", 400).find("swe-4"), std::string::npos);
  const Json api = Json::parse(page("/api/v1/compare?a=swe-2&b=swe-99", 400));
  EXPECT_EQ(api["error"]["code"], "bad-query");
}

TEST_F(ToolPages, CompareApiAnswersWhatRungCompareFormatJsonPrints) {
  const compare::Similarity similarity(app->ladder());
  auto expected = compare::compare_levels(app->ladder(), similarity, "swe-2", "swe-3");
  ASSERT_TRUE(expected);
  EXPECT_EQ(Json::parse(page("/api/v1/compare?a=swe-2&b=swe-3")),
            Json::parse(compare::render_json(*expected)));
}

TEST_F(ToolPages, SearchHighlightsMatchesAndLinksToTheStatement) {
  const std::string html = page("/search?q=mentor");
  EXPECT_NE(html.find("You help <mark>mentor</mark> new hires."), std::string::npos);
  EXPECT_NE(html.find("href=\"/levels/swe-2#swe-2-role-2\""), std::string::npos);
  EXPECT_NE(html.find("value=\"mentor\""), std::string::npos);
  const std::string typo = page("/search?q=mentro");
  EXPECT_NE(typo.find("Did you mean <a href=\"/search?q=mentor\">mentor</a>"), std::string::npos);
  EXPECT_NE(page("/search").find("<input id=\"search-q\" name=\"q\" type=\"search\" value=\"\">"),
            std::string::npos);
  EXPECT_NE(page("/search?q=" + std::string(300, 'a'), 400).find("at most 200 are accepted"),
            std::string::npos);
  EXPECT_NE(page("/search?q=%3Cscript%3E").find("value=\"&lt;script&gt;\""), std::string::npos);
}

TEST_F(ToolPages, SearchApiNeedsWordsAndReturnsRankedHits) {
  EXPECT_EQ(Json::parse(page("/api/v1/search", 400))["error"]["code"], "bad-query");
  EXPECT_EQ(get(*app, "/api/v1/search?q=").status, 400);
  const Json result = Json::parse(page("/api/v1/search?q=mentor"));
  EXPECT_EQ(result["query"], "mentor");
  EXPECT_GE(result["total"].get<int>(), 3);
  EXPECT_EQ(result["hits"][0]["statement"]["id"], "swe-2-role-2");
}

TEST_F(ToolPages, LintListsTheFindingsOfTheLadder) {
  const Json expected = Json::parse(lint::to_json(lint::lint(app->ladder())));
  EXPECT_EQ(Json::parse(page("/api/v1/lint")), expected);
  const std::string html = page("/lint");
  for (const Json& finding : expected["diagnostics"]) {
    EXPECT_NE(html.find("<code>" + finding["code"].get<std::string>() + "</code>"),
              std::string::npos);
  }
  EXPECT_NE(
      html.find(std::to_string(expected["summary"]["warnings"].get<int>()) + "</strong> warnings"),
      std::string::npos);
}

}  // namespace
}  // namespace rung::web
