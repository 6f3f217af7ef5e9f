#include "rung/search/report.hpp"

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rung::search {
namespace {

// A result written out by hand, so that these tests check rendering only.
SearchResult sample() {
  SearchResult result;
  result.query = "mentor";
  result.words = {"mentor"};
  Hit exact{MatchKind::exact,
            "swe-2-role-3",
            "You help mentor new hires.",
            "swe",
            "Software Engineer",
            "swe-2",
            "Software Engineer II",
            {},
            "role",
            "Role Highlights",
            {{9, 15}}};
  Hit stem{MatchKind::stem,
           "mgr-3-leadership-2",
           "You actively participate in mentoring new and existing engineers.",
           "mgr",
           "Manager",
           "mgr-3",
           "Sr. Director of Engineering",
           {"mgr-4"},
           "leadership",
           "Leadership",
           {{28, 37}}};
  result.hits = {exact, stem};
  result.total = 3;
  result.counts = {0, 1, 2, 0};
  return result;
}

TEST(SearchSegments, CutTheTextAtTheHighlights) {
  const auto pieces = segments(sample().hits[0]);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0], (std::pair<std::string, bool>{"You help ", false}));
  EXPECT_EQ(pieces[1], (std::pair<std::string, bool>{"mentor", true}));
  EXPECT_EQ(pieces[2], (std::pair<std::string, bool>{" new hires.", false}));
}

TEST(SearchRenderText, GroupsHitsByHowTheyMatched) {
  EXPECT_EQ(render_text(sample()),
            "3 statements match \"mentor\": 1 with the exact words, 2 with other word forms "
            "(showing the first 2)\n"
            "\n"
            "Exact words\n"
            "  Software Engineer > swe-2 Software Engineer II > Role Highlights [swe-2-role-3]\n"
            "    You help mentor new hires.\n"
            "\n"
            "Other forms of the words\n"
            "  Manager > mgr-3 Sr. Director of Engineering (also mgr-4) > Leadership "
            "[mgr-3-leadership-2]\n"
            "    You actively participate in mentoring new and existing engineers.\n");
}

TEST(SearchRenderText, HighlightsMatchesInColour) {
  const std::string text = render_text(sample(), {.color = true});
  EXPECT_NE(text.find("You help \x1b[1;33mmentor\x1b[0m new hires."), std::string::npos);
  EXPECT_NE(text.find("in \x1b[1;33mmentoring\x1b[0m new"), std::string::npos);
}

TEST(SearchRenderText, SaysSoWhenNothingMatches) {
  SearchResult none;
  none.query = "mentro";
  none.words = {"mentro"};
  none.suggestions = {"mentor"};
  EXPECT_EQ(render_text(none), "No statement matches \"mentro\". Did you mean: mentor?\n");
  none.words = {"mentor", "deploys"};
  none.suggestions.clear();
  EXPECT_EQ(render_text(none), "No statement has all of: mentor, deploys. Try fewer words.\n");
  SearchResult empty;
  empty.query = "...";
  EXPECT_EQ(render_text(empty), "Nothing to search for in \"...\": give a word.\n");
}

TEST(SearchRenderJson, CarriesHitsWithSegments) {
  const auto json = nlohmann::json::parse(render_json(sample()));
  EXPECT_EQ(json["query"], "mentor");
  EXPECT_EQ(json["total"], 3);
  EXPECT_EQ(json["counts"]["stem"], 2);
  ASSERT_EQ(json["hits"].size(), 2u);
  const auto& hit = json["hits"][1];
  EXPECT_EQ(hit["match"], "stem");
  EXPECT_EQ(hit["statement"]["id"], "mgr-3-leadership-2");
  EXPECT_EQ(hit["level"]["title"], "Sr. Director of Engineering");
  EXPECT_EQ(hit["also_levels"], nlohmann::json::array({"mgr-4"}));
  EXPECT_EQ(hit["area"]["name"], "Leadership");
  EXPECT_EQ(hit["track"]["id"], "mgr");
  EXPECT_EQ(hit["segments"][1], (nlohmann::json{{"text", "mentoring"}, {"match", true}}));
  EXPECT_TRUE(json["suggestions"].empty());
}

}  // namespace
}  // namespace rung::search
