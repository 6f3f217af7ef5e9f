// Readiness under the policy "at least share_per_area of every area met", on hand-checked
// examples: the boundary (4 of 5 at 80%), an area with one statement, a level lacking an area,
// a shared manager level, no ratings, every rating at the top; and next_level.
#include "rung/assess/readiness.hpp"

#include <gtest/gtest.h>

#include "rung/builtin/builtin.hpp"

#include "assess_ladder.hpp"

namespace rung::assess {
namespace {

using Ids = std::vector<std::string>;

Ratings rate_all(const model::Ladder& ladder, const std::string& level_id,
                 const std::string& scale_id) {
  Ratings ratings;
  for (const std::string& id : statement_ids_of(ladder, *ladder.find_level(level_id))) {
    ratings[id] = scale_id;
  }
  return ratings;
}

TEST(AssessRequiredMet, IsTheLeastWholeCountReachingTheShare) {
  EXPECT_EQ(required_met(5, 0.8), 4U);  // 4 / 5 = 80%: exactly at the threshold
  EXPECT_EQ(required_met(4, 0.8), 4U);  // 3 / 4 = 75% is short
  EXPECT_EQ(required_met(9, 0.8), 8U);  // 7.2 -> 8
  EXPECT_EQ(required_met(1, 0.8), 1U);  // an area with one statement needs it
  EXPECT_EQ(required_met(10, 0.7), 7U);
  EXPECT_EQ(required_met(3, 1.0), 3U);
  EXPECT_EQ(required_met(0, 0.8), 0U);
}

TEST(AssessRequiredMet, IsNotFooledByFloatingPointProducts) {
  // In doubles 0.28 * 25 is 7.000000000000001 and 0.14 * 50 likewise: a plain ceil would ask
  // for 8 statements where 7 are exactly the share.
  EXPECT_EQ(required_met(25, 0.28), 7U);
  EXPECT_EQ(required_met(50, 0.14), 7U);
  EXPECT_EQ(required_met(25, 0.56), 14U);
}

TEST(AssessReadiness, FourOfFiveIsReadyAtEightyPercentThreeOfFiveIsNot) {
  const model::Ladder ladder = testing::small_ladder();
  Ratings ratings = rate_all(ladder, "t-1", "yes");
  ratings["t-1-alpha-2"] = "part";  // alpha: 4 of 5 met -> ready
  auto ready = readiness(ladder, "t-1", ratings);
  ASSERT_TRUE(ready);
  EXPECT_TRUE(ready->ready);
  EXPECT_EQ(ready->areas[0].met, 4U);
  EXPECT_EQ(ready->areas[0].required, 4U);
  EXPECT_EQ(ready->areas[0].blocking, Ids{});

  ratings.erase("t-1-alpha-4");  // alpha: 3 of 5 met, t-1-alpha-4 now unrated
  auto short_by_one = readiness(ladder, "t-1", ratings);
  ASSERT_TRUE(short_by_one);
  EXPECT_FALSE(short_by_one->ready);
  const AreaReadiness& alpha = short_by_one->areas[0];
  EXPECT_FALSE(alpha.ready());
  EXPECT_EQ(alpha.missing(), 1U);
  // Rated below met_at and unrated alike block, in document order.
  EXPECT_EQ(alpha.blocking, (Ids{"t-1-alpha-2", "t-1-alpha-4"}));
  ASSERT_EQ(short_by_one->blocked_areas().size(), 1U);
  EXPECT_EQ(short_by_one->blocked_areas()[0]->area_id, "alpha");
}

TEST(AssessReadiness, AnAreaWithOneStatementNeedsThatStatement) {
  const model::Ladder ladder = testing::small_ladder();
  Ratings ratings = rate_all(ladder, "t-1", "star");
  ratings["t-1-beta-1"] = "part";
  auto result = readiness(ladder, "t-1", ratings);
  ASSERT_TRUE(result);
  EXPECT_FALSE(result->ready);
  const AreaReadiness& beta = result->areas[1];
  EXPECT_EQ(beta.area_id, "beta");
  EXPECT_EQ(beta.total, 1U);
  EXPECT_EQ(beta.required, 1U);
  EXPECT_EQ(beta.blocking, (Ids{"t-1-beta-1"}));
  EXPECT_TRUE(result->areas[0].ready());
  EXPECT_TRUE(result->areas[2].ready());
}

TEST(AssessReadiness, ALevelLackingAnAreaIsJudgedOnItsOwnAreasOnly) {
  // t-2 has no gamma: nothing rated in gamma can block or help it.
  const model::Ladder ladder = testing::small_ladder();
  Ratings ratings = rate_all(ladder, "t-2", "yes");
  ratings["t-1-gamma-1"] = "no";
  auto result = readiness(ladder, "t-2", ratings);
  ASSERT_TRUE(result);
  EXPECT_TRUE(result->ready);
  ASSERT_EQ(result->areas.size(), 2U);
  EXPECT_EQ(result->areas[1].area_id, "beta");
}

TEST(AssessReadiness, WithNoRatingsEveryStatementBlocks) {
  const model::Ladder ladder = testing::small_ladder();
  auto result = readiness(ladder, "t-2", Ratings{});
  ASSERT_TRUE(result);
  EXPECT_FALSE(result->ready);
  EXPECT_EQ(result->areas[0].blocking, (Ids{"t-2-alpha-1", "t-2-alpha-2"}));
  EXPECT_EQ(result->areas[1].blocking, (Ids{"t-2-beta-1", "t-2-beta-2", "t-2-beta-3"}));
  EXPECT_EQ(result->areas[1].required, 3U);  // 0.8 * 3 = 2.4 -> 3
}

TEST(AssessReadiness, EveryRatingAtTheTopIsReadyWithNoBlockers) {
  const model::Ladder ladder = testing::small_ladder();
  auto result = readiness(ladder, "t-1", rate_all(ladder, "t-1", "star"));
  ASSERT_TRUE(result);
  EXPECT_TRUE(result->ready);
  EXPECT_TRUE(result->blocked_areas().empty());
}

TEST(AssessReadiness, ASharedManagerLevelUsesTheSharedStatements) {
  // mgr-4 shares mgr-3: role 6 (needs 5), leadership 4 (needs 4), communication 2 (needs 2).
  const model::Ladder& ladder = builtin::engineering_ladder();
  Ratings ratings = rate_all(ladder, "mgr-3", "consistently");
  ratings["mgr-3-role-6"] = "sometimes";
  auto result = readiness(ladder, "mgr-4", ratings);
  ASSERT_TRUE(result);
  EXPECT_TRUE(result->ready);
  EXPECT_EQ(result->fit.content_level_id, "mgr-3");
  EXPECT_EQ(result->areas[0].met, 5U);
  EXPECT_EQ(result->areas[0].required, 5U);

  ratings["mgr-3-leadership-1"] = "sometimes";  // leadership 3 of 4: short
  auto blocked = readiness(ladder, "mgr-4", ratings);
  ASSERT_TRUE(blocked);
  EXPECT_FALSE(blocked->ready);
  EXPECT_EQ(blocked->areas[1].blocking, (Ids{"mgr-3-leadership-1"}));
}

TEST(AssessReadiness, TheBuiltInSre5HasARoleAreaOfOneStatementAndNoDelivery) {
  const model::Ladder& ladder = builtin::engineering_ladder();
  Ratings ratings = rate_all(ladder, "sre-5", "consistently");
  ratings["sre-5-domain-4"] = "sometimes";  // domain 3 of 4 = 75% < 80%
  auto result = readiness(ladder, "sre-5", ratings);
  ASSERT_TRUE(result);
  ASSERT_EQ(result->areas.size(), 2U);
  EXPECT_EQ(result->areas[0].total, 1U);
  EXPECT_TRUE(result->areas[0].ready());
  EXPECT_EQ(result->areas[1].required, 4U);
  EXPECT_EQ(result->areas[1].blocking, (Ids{"sre-5-domain-4"}));
  EXPECT_FALSE(result->ready);
}

TEST(AssessReadiness, AtALowerShareFewerStatementsAreNeeded) {
  const model::Ladder ladder = testing::small_ladder(0.6);
  Ratings ratings = rate_all(ladder, "t-1", "yes");
  ratings["t-1-alpha-1"] = "no";
  ratings["t-1-alpha-2"] = "no";  // alpha 3 of 5 = 60%: ready at 0.6
  auto result = readiness(ladder, "t-1", ratings);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->areas[0].required, 3U);
  EXPECT_TRUE(result->ready);
}

TEST(AssessReadiness, UnknownLevelIsAnError) {
  auto result = readiness(testing::small_ladder(), "t-7", Ratings{});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "ladder.unknown-level");
}

TEST(AssessNextLevel, IsTheNextInTheSameTrackAndNoneAtTheTop) {
  const model::Ladder& ladder = builtin::engineering_ladder();
  auto next = next_level(ladder, "swe-1");
  ASSERT_TRUE(next);
  ASSERT_NE(*next, nullptr);
  EXPECT_EQ((*next)->id, "swe-2");
  EXPECT_EQ((*next_level(ladder, "mgr-3"))->id, "mgr-4");
  EXPECT_EQ((*next_level(ladder, "sre-4"))->id, "sre-5");
  EXPECT_EQ(*next_level(ladder, "swe-4"), nullptr);
  EXPECT_EQ(*next_level(ladder, "mgr-4"), nullptr);
  EXPECT_EQ(next_level(ladder, "swe-0").error().code, "ladder.unknown-level");
}

}  // namespace
}  // namespace rung::assess
