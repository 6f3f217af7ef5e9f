#include "rung/lint/title_phrases.hpp"

#include <gtest/gtest.h>

#include "ladder_builder.hpp"

namespace rung::lint {
namespace {

// Titles shaped like the built-in ladder's.
model::Ladder titled_ladder() {
  testing::LadderBuilder b;
  b.area("role", "Role");
  b.track("swe", "Software Engineer");
  b.level("swe-1", "Software Engineer I").detail_title("Software Engineer");
  b.level("swe-3", "Senior Software Engineer");
  b.level("swe-4", "Staff Software Engineer");
  b.track("mgr", "Software Engineering", model::Family::manager);
  b.level("mgr-1", "Engineering Team Lead");
  b.level("mgr-2", "Director of Engineering");
  b.level("mgr-3", "Sr. Director of Engineering")
      .detail_title("Sr. Director of Engineering / VP Engineering");
  b.level("mgr-4", "VP Engineering");
  return b.build();
}

std::vector<std::string> phrases(std::string_view text) {
  static const model::Ladder ladder = titled_ladder();
  static const TitleIndex index(ladder);
  std::vector<std::string> out;
  for (const auto& phrase : find_title_phrases(text, index)) {
    out.push_back(phrase.text);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(TitlePhrases, FindsRunsOfCapitalisedWordsEndingInARoleNoun) {
  EXPECT_EQ(phrases("You have the technical skills of a Senior Software Developer."),
            V{"Senior Software Developer"});
  EXPECT_EQ(phrases("You report to the Director of Engineering and the VP Engineering."),
            (V{"Director of Engineering", "VP Engineering"}));
  EXPECT_EQ(phrases("You work like a Sr. Director of Engineering."),
            V{"Sr. Director of Engineering"});
  EXPECT_EQ(phrases("You mentor every Software Engineer II on the team."),
            V{"Software Engineer II"});
}

TEST(TitlePhrases, IgnoresCommonNounsAndNamesThatAreNotJobs) {
  EXPECT_EQ(phrases("Engineers on your team ask you for help."), V{});
  EXPECT_EQ(phrases("You collaborate with Product and QA on releases."), V{});
  EXPECT_EQ(phrases("You work with the heads of Product Management, Sales, Marketing."), V{});
  EXPECT_EQ(phrases("You mentor team leads and identify developers."), V{});
  EXPECT_EQ(phrases("You focus on your craft as an SRE and help PMs."), V{});
}

TEST(TitlePhrases, DropsLeadingFunctionWordsAndSentenceStarts) {
  EXPECT_EQ(phrases("Your Staff Engineer reviews it."), V{"Staff Engineer"});
  EXPECT_EQ(phrases("Mentor Senior Engineers well."), V{"Senior Engineers"});
  EXPECT_EQ(phrases("Engineering Team Lead duties."), V{"Engineering Team Lead"});
}

TEST(TitleIndex, KnowsTitlesDetailTitlesTrackNamesAndTheirBaseForms) {
  const model::Ladder ladder = titled_ladder();
  const TitleIndex index(ladder);
  auto knows = [&](std::string_view text) {
    return index.knows(TitlePhrase{std::string(text), title_key(text)});
  };
  EXPECT_TRUE(knows("Senior Software Engineer"));
  EXPECT_TRUE(knows("Senior Software Engineers"));
  EXPECT_TRUE(knows("Software Engineer"));
  EXPECT_TRUE(knows("senior director of engineering"));
  EXPECT_TRUE(knows("VP Engineering"));
  EXPECT_FALSE(knows("Software Engineer V"));
  EXPECT_FALSE(knows("Senior Software Developer"));
}

TEST(TitleIndex, ClosestTitleSharesTheMostWords) {
  const model::Ladder ladder = titled_ladder();
  const TitleIndex index(ladder);
  auto closest = [&](std::string_view text) {
    return index.closest(TitlePhrase{std::string(text), title_key(text)}).value_or("-");
  };
  EXPECT_EQ(closest("Senior Software Developer"), "Senior Software Engineer");
  EXPECT_EQ(closest("Staff Software Developer"), "Staff Software Engineer");
  EXPECT_EQ(closest("Team Lead"), "Engineering Team Lead");
  EXPECT_EQ(closest("Chief Scientist"), "-");
}

TEST(LevelNumbers, AreFoundAfterTheWordLevel) {
  EXPECT_EQ(find_level_numbers("You perform at Level 5 or level 3."), (std::vector<int>{5, 3}));
  EXPECT_EQ(find_level_numbers("You work at the right level of detail."), std::vector<int>{});
}

TEST(LevelNumbers, TakeTheFirstNumberOfARange) {
  EXPECT_EQ(find_level_numbers("Engineers at level 5-6 or level 7.2, not level 5g."),
            (std::vector<int>{5, 7}));
}

}  // namespace
}  // namespace rung::lint
