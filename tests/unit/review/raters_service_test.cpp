// review::Service::raters: the figures of raters.hpp over a cycle's submitted snapshots only
// (drafts, other cycles and assessments outside any cycle left out), positions from each
// snapshot's own ladder version, admins only. On both stores; the org of review_support.hpp
// (boss <- lead <- ann) and its small ladder (scale no 0 < part 1 < yes 2 < star 3).
#include <gtest/gtest.h>

#include "review_support.hpp"

namespace rung::review {
namespace {

using store::AuthorRole;
using testing::all_stores;
using testing::ReviewFixture;

using Ratings = std::vector<std::pair<std::string, std::string>>;

class RatersService : public ReviewFixture {
 protected:
  void SetUp() override {
    ReviewFixture::SetUp();
    cycle = open("2026 H2");
  }

  store::Id open(const std::string& name) {
    auto opened = service().open_cycle(
        admin, {0, name, "2026-07-01", "2026-12-31", {}, store::CycleStatus::open});
    EXPECT_TRUE(opened) << opened.error().to_string();
    return opened ? opened->id : 0;
  }

  // Ann's self-assessment, lead's and boss's manager assessments in the cycle; and what must
  // not count: boss's draft of ann, lead's assessment of ann outside any cycle and in another.
  void rate_the_cycle() {
    submitted(ann, ann, AuthorRole::self, {{"t-1-alpha-1", "yes"}, {"t-1-alpha-2", "part"}}, cycle);
    submitted(lead, ann, AuthorRole::manager,
              {{"t-1-alpha-1", "star"}, {"t-1-alpha-2", "part"}, {"t-1-beta-1", "no"}}, cycle);
    submitted(boss, lead, AuthorRole::manager, {{"t-1-alpha-1", "yes"}, {"t-1-gamma-1", "yes"}},
              cycle);
    rate(boss, draft_in(boss, ann, cycle), {{"t-1-alpha-1", "no"}});
    submitted(lead, ann, AuthorRole::manager, {{"t-1-alpha-1", "no"}}, std::nullopt);
    submitted(lead, ann, AuthorRole::manager, {{"t-1-alpha-1", "no"}}, open("2027 H1"));
  }

  store::Assessment draft_in(const auth::Viewer& author, const auth::Viewer& of, store::Id in) {
    auto a = service().start(author, StartRequest{id_of(of), AuthorRole::manager, "", in});
    EXPECT_TRUE(a) << a.error().to_string();
    return a ? a->assessment : store::Assessment{};
  }

  // The same cycle as plain ratings, worked out by hand from rate_the_cycle().
  std::vector<RaterRating> expected() const {
    const auto a = id_of(ann);
    const auto l = id_of(lead);
    const auto b = id_of(boss);
    return {{a, a, "t-1-alpha-1", RatingRole::self, 2},
            {a, a, "t-1-alpha-2", RatingRole::self, 1},
            {l, a, "t-1-alpha-1", RatingRole::manager, 3},
            {l, a, "t-1-alpha-2", RatingRole::manager, 1},
            {l, a, "t-1-beta-1", RatingRole::manager, 0},
            {b, l, "t-1-alpha-1", RatingRole::manager, 2},
            {b, l, "t-1-gamma-1", RatingRole::manager, 2}};
  }

  Options everyone_shown() {
    Options out = options();
    out.min_group_people = 1;
    return out;
  }

  store::Id cycle = 0;
};

TEST_P(RatersService, FiguresComeFromTheCyclesSubmittedSnapshotsOnly) {
  rate_the_cycle();
  Service shown(store(), ladder(), everyone_shown());
  const auto report = shown.raters(admin, cycle);
  ASSERT_TRUE(report) << report.error().to_string();
  RaterOptions options;
  options.min_people = 1;
  const auto by_hand = rater_statistics(expected(), 4, options).value();
  EXPECT_EQ(raters_json(*report), raters_json(by_hand));
  ASSERT_EQ(report->by_rater.size(), 2U);
  EXPECT_EQ(report->ratings, 5U) << "the draft and the other cycles are left out";
  const RaterStats& lead_stats =
      report->by_rater[0].rater == id_of(lead) ? report->by_rater[0] : report->by_rater[1];
  EXPECT_EQ(lead_stats.ratings, 3U);
  EXPECT_EQ(lead_stats.self_pairs, 2U);
  // Gap: (star 3 - yes 2) and (part 1 - part 1) over 2 pairs = 0.5.
  EXPECT_DOUBLE_EQ(*lead_stats.gap_self, 0.5);
  // Statement means a1 (3+2)/2, a2 1, b1 0, g1 2: lead's residuals 0.5 0 0 (mean 1/6), boss's
  // -0.5 0; sigma^2 = (1/6 + 1/8) / 3 = 7/72, tau^2 = (5/24 - 7/72) / (12/5) = 5/108,
  // k = 2.1, lead keeps 3 / 5.1 of 1/6.
  EXPECT_NEAR(*report->shrinkage.k, 2.1, 1e-9);
  EXPECT_NEAR(*lead_stats.leniency, (1.0 / 6) * 3 / 5.1, 1e-9);
}

TEST_P(RatersService, PositionsComeFromTheSnapshotsLadderVersion) {
  rate_the_cycle();
  const auto before = Service(store(), ladder(), everyone_shown()).raters(admin, cycle).value();
  // Today's ladder puts a new point below "no": every current position moves up by one, and the
  // scale has five points. The snapshots keep theirs.
  auto data = ladder().data();
  data.scale.insert(data.scale.begin(), model::ScalePoint{"none", "None", -1, "", {}});
  const model::Ladder changed(std::move(data));
  const auto after = Service(store(), changed, everyone_shown()).raters(admin, cycle).value();
  EXPECT_EQ(raters_json(after), raters_json(before));
  EXPECT_EQ(after.scale_size, 4U);
}

TEST_P(RatersService, ManagersOfFewerThanFourPeopleAreHiddenByDefault) {
  rate_the_cycle();
  const auto report = service().raters(admin, cycle).value();
  ASSERT_EQ(report.by_rater.size(), 2U);
  for (const RaterStats& s : report.by_rater) {
    EXPECT_TRUE(s.hidden);
    EXPECT_FALSE(s.spread);
  }
  EXPECT_EQ(report.options.min_people, 4U);
}

TEST_P(RatersService, AnEmptyCycleHasNoRaters) {
  const auto report = service().raters(admin, cycle).value();
  EXPECT_EQ(report.ratings, 0U);
  EXPECT_TRUE(report.by_rater.empty());
  EXPECT_EQ(report.scale_size, 4U) << "today's scale when nothing was submitted";
}

TEST_P(RatersService, OnlyAdminsSeeThemAndTheCycleMustExist) {
  rate_the_cycle();
  const auto before = state();
  for (const auth::Viewer* viewer : {&ann, &lead, &boss, &outsider}) {
    const auto refused = service().raters(*viewer, cycle);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "review.forbidden");
    EXPECT_EQ(refused.error().kind, ErrorKind::forbidden);
  }
  const auto unknown = service().raters(admin, 9999);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, "review.not-found");
  EXPECT_EQ(state(), before) << "reading changes nothing";
}

INSTANTIATE_TEST_SUITE_P(Review, RatersService, all_stores(), store::testing::implementation_name);

}  // namespace
}  // namespace rung::review
