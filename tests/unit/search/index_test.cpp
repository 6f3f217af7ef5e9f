#include "rung/search/index.hpp"

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rung/model/defaults.hpp"

#include "../support/document_ladder.hpp"

namespace rung::search {
namespace {

const Index& document_index() {
  static const Index index(test_data::document_ladder());
  return index;
}

std::vector<std::string> ids_of(const SearchResult& result) {
  std::vector<std::string> ids;
  for (const auto& hit : result.hits) {
    ids.push_back(hit.statement_id);
  }
  return ids;
}

std::vector<std::string> highlighted(const Hit& hit) {
  std::vector<std::string> words;
  for (const auto& h : hit.highlights) {
    words.push_back(hit.text.substr(h.begin, h.end - h.begin));
  }
  return words;
}

using Ids = std::vector<std::string>;

// Every statement of the document about mentoring, found by reading it:
//  - the five that name it: "You help mentor new hires." (swe-2), "both a mentor and a mentee"
//    (swe-2), "You make sure mentors have regular 1:1 with their mentees." (mgr-1), "You mentor
//    team leads ..." (mgr-2), "You actively participate in mentoring new and existing
//    engineers." (mgr-3, shared by mgr-4);
//  - three that describe it in other words: "You actively level up less-experienced members of
//    your team by helping them with their craft, providing guidance, and setting a good
//    example." (sre-3 and sre-4), "... seek opportunities to teach others about your domain."
//    (swe-4).
// Left out on purpose: statements about sharing knowledge or education in general ("You share
// your knowledge with your coworkers.", "You help educate the Engineering team as a whole"),
// and receiving guidance ("reach out to other engineers for help or guidance").
TEST(Search, MentorFindsEveryStatementAboutMentoring) {
  const auto result = document_index().search("mentor");
  EXPECT_EQ(ids_of(result),
            (Ids{"swe-2-role-3", "swe-2-communication-1", "mgr-2-role-4", "mgr-1-communication-2",
                 "mgr-3-leadership-2", "swe-4-domain-2", "sre-3-role-3", "sre-4-role-3"}));
  EXPECT_EQ(result.counts, (KindCounts{0, 3, 2, 3}));
  EXPECT_EQ(result.total, 8u);
  EXPECT_EQ(result.words, (std::vector<std::string>{"mentor"}));
}

TEST(Search, MatchedWordsAreHighlightedWhereTheyStand) {
  const auto result = document_index().search("mentor");
  ASSERT_EQ(result.hits.size(), 8u);
  EXPECT_EQ(result.hits[0].match, MatchKind::exact);
  EXPECT_EQ(highlighted(result.hits[0]), (std::vector<std::string>{"mentor"}));
  EXPECT_EQ(result.hits[3].match, MatchKind::stem);
  EXPECT_EQ(highlighted(result.hits[3]), (std::vector<std::string>{"mentors"}));
  EXPECT_EQ(result.hits[4].text.substr(result.hits[4].highlights[0].begin, 9), "mentoring");
  EXPECT_EQ(result.hits[6].match, MatchKind::related);
  EXPECT_EQ(highlighted(result.hits[6]), (std::vector<std::string>{"level up"}));
}

TEST(Search, HitsCarryTheirPlaceInTheLadder) {
  const auto result = document_index().search("mentoring");
  ASSERT_FALSE(result.hits.empty());
  const Hit& hit = result.hits.front();
  EXPECT_EQ(hit.statement_id, "mgr-3-leadership-2");
  EXPECT_EQ(hit.match, MatchKind::exact);
  EXPECT_EQ(hit.track_id, "mgr");
  EXPECT_EQ(hit.track_name, "Manager");
  EXPECT_EQ(hit.level_id, "mgr-3");
  EXPECT_EQ(hit.level_title, "Sr. Director of Engineering");
  EXPECT_EQ(hit.also_levels, (std::vector<std::string>{"mgr-4"}));
  EXPECT_EQ(hit.area_id, "leadership");
  EXPECT_EQ(hit.area_name, "Leadership / Management / Planning");
}

TEST(Search, APhraseRanksAboveTheSameWordsApart) {
  // "heart of the matter" appears in two statements word for word.
  const auto phrase = document_index().search("heart of the matter");
  EXPECT_EQ(ids_of(phrase), (Ids{"sre-3-delivery-1", "sre-4-delivery-1"}));
  EXPECT_EQ(phrase.hits[0].match, MatchKind::phrase);
  EXPECT_EQ(highlighted(phrase.hits[0]), (std::vector<std::string>{"heart of the matter"}));
  EXPECT_EQ(phrase.words, (std::vector<std::string>{"heart", "matter"}));

  // "team leads" as a phrase first; statements with "team" and "leads" apart come after.
  const auto leads = document_index().search("leads team");
  ASSERT_FALSE(leads.hits.empty());
  for (const auto& hit : leads.hits) {
    EXPECT_NE(hit.match, MatchKind::phrase);
  }
  const auto ordered = document_index().search("team leads");
  EXPECT_EQ(ordered.hits.front().match, MatchKind::phrase);
  EXPECT_EQ(ordered.total, leads.total);
}

TEST(Search, RanksPhraseThenExactThenStemThenRelated) {
  model::LadderData data = test_data::document_ladder_data();
  auto& statements = data.tracks[0].levels[0].areas[0].statements;
  statements = {{"s-1", "They coach alpha teams.", {}, {}},
                {"s-2", "Teams of alpha mentors.", {}, {}},
                {"s-3", "A mentor for teams, alpha.", {}, {}},
                {"s-4", "An alpha mentor teams up.", {}, {}}};
  const Index index{model::Ladder(std::move(data))};
  const auto result = index.search("alpha mentor");
  EXPECT_EQ(ids_of(result), (Ids{"s-4", "s-3", "s-2", "s-1"}));
  EXPECT_EQ(result.hits[0].match, MatchKind::phrase);
  EXPECT_EQ(result.hits[1].match, MatchKind::exact);
  EXPECT_EQ(result.hits[2].match, MatchKind::stem);
  EXPECT_EQ(result.hits[3].match, MatchKind::related);
}

TEST(Search, EveryWordMustMatch) {
  const auto result = document_index().search("mentor deploys");
  EXPECT_EQ(result.total, 0u);
  EXPECT_TRUE(result.suggestions.empty());
  const auto both = document_index().search("regular mentors");
  EXPECT_EQ(ids_of(both), (Ids{"mgr-1-communication-2"}));
}

TEST(Search, StopWordsAreIgnoredUnlessTheyAreAllThereIs) {
  const auto with = document_index().search("the mentor");
  EXPECT_EQ(with.words, (std::vector<std::string>{"mentor"}));
  EXPECT_EQ(with.total, 8u);
  const auto only = document_index().search("they");
  EXPECT_EQ(only.words, (std::vector<std::string>{"they"}));
  EXPECT_GE(only.total, 5u);
  for (const auto& hit : only.hits) {
    EXPECT_EQ(hit.match, MatchKind::exact);
    EXPECT_EQ(highlighted(hit).front(), hit.text.find("They") == 0 ? "They" : "they");
  }
}

TEST(Search, TypographicAndPlainApostrophesAreTheSame) {
  const auto curly = document_index().search("team’s");
  const auto plain = document_index().search("team's");
  EXPECT_EQ(ids_of(curly), ids_of(plain));
  EXPECT_EQ(curly.hits.front().match, MatchKind::exact);
  std::set<std::string> exact;
  for (const auto& hit : plain.hits) {
    if (hit.match == MatchKind::exact) {
      exact.insert(hit.statement_id);
    }
  }
  // "your team’s solutions" (swe-3) and "your team's best practices" (swe-1, sre-1), ...
  EXPECT_TRUE(exact.count("swe-3-delivery-6"));
  EXPECT_TRUE(exact.count("swe-1-delivery-7"));
}

TEST(Search, NoMatchSuggestsCloseWordsOfTheLadder) {
  const auto result = document_index().search("mentro");
  EXPECT_EQ(result.total, 0u);
  EXPECT_TRUE(result.hits.empty());
  EXPECT_EQ(result.suggestions, (std::vector<std::string>{"mentor"}));
  EXPECT_TRUE(document_index().search("zzzzqqq").suggestions.empty());
}

TEST(Search, AQueryWithoutWordsFindsNothing) {
  const auto result = document_index().search(" ... ;) ");
  EXPECT_TRUE(result.words.empty());
  EXPECT_EQ(result.total, 0u);
}

TEST(Search, LimitKeepsTheBestAndCountsAll) {
  const auto result = document_index().search("mentor", {.limit = 2});
  EXPECT_EQ(ids_of(result), (Ids{"swe-2-role-3", "swe-2-communication-1"}));
  EXPECT_EQ(result.total, 8u);
  EXPECT_EQ(result.counts.related, 3u);
}

TEST(Search, RelatedWordsCanBeTurnedOff) {
  const auto result = document_index().search("mentor", {.related = false});
  EXPECT_EQ(result.total, 5u);
  EXPECT_EQ(result.counts.related, 0u);
}

TEST(Search, HiringFindsInterviewsAndRecruitment) {
  const auto found = ids_of(document_index().search("hire"));
  const std::set<std::string> ids(found.begin(), found.end());
  for (const char* id : {"mgr-3-leadership-1", "mgr-2-leadership-1", "swe-2-communication-5",
                         "sre-3-domain-4", "sre-4-domain-3"}) {
    EXPECT_TRUE(ids.count(id)) << id;
  }
}

TEST(Search, TheIndexIsReusable) {
  const Index& index = document_index();
  EXPECT_EQ(index.statement_count(), 184u);
  EXPECT_EQ(ids_of(index.search("mentor")), ids_of(index.search("mentor")));
}

}  // namespace
}  // namespace rung::search
