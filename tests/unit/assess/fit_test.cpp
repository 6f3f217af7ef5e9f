// Level fit on hand-checked examples (the small ladder of assess_ladder.hpp and the built-in
// engineering ladder).
#include "rung/assess/fit.hpp"

#include <gtest/gtest.h>

#include "rung/builtin/builtin.hpp"

#include "assess_ladder.hpp"

namespace rung::assess {
namespace {

using Ids = std::vector<std::string>;

TEST(AssessFit, SortsEveryStatementIntoMetNotMetOrUnrated) {
  const model::Ladder ladder = testing::small_ladder();
  const Ratings ratings{{"t-1-alpha-1", "yes"},  {"t-1-alpha-2", "star"},
                        {"t-1-alpha-3", "part"}, {"t-1-alpha-4", "yes"},
                        {"t-1-beta-1", "no"},    {"t-2-alpha-1", "star"}};  // t-2: ignored
  auto result = fit(ladder, "t-1", ratings);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->level_id, "t-1");
  EXPECT_EQ(result->content_level_id, "t-1");
  ASSERT_EQ(result->areas.size(), 3U);

  const AreaFit& alpha = result->areas[0];
  EXPECT_EQ(alpha.area_id, "alpha");
  EXPECT_EQ(alpha.met, (Ids{"t-1-alpha-1", "t-1-alpha-2", "t-1-alpha-4"}));
  EXPECT_EQ(alpha.not_met, (Ids{"t-1-alpha-3"}));
  EXPECT_EQ(alpha.unrated, (Ids{"t-1-alpha-5"}));
  EXPECT_EQ(alpha.total(), 5U);
  EXPECT_EQ(alpha.rated(), 4U);
  EXPECT_DOUBLE_EQ(alpha.share_met(), 3.0 / 5.0);

  const AreaFit& beta = result->areas[1];  // one statement, rated below met_at
  EXPECT_EQ(beta.met, Ids{});
  EXPECT_EQ(beta.not_met, (Ids{"t-1-beta-1"}));
  EXPECT_EQ(beta.total(), 1U);
  EXPECT_DOUBLE_EQ(beta.share_met(), 0.0);

  const AreaFit& gamma = result->areas[2];  // nothing rated
  EXPECT_EQ(gamma.unrated, (Ids{"t-1-gamma-1", "t-1-gamma-2", "t-1-gamma-3", "t-1-gamma-4"}));
  EXPECT_EQ(gamma.rated(), 0U);

  // Overall: 3 met of 10 statements, 5 rated.
  EXPECT_EQ(result->met(), 3U);
  EXPECT_EQ(result->total(), 10U);
  EXPECT_EQ(result->rated(), 5U);
  EXPECT_DOUBLE_EQ(result->share_met(), 0.3);
}

TEST(AssessFit, WithNoRatingsEverythingIsUnrated) {
  const model::Ladder ladder = testing::small_ladder();
  auto result = fit(ladder, "t-1", Ratings{});
  ASSERT_TRUE(result);
  for (const AreaFit& area : result->areas) {
    EXPECT_EQ(area.unrated.size(), area.total()) << area.area_id;
    EXPECT_DOUBLE_EQ(area.share_met(), 0.0);
  }
  EXPECT_EQ(result->met(), 0U);
  EXPECT_EQ(result->rated(), 0U);
  EXPECT_EQ(result->total(), 10U);
}

TEST(AssessFit, EveryRatingAtTheTopMeetsEverything) {
  const model::Ladder& ladder = builtin::engineering_ladder();
  Ratings ratings;
  for (const model::AreaStatements& area : ladder.find_level("swe-3")->areas) {
    for (const model::Statement& statement : area.statements) {
      ratings[statement.id] = "role-model";
    }
  }
  auto result = fit(ladder, "swe-3", ratings);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->total(), 22U);  // 4 role + 5 domain + 9 delivery + 4 communication
  EXPECT_EQ(result->met(), 22U);
  EXPECT_DOUBLE_EQ(result->share_met(), 1.0);
}

TEST(AssessFit, ASharedLevelIsMeasuredOnTheStatementsItShares) {
  const model::Ladder& ladder = builtin::engineering_ladder();
  const Ratings ratings{{"mgr-3-role-1", "consistently"}, {"mgr-3-communication-2", "sometimes"}};
  auto result = fit(ladder, "mgr-4", ratings);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->level_id, "mgr-4");
  EXPECT_EQ(result->content_level_id, "mgr-3");
  // The manager track's own area order: role, leadership, communication (6 + 4 + 2).
  ASSERT_EQ(result->areas.size(), 3U);
  EXPECT_EQ(result->areas[0].area_id, "role");
  EXPECT_EQ(result->areas[1].area_id, "leadership");
  EXPECT_EQ(result->areas[2].area_id, "communication");
  EXPECT_EQ(result->total(), 12U);
  EXPECT_EQ(result->areas[0].met, (Ids{"mgr-3-role-1"}));
  EXPECT_EQ(result->areas[2].not_met, (Ids{"mgr-3-communication-2"}));
}

TEST(AssessFit, ALevelLackingAnAreaHasNoFigureForIt) {
  const model::Ladder ladder = testing::small_ladder();
  auto result = fit(ladder, "t-2", Ratings{{"t-1-gamma-1", "star"}});
  ASSERT_TRUE(result);
  ASSERT_EQ(result->areas.size(), 2U);
  EXPECT_EQ(result->areas[0].area_id, "alpha");
  EXPECT_EQ(result->areas[1].area_id, "beta");
  EXPECT_EQ(result->met(), 0U);
}

TEST(AssessFit, UnknownLevelIsAnError) {
  auto result = fit(testing::small_ladder(), "t-9", Ratings{});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "ladder.unknown-level");
  EXPECT_EQ(result.error().hint, "did you mean 't-1'?");
}

TEST(AssessPercentFloor, RoundsDownSoAShortfallNeverLooksLikeTheThreshold) {
  EXPECT_EQ(percent_floor(4, 5), 80);
  EXPECT_EQ(percent_floor(39, 49), 79);  // 79.59...%
  EXPECT_EQ(percent_floor(2, 3), 66);
  EXPECT_EQ(percent_floor(0, 7), 0);
  EXPECT_EQ(percent_floor(7, 7), 100);
  EXPECT_EQ(percent_floor(0, 0), 100);
}

}  // namespace
}  // namespace rung::assess
