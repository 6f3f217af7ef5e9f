// Checking single ratings (check_rating) and reading ratings files (parse_ratings).
#include "rung/assess/ratings.hpp"

#include <gtest/gtest.h>

#include "rung/assess/ratings_text.hpp"
#include "rung/builtin/builtin.hpp"

#include "assess_ladder.hpp"

namespace rung::assess {
namespace {

const model::Ladder& engineering() {
  return builtin::engineering_ladder();
}

TEST(AssessCheckRating, AcceptsAStatementOfTheLevelRatedOnTheScale) {
  EXPECT_TRUE(check_rating(engineering(), "swe-2", "swe-2-role-1", "consistently"));
  EXPECT_TRUE(check_rating(engineering(), "swe-2", "swe-2-role-1", "not-yet"));
}

TEST(AssessCheckRating, ASharedLevelTakesTheStatementsOfTheLevelItShares) {
  // mgr-4 (VP Engineering) shares mgr-3's description and has no statements of its own.
  EXPECT_TRUE(check_rating(engineering(), "mgr-4", "mgr-3-role-1", "role-model"));
  EXPECT_TRUE(check_rating(engineering(), "mgr-3", "mgr-3-role-1", "role-model"));
}

TEST(AssessCheckRating, RejectsAStatementOfAnotherLevelAndNamesItsLevel) {
  auto checked = check_rating(engineering(), "swe-2", "swe-3-role-1", "consistently");
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().code, "assess.unknown-statement");
  EXPECT_EQ(checked.error().message,
            "statement 'swe-3-role-1' is not in level swe-2 (Software Engineer II)");
  EXPECT_EQ(checked.error().hint,
            "'swe-3-role-1' belongs to level swe-3 (Senior Software Engineer); rate it against "
            "that level");
}

TEST(AssessCheckRating, SuggestsACloseStatementIdOfTheLevel) {
  auto checked = check_rating(engineering(), "swe-2", "swe-2-rol-1", "consistently");
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().code, "assess.unknown-statement");
  EXPECT_EQ(checked.error().hint, "did you mean 'swe-2-role-1'?");
}

TEST(AssessCheckRating, SaysWhenALevelSharesAnothersStatements) {
  auto checked = check_rating(engineering(), "mgr-4", "mgr-2-role-1", "consistently");
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().message,
            "statement 'mgr-2-role-1' is not in level mgr-4 (VP Engineering), which uses the "
            "statements of mgr-3");
}

TEST(AssessCheckRating, RejectsARatingOffTheScaleListingTheScale) {
  auto checked = check_rating(engineering(), "swe-2", "swe-2-role-1", "consistantly");
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().code, "assess.bad-rating");
  EXPECT_EQ(checked.error().message,
            "'consistantly' is not on the rating scale; the scale is: not-yet, sometimes, "
            "consistently, role-model");
  EXPECT_EQ(checked.error().hint, "did you mean 'consistently'?");
}

TEST(AssessCheckRating, RejectsAnUnknownLevel) {
  auto checked = check_rating(engineering(), "swe-9", "swe-2-role-1", "consistently");
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().code, "ladder.unknown-level");
}

TEST(AssessIsMet, MeansAtOrAboveMetAt) {
  const model::Ladder ladder = testing::small_ladder();
  const Ratings ratings{{"t-1-alpha-1", "no"},
                        {"t-1-alpha-2", "part"},
                        {"t-1-alpha-3", "yes"},
                        {"t-1-alpha-4", "star"},
                        {"t-1-alpha-5", "off-scale"}};
  EXPECT_FALSE(is_met(ladder, ratings, "t-1-alpha-1"));
  EXPECT_FALSE(is_met(ladder, ratings, "t-1-alpha-2"));
  EXPECT_TRUE(is_met(ladder, ratings, "t-1-alpha-3"));
  EXPECT_TRUE(is_met(ladder, ratings, "t-1-alpha-4"));
  EXPECT_FALSE(is_met(ladder, ratings, "t-1-alpha-5"));
  EXPECT_FALSE(is_met(ladder, ratings, "t-1-beta-1"));  // unrated
}

TEST(AssessStatementIdsOf, FollowsShares) {
  const model::Ladder ladder = testing::small_ladder();
  const std::vector<std::string> expected{"t-2-alpha-1", "t-2-alpha-2", "t-2-beta-1", "t-2-beta-2",
                                          "t-2-beta-3"};
  EXPECT_EQ(statement_ids_of(ladder, *ladder.find_level("t-3")), expected);
}

TEST(AssessParseRatings, ReadsRatingsSkippingCommentsAndBlankLines) {
  const std::string text =
      "# Alex, self-assessment\n"
      "\n"
      "  swe-2-role-1 :  consistently  \n"
      "swe-3-role-2: sometimes\r\n";
  auto ratings = parse_ratings(text, "alex.txt", engineering());
  ASSERT_TRUE(ratings) << ratings.error().front().to_string();
  const Ratings expected{{"swe-2-role-1", "consistently"}, {"swe-3-role-2", "sometimes"}};
  EXPECT_EQ(*ratings, expected);
  EXPECT_EQ(parse_ratings(ratings_to_text(*ratings), "again.txt", engineering()), expected);
}

TEST(AssessParseRatings, ReportsEveryProblemAtItsLineAndColumn) {
  const std::string text =
      "swe-2-role-1: consistently\n"
      "no colon here\n"
      "swe-2-role-1: sometimes\n"
      "swe-2-rol-2: sometimes\n"
      "swe-2-role-3:   always\n"
      "swe-2-role-4:\n"
      "  : sometimes\n";
  auto ratings = parse_ratings(text, "alex.txt", engineering());
  ASSERT_FALSE(ratings);
  std::vector<std::string> found;
  for (const Error& error : ratings.error()) {
    found.push_back(error.to_string());
  }
  const std::vector<std::string> expected{
      "alex.txt:2:1: error[assess.bad-line]: no ':' between statement id and rating; expected "
      "'statement-id: rating'\n"
      "  hint: e.g. 'swe-2-role-1: consistently'; '#' starts a comment line",
      "alex.txt:3:1: error[assess.duplicate-rating]: statement 'swe-2-role-1' is rated twice\n"
      "  hint: it is first rated on line 1",
      "alex.txt:4:1: error[assess.unknown-statement]: no statement 'swe-2-rol-2' in the ladder\n"
      "  hint: did you mean 'swe-2-role-2'?",
      "alex.txt:5:17: error[assess.bad-rating]: 'always' is not on the rating scale; the scale "
      "is: not-yet, sometimes, consistently, role-model",
      "alex.txt:6:14: error[assess.bad-line]: no rating after ':'; expected 'statement-id: "
      "rating'\n"
      "  hint: e.g. 'swe-2-role-1: consistently'; '#' starts a comment line",
      "alex.txt:7:3: error[assess.bad-line]: no statement id before ':'; expected "
      "'statement-id: rating'\n"
      "  hint: e.g. 'swe-2-role-1: consistently'; '#' starts a comment line"};
  EXPECT_EQ(found, expected);
}

}  // namespace
// A file that is not a ratings file (found slow by the ratings_text fuzz target): every unknown
// line is still reported, but only the first 20 get a "did you mean".
TEST(ParseRatings, SuggestsForTheFirstTwentyUnknownStatementsOnly) {
  std::string text;
  for (int i = 0; i < 30; ++i) {
    // swe-2-role-2a, swe-2-role-2b, ...: each one or two letters from swe-2-role-2.
    std::string suffix(1, static_cast<char>('a' + i % 26));
    if (i >= 26) {
      suffix += 'a';
    }
    text += "swe-2-role-2" + suffix + ": sometimes\n";
  }
  auto ratings = parse_ratings(text, "wrong.txt", engineering());
  ASSERT_FALSE(ratings);
  std::size_t unknown = 0;
  std::size_t hinted = 0;
  for (const Error& error : ratings.error()) {
    if (error.code == "assess.unknown-statement") {
      ++unknown;
    }
    if (error.hint == "did you mean 'swe-2-role-2'?") {
      ++hinted;
    }
  }
  EXPECT_EQ(unknown, 30u);
  EXPECT_EQ(hinted, 20u);
}

}  // namespace rung::assess
