// The growth plan: every statement of the target level not yet met, by area, with its rating.
#include "rung/assess/gaps.hpp"

#include <gtest/gtest.h>

#include "assess_ladder.hpp"

namespace rung::assess {
namespace {

TEST(AssessGaps, ListsEveryUnmetStatementInDocumentOrderWithItsRating) {
  const model::Ladder ladder = testing::small_ladder();
  const Ratings ratings{{"t-1-alpha-1", "yes"}, {"t-1-alpha-2", "part"}, {"t-1-alpha-3", "star"},
                        {"t-1-alpha-4", "yes"}, {"t-1-alpha-5", "no"},   {"t-1-beta-1", "yes"},
                        {"t-1-gamma-2", "part"}};
  auto plan = gaps(ladder, "t-1", ratings);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->target_level_id, "t-1");
  // alpha is 3 of 5 met; beta (fully met) has no gaps and is left out; gamma 0 of 4.
  ASSERT_EQ(plan->areas.size(), 2U);
  const AreaGaps& alpha = plan->areas[0];
  EXPECT_EQ(alpha.area_id, "alpha");
  EXPECT_EQ(alpha.met, 3U);
  EXPECT_EQ(alpha.total, 5U);
  ASSERT_EQ(alpha.gaps.size(), 2U);
  EXPECT_EQ(alpha.gaps[0].statement_id, "t-1-alpha-2");
  EXPECT_EQ(alpha.gaps[0].rating, "part");
  EXPECT_EQ(alpha.gaps[1].statement_id, "t-1-alpha-5");
  EXPECT_EQ(alpha.gaps[1].rating, "no");
  const AreaGaps& gamma = plan->areas[1];
  EXPECT_EQ(gamma.area_id, "gamma");
  ASSERT_EQ(gamma.gaps.size(), 4U);
  EXPECT_EQ(gamma.gaps[0].rating, "");  // unrated
  EXPECT_EQ(gamma.gaps[1].statement_id, "t-1-gamma-2");
  EXPECT_EQ(gamma.gaps[1].rating, "part");
  EXPECT_EQ(plan->gap_count(), 6U);
}

TEST(AssessGaps, AnAreaThatPassesReadinessStillListsItsGaps) {
  const model::Ladder ladder = testing::small_ladder();
  // alpha 4 of 5 meets the 80% policy, but the fifth statement is still a gap.
  const Ratings ratings{{"t-1-alpha-1", "yes"},
                        {"t-1-alpha-2", "yes"},
                        {"t-1-alpha-3", "yes"},
                        {"t-1-alpha-4", "yes"}};
  auto plan = gaps(ladder, "t-1", ratings);
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->areas[0].gaps.size(), 1U);
  EXPECT_EQ(plan->areas[0].gaps[0].statement_id, "t-1-alpha-5");
}

TEST(AssessGaps, ASharedLevelsPlanIsTheSharedStatements) {
  const model::Ladder ladder = testing::small_ladder();
  auto plan = gaps(ladder, "t-3", Ratings{{"t-2-alpha-1", "star"}});
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->target_level_id, "t-3");
  EXPECT_EQ(plan->gap_count(), 4U);  // 5 statements of t-2, one met
  EXPECT_EQ(plan->areas[0].gaps[0].statement_id, "t-2-alpha-2");
}

TEST(AssessGaps, EverythingMetLeavesAnEmptyPlan) {
  const model::Ladder ladder = testing::small_ladder();
  Ratings ratings;
  for (const char* id : {"t-2-alpha-1", "t-2-alpha-2", "t-2-beta-1", "t-2-beta-2", "t-2-beta-3"}) {
    ratings[id] = "star";
  }
  auto plan = gaps(ladder, "t-2", ratings);
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->areas.empty());
  EXPECT_EQ(plan->gap_count(), 0U);
}

TEST(AssessGaps, UnknownLevelIsAnError) {
  EXPECT_EQ(gaps(testing::small_ladder(), "x", Ratings{}).error().code, "ladder.unknown-level");
}

}  // namespace
}  // namespace rung::assess
