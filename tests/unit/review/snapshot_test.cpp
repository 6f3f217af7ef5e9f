// The snapshot written at submit reads back, with the ladder version it names, to the same
// ladder (area order included), ratings and evidence; version-1 snapshots that carry their
// ladder still read; anything else is refused as "review.bad-snapshot".
#include "rung/review/snapshot.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "rung/builtin/builtin.hpp"
#include "rung/store/memory/store.hpp"

namespace rung::review {
namespace {

model::LadderData comparable(model::LadderData data) {
  model::strip_locations(data);
  data.source_file.clear();
  return data;
}

class Snapshot : public ::testing::Test {
 protected:
  // Stores `ladder` as a frozen ladder version, as submit does, and returns its digest.
  std::string store_version(const model::Ladder& ladder) {
    const auto version = ladder_version(ladder);
    EXPECT_TRUE(store->write([&](store::Writer& w) {
      return w.put_frozen_ladder({version.digest, version.json, 1});
    }));
    return version.digest;
  }

  const model::Ladder& ladder = builtin::engineering_ladder();
  std::unique_ptr<store::Store> store = store::memory::make_store();
  LadderVersions versions;
  store::Assessment assessment = [] {
    store::Assessment a;
    a.id = 7;
    a.level = "swe-2";
    return a;
  }();
  assess::Ratings ratings{{"swe-2-role-1", "consistently"}, {"swe-2-role-2", "sometimes"}};
  std::vector<store::Evidence> evidence{
      {3, 7, "swe-2-role-1", "A \"quoted\" link https://x/y", "2026-10-01", 5}};
};

TEST_F(Snapshot, RoundTripsTheWholeLadderRatingsAndEvidence) {
  const std::string digest = store_version(ladder);
  const store::Snapshot snapshot{7, snapshot_json(digest, assessment, ratings, evidence), 5};
  EXPECT_EQ(snapshot.content.find("\"ladder\":"), std::string::npos) << "the ladder is stored once";

  const auto frozen = read_snapshot(*store, snapshot, versions);
  ASSERT_TRUE(frozen) << frozen.error().to_string();
  EXPECT_EQ(comparable(frozen->ladder->data()), comparable(ladder.data()));
  EXPECT_EQ(frozen->level_id, "swe-2");
  EXPECT_EQ(frozen->ratings, ratings);
  EXPECT_EQ(frozen->evidence, evidence);
  EXPECT_EQ(frozen->ladder_digest, digest);
  EXPECT_EQ(digest.size(), std::string("fnv1a64:").size() + 16);
  // Parsed once per version: a second read shares the same ladder.
  EXPECT_EQ(read_snapshot(*store, snapshot, versions)->ladder, frozen->ladder);
  // The same ladder gives the same digest; a changed one another.
  auto changed = ladder.data();
  changed.readiness.share_per_area = 0.9;
  EXPECT_EQ(ladder_version(ladder).digest, digest);
  EXPECT_NE(ladder_version(model::Ladder(changed)).digest, digest);
}

TEST_F(Snapshot, AVersionOneSnapshotCarryingItsLadderStillReads) {
  // What schema 2 wrote: the whole ladder inside every snapshot (area order matters, so the
  // JSON keeps its key order).
  const auto version = ladder_version(ladder);
  nlohmann::ordered_json v1 =
      nlohmann::ordered_json::parse(snapshot_json(version.digest, assessment, ratings, evidence));
  v1["schema"] = "rung/assessment-snapshot/v1";
  v1["ladder"] = nlohmann::ordered_json::parse(version.json);
  const auto frozen = read_snapshot(*store, {7, v1.dump(), 5}, versions);
  ASSERT_TRUE(frozen) << frozen.error().to_string();
  EXPECT_EQ(comparable(frozen->ladder->data()), comparable(ladder.data()));
  EXPECT_EQ(frozen->ratings, ratings);
}

TEST_F(Snapshot, AMissingLadderVersionIsABadSnapshot) {
  const auto read = read_snapshot(
      *store, {7, snapshot_json("fnv1a64:0000000000000000", assessment, ratings, evidence), 5},
      versions);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, "review.bad-snapshot");
  EXPECT_NE(read.error().message.find("not in the store"), std::string::npos)
      << read.error().message;
}

TEST_F(Snapshot, AnythingElseIsABadSnapshot) {
  for (const char* text : {"", "not json", "[]", R"({"schema":"other"})",
                           R"({"schema":"rung/assessment-snapshot/v1","ladder":{},)"
                           R"("ratings":{},"evidence":[],"assessment":{}})",
                           R"({"schema":"rung/assessment-snapshot/v2","ladder_digest":"x",)"
                           R"("ratings":[],"evidence":[],"assessment":{}})"}) {
    const auto read = read_snapshot(*store, {9, text, 0}, versions);
    ASSERT_FALSE(read) << text;
    EXPECT_EQ(read.error().code, "review.bad-snapshot") << text;
    EXPECT_NE(read.error().message.find("assessment 9"), std::string::npos);
  }
}

}  // namespace
}  // namespace rung::review
