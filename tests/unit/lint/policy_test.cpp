// L013 grade-order, L014 scale-readiness (L015 is in lint_test.cpp).
#include <limits>

#include <gtest/gtest.h>

#include "ladder_builder.hpp"

namespace rung::lint {
namespace {

using testing::clean_ladder;
using testing::findings;

TEST(GradeOrder, ReportsAGradeBelowTheLevelBelow) {
  auto b = clean_ladder();
  b.level_ref("swe-3").grade = "1";
  auto found = findings(b.build(), "L013");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].element, "swe-3");
  EXPECT_EQ(found[0].message,
            "Senior Software Engineer (swe-3) has grade 1, lower than grade 2 of the level below, "
            "Software Engineer II (swe-2)");
}

TEST(GradeOrder, EqualGradesAndUnmappedLevelsAreFine) {
  auto b = clean_ladder();
  b.level_ref("swe-3").grade = "2";
  b.level_ref("swe-1").grade = "";
  EXPECT_TRUE(findings(b.build(), "L013").empty());
}

TEST(ScaleReadiness, MetAtTheLowestPointMakesReadinessTrivial) {
  auto b = clean_ladder();
  b.data().readiness.met_at = "not-yet";
  b.data().readiness.loc = {40, 1};
  auto found = findings(b.build(), "L014");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].loc, (model::SourceLoc{40, 1}));
  EXPECT_EQ(found[0].message,
            "readiness.met_at 'not-yet' is the lowest point of the rating scale: every statement "
            "counts as met, so everyone is ready for every level");
  EXPECT_EQ(found[0].hint, "set met_at to a higher point, e.g. 'sometimes'");
}

TEST(ScaleReadiness, ShareOutsideZeroToOneIsTrivialOrImpossible) {
  for (double share : {0.0, -1.0, 1.5, std::numeric_limits<double>::quiet_NaN()}) {
    auto b = clean_ladder();
    b.data().readiness.share_per_area = share;
    EXPECT_EQ(findings(b.build(), "L014").size(), 1u) << share;
  }
  auto b = clean_ladder();
  b.data().readiness.share_per_area = 1.0;
  EXPECT_TRUE(findings(b.build(), "L014").empty());
}

TEST(ScaleReadiness, AScaleNeedsTwoIncreasingPoints) {
  auto b = clean_ladder();
  b.data().scale.resize(1);
  b.data().readiness.met_at = b.data().scale[0].id;
  auto found = findings(b.build(), "L014");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("has 1 point;"), std::string::npos);
  auto flat = clean_ladder();
  flat.data().scale[2].score = flat.data().scale[1].score;
  EXPECT_EQ(findings(flat.build(), "L014").size(), 1u);
}

TEST(ScaleReadiness, MetAtOffTheScaleIsReported) {
  auto b = clean_ladder();
  b.data().readiness.met_at = "always";
  auto found = findings(b.build(), "L014");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].hint, "use one of: not-yet, sometimes, consistently, role-model");
}

}  // namespace
}  // namespace rung::lint
