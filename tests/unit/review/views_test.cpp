// Side by side, fit and readiness from snapshots (unchanged by a later ladder edit), progress
// over cycles, and the rules of cycles. Figures are checked by hand against the small ladder
// (review_support.hpp): t-1 has alpha 5, beta 1, gamma 4 statements; met at "yes"; 80%.
#include <algorithm>

#include <gtest/gtest.h>

#include "review_support.hpp"

namespace rung::review {
namespace {

using store::AuthorRole;
using testing::all_stores;
using testing::ReviewFixture;

class Views : public ReviewFixture {
 protected:
  static std::vector<std::pair<std::string, std::string>> ready_for_t1() {
    // alpha 4 of 5 met (needs 4), beta 1 of 1, gamma 4 of 4: ready.
    return {{"t-1-alpha-1", "yes"}, {"t-1-alpha-2", "star"}, {"t-1-alpha-3", "yes"},
            {"t-1-alpha-4", "yes"}, {"t-1-alpha-5", "no"},   {"t-1-beta-1", "star"},
            {"t-1-gamma-1", "yes"}, {"t-1-gamma-2", "yes"},  {"t-1-gamma-3", "yes"},
            {"t-1-gamma-4", "yes"}};
  }
};

// One rule for every list: submitted ones, the viewer's own drafts, every draft for admins.
TEST_P(Views, AssessmentsListWhatTheViewerMayRead) {
  const auto done = submitted(lead, ann, AuthorRole::manager, {{"t-1-alpha-1", "yes"}});
  const auto own = draft(ann, ann, AuthorRole::self);
  const auto leads = draft(lead, ann, AuthorRole::manager);
  const auto ids = [&](const auth::Viewer& viewer) {
    std::vector<store::Id> out;
    const auto listed = service().assessments(viewer, id_of(ann));
    for (const auto& a : listed.value()) {
      out.push_back(a.id);
    }
    return out;
  };
  EXPECT_EQ(ids(ann), (std::vector<store::Id>{done.id, own.id}));
  EXPECT_EQ(ids(lead), (std::vector<store::Id>{done.id, leads.id}));
  EXPECT_EQ(ids(boss), (std::vector<store::Id>{done.id}));
  EXPECT_EQ(ids(admin), (std::vector<store::Id>{done.id, own.id, leads.id}));
  EXPECT_EQ(service().assessments(outsider, id_of(ann)).error().code, "review.forbidden");
  EXPECT_EQ(service().assessments(ann, 9999).error().code, "review.not-found");
  // Every list agrees with reading one by its id.
  for (const auth::Viewer* viewer : {&ann, &lead, &boss, &admin}) {
    for (const auto id : {own.id, leads.id, done.id}) {
      const auto listed = ids(*viewer);
      EXPECT_EQ(service().read(*viewer, id).has_value(),
                std::find(listed.begin(), listed.end(), id) != listed.end());
    }
  }
}

TEST_P(Views, EvidenceOfFollowsTheSameRule) {
  const auto own = draft(ann, ann, AuthorRole::self);
  ASSERT_TRUE(service().add_evidence(ann, own.id, own.version, "t-1-alpha-1", "a note", ""));
  EXPECT_EQ(service().evidence_of(ann, id_of(ann)).value().size(), 1U);
  EXPECT_EQ(service().evidence_of(admin, id_of(ann)).value().size(), 1U);
  EXPECT_TRUE(service().evidence_of(lead, id_of(ann)).value().empty());
}

TEST_P(Views, OutcomeIsComputedFromTheSnapshot) {
  const auto a = submitted(ann, ann, AuthorRole::self, ready_for_t1());
  const auto outcome = service().outcome(ann, a.id).value();
  EXPECT_EQ(outcome.level_id, "t-1");
  EXPECT_EQ(outcome.fit.met(), 9U);
  EXPECT_EQ(outcome.fit.total(), 10U);
  ASSERT_EQ(outcome.fit.areas.size(), 3U);
  EXPECT_EQ(outcome.fit.areas[0].not_met, (std::vector<std::string>{"t-1-alpha-5"}));
  EXPECT_TRUE(outcome.readiness.ready);
  EXPECT_EQ(outcome.ladder_digest.rfind("fnv1a64:", 0), 0U);

  const auto draft_only = draft(ann, ann, AuthorRole::self);
  EXPECT_EQ(service().outcome(ann, draft_only.id).error().code, "review.not-submitted");
}

TEST_P(Views, ALaterLadderEditDoesNotChangeHistory) {
  const auto a = submitted(ann, ann, AuthorRole::self, ready_for_t1());
  const auto before = service().outcome(ann, a.id).value();
  const auto snapshot_before = store().snapshot(a.id).value();

  // The ladder changes: a statement reworded and one added to alpha, "star" is the new bar,
  // and every area needs 100%.
  auto data = ladder().data();
  data.readiness = {"star", 1.0, {}};
  auto& alpha = data.tracks[0].levels[0].areas[0];
  alpha.statements[0].text = "Reworded";
  alpha.statements.push_back(model::Statement{"t-1-alpha-6", "New", {}, {}});
  const model::Ladder changed(std::move(data));
  Service later(store(), changed, options());

  const auto after = later.outcome(ann, a.id).value();
  EXPECT_EQ(after.fit.met(), before.fit.met());
  EXPECT_EQ(after.fit.total(), 10U);
  EXPECT_EQ(after.readiness.ready, before.readiness.ready);
  EXPECT_EQ(after.ladder_digest, before.ladder_digest);
  EXPECT_EQ(store().snapshot(a.id).value(), snapshot_before);
  // The same ratings against the changed ladder would not be ready: history did not move.
  const auto now = assess::readiness(changed, "t-1", service().read(ann, a.id)->ratings).value();
  EXPECT_FALSE(now.ready);
}

TEST_P(Views, SideBySideFlagsTwoStepsOrAcrossMeetsAndSharesTheSummaryOnlyOnceBothSubmit) {
  submitted(ann, ann, AuthorRole::self,
            {{"t-1-alpha-1", "no"}, {"t-1-alpha-2", "yes"}, {"t-1-beta-1", "star"}});
  auto manager = draft(lead, ann, AuthorRole::manager);
  const auto version =
      rate(lead, manager, {{"t-1-alpha-1", "yes"}, {"t-1-alpha-2", "part"}, {"t-1-beta-1", "no"}});

  // The lead sees their own draft beside ann's submitted self-assessment; no summary yet.
  const auto lead_view = service().side_by_side(lead, id_of(ann), "").value();
  ASSERT_TRUE(lead_view.manager);
  EXPECT_EQ(lead_view.manager->status, store::AssessmentStatus::draft);
  EXPECT_FALSE(lead_view.summary);
  ASSERT_EQ(lead_view.rows.size(), 10U);
  EXPECT_EQ(lead_view.rows[0].statement_id, "t-1-alpha-1");
  EXPECT_EQ(lead_view.rows[0].divergence, 2U);  // no vs yes
  EXPECT_TRUE(lead_view.rows[0].flagged);
  EXPECT_EQ(lead_view.rows[1].divergence, 1U);  // yes vs part: one step, but across "meets"
  EXPECT_TRUE(lead_view.rows[1].across_meets);
  EXPECT_TRUE(lead_view.rows[1].flagged);
  EXPECT_TRUE(lead_view.rows[0].across_meets);  // no vs yes: two steps, and across "meets"
  EXPECT_EQ(lead_view.rows[5].statement_id, "t-1-beta-1");
  EXPECT_EQ(lead_view.rows[5].divergence, 3U);  // star vs no
  EXPECT_FALSE(lead_view.rows[2].divergence);   // nobody rated it
  EXPECT_EQ(lead_view.rows[0].text, "Text of t-1-alpha-1");

  // ann does not see the lead's draft.
  const auto ann_view = service().side_by_side(ann, id_of(ann), "").value();
  EXPECT_FALSE(ann_view.manager);
  EXPECT_TRUE(ann_view.rows[0].manager_rating.empty());
  EXPECT_FALSE(ann_view.summary);

  ASSERT_TRUE(service().submit(lead, manager.id, version));
  const auto shared = service().side_by_side(ann, id_of(ann), "t-1").value();
  ASSERT_TRUE(shared.summary);
  EXPECT_EQ(shared.summary->statements, 10U);
  EXPECT_EQ(shared.summary->flagged, 3U);
  EXPECT_EQ(shared.summary->agreed, 0U);
  EXPECT_EQ(shared.summary->one_step, 1U);
  EXPECT_EQ(shared.summary->apart, 2U);
  EXPECT_EQ(shared.summary->unrated, 7U);
  EXPECT_EQ(shared.summary->self_fit.met(), 2U);     // yes, star
  EXPECT_EQ(shared.summary->manager_fit.met(), 1U);  // yes
  EXPECT_EQ(service().side_by_side(ann, id_of(ann), "t-9").error().code, "ladder.unknown-level");
}

TEST_P(Views, ProgressOverCyclesComesFromSnapshots) {
  const store::ReviewCycle h1{0, "H1", "2026-01-01", "2026-06-30", {"t"}, {}};
  const store::ReviewCycle h2{0, "H2", "2026-07-01", "2026-12-31", {}, {}};
  const auto first = service().open_cycle(admin, h1).value();
  const auto second = service().open_cycle(admin, h2).value();
  submitted(ann, ann, AuthorRole::self, {{"t-1-alpha-1", "yes"}}, second.id);
  submitted(ann, ann, AuthorRole::self, {{"t-1-alpha-1", "yes"}, {"t-1-beta-1", "yes"}}, first.id);
  submitted(ann, ann, AuthorRole::self,
            {{"t-1-gamma-1", "yes"}});  // outside any cycle: not a point
  const auto points = service().progress(ann, id_of(ann)).value();
  ASSERT_EQ(points.size(), 2U);
  EXPECT_EQ(points[0].cycle_name, "H1");
  EXPECT_EQ(points[0].met, 2U);
  EXPECT_EQ(points[0].total, 10U);
  EXPECT_EQ(points[1].cycle_name, "H2");
  EXPECT_EQ(points[1].met, 1U);
}

TEST_P(Views, CycleRules) {
  const auto cycle_error = [&](store::ReviewCycle cycle) {
    auto opened = service().open_cycle(admin, std::move(cycle));
    return opened ? "" : opened.error().code;
  };
  const auto before = state();
  EXPECT_EQ(cycle_error({0, "", "2026-01-01", "2026-06-30", {}, {}}), "review.bad-cycle");
  EXPECT_EQ(cycle_error({0, "x", "2026-06-30", "2026-01-01", {}, {}}), "review.bad-cycle");
  EXPECT_EQ(cycle_error({0, "x", "2026-02-30", "2026-06-30", {}, {}}), "review.bad-cycle");
  EXPECT_EQ(cycle_error({0, "x", "2026-01-01", "2026-06-30", {"nope"}, {}}), "review.bad-cycle");
  EXPECT_EQ(service().close_cycle(admin, 4242).error().code, "review.not-found");
  EXPECT_EQ(state(), before);

  const auto other = service().open_cycle(admin, {0, "x", "2026-01-01", "2026-06-30", {"u"}, {}});
  EXPECT_EQ(other.error().code, "review.bad-cycle");  // no track u in the small ladder

  const auto open = service().open_cycle(admin, {0, "Q", "2026-01-01", "2026-03-31", {}, {}});
  auto a = service()
               .start(ann, StartRequest{id_of(ann), AuthorRole::self, "", open->id})
               .value()
               .assessment;
  ASSERT_TRUE(service().close_cycle(admin, open->id));
  const auto closed = state();
  EXPECT_EQ(service().save_rating(ann, a.id, 1, "t-1-alpha-1", "yes").error().error.code,
            "review.cycle-closed");
  EXPECT_EQ(service()
                .start(lead, StartRequest{id_of(ann), AuthorRole::manager, "", open->id})
                .error()
                .code,
            "review.cycle-closed");
  EXPECT_EQ(state(), closed);
}

TEST_P(Views, ACycleForOtherTracksRefusesAssessmentsOfThisOne) {
  // The small ladder has one track, so a cycle for another comes straight from the store (as
  // it would after the ladder dropped a track the cycle was opened for).
  store::Id other = 0;
  ASSERT_TRUE(store().write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(other, w.insert_cycle({0, "U", "2026-01-01", "2026-03-31", {"u"}, {}}));
    return {};
  }));
  const auto before = state();
  const auto started = service().start(ann, StartRequest{id_of(ann), AuthorRole::self, "", other});
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().code, "review.cycle-track");
  EXPECT_NE(started.error().message.find("'t'"), std::string::npos) << started.error().message;
  EXPECT_EQ(state(), before);
}

INSTANTIATE_TEST_SUITE_P(Review, Views, all_stores(), store::testing::implementation_name);

}  // namespace
}  // namespace rung::review
