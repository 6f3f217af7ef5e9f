// The snapshot written at submit reads back to the same ladder (area order included), ratings
// and evidence; anything else is refused as "review.bad-snapshot".
#include "rung/review/snapshot.hpp"

#include <gtest/gtest.h>

#include "rung/builtin/builtin.hpp"

namespace rung::review {
namespace {

model::LadderData comparable(model::LadderData data) {
  model::strip_locations(data);
  data.source_file.clear();
  return data;
}

TEST(Snapshot, RoundTripsTheWholeLadderRatingsAndEvidence) {
  const auto& ladder = builtin::engineering_ladder();
  store::Assessment assessment;
  assessment.id = 7;
  assessment.level = "swe-2";
  const assess::Ratings ratings{{"swe-2-role-1", "consistently"}, {"swe-2-role-2", "sometimes"}};
  const std::vector<store::Evidence> evidence{
      {3, 7, "swe-2-role-1", "A \"quoted\" link https://x/y", "2026-10-01", 5}};
  const store::Snapshot snapshot{7, snapshot_json(ladder, assessment, ratings, evidence), 5};

  const auto frozen = read_snapshot(snapshot);
  ASSERT_TRUE(frozen) << frozen.error().to_string();
  EXPECT_EQ(comparable(frozen->ladder.data()), comparable(ladder.data()));
  EXPECT_EQ(frozen->level_id, "swe-2");
  EXPECT_EQ(frozen->ratings, ratings);
  EXPECT_EQ(frozen->evidence, evidence);
  EXPECT_EQ(frozen->ladder_digest.size(), std::string("fnv1a64:").size() + 16);
  // The same ladder gives the same digest; a changed one another.
  auto changed = ladder.data();
  changed.readiness.share_per_area = 0.9;
  const auto other =
      read_snapshot({7, snapshot_json(model::Ladder(changed), assessment, ratings, evidence), 5});
  EXPECT_EQ(read_snapshot(snapshot)->ladder_digest, frozen->ladder_digest);
  EXPECT_NE(other->ladder_digest, frozen->ladder_digest);
}

TEST(Snapshot, AnythingElseIsABadSnapshot) {
  for (const char* text : {"", "not json", "[]", R"({"schema":"other"})",
                           R"({"schema":"rung/assessment-snapshot/v1","ladder":{},)"
                           R"("ratings":{},"evidence":[],"assessment":{}})"}) {
    const auto read = read_snapshot({9, text, 0});
    ASSERT_FALSE(read) << text;
    EXPECT_EQ(read.error().code, "review.bad-snapshot") << text;
    EXPECT_NE(read.error().message.find("assessment 9"), std::string::npos);
  }
}

}  // namespace
}  // namespace rung::review
