// The Store contract for assessments (schemas 2 to 5 and 8), run against the in-memory store and
// SQLite: round trips of every value, references that must exist, upserts, and snapshots and
// withdrawals written once, agreements replaced.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace rung::store {
namespace {

using testing::all_implementations;
using testing::implementation_name;
using testing::make_account;
using testing::make_person;
using testing::StoreFixture;

class ReviewContract : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    m_ann = insert(make_person("ann"));
    m_account = insert(make_account("ann@example.com"));
  }

  Assessment draft() const {
    Assessment a;
    a.person = m_ann;
    a.role = AuthorRole::self;
    a.author_account = m_account;
    a.author_person = m_ann;
    a.level = "swe-3";
    a.created_at = 1000;
    a.updated_at = 1000;
    return a;
  }

  template <class F>
  Id insert_with(F f) {
    Id id = 0;
    auto done = store().write([&](Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(id, f(w));
      return {};
    });
    EXPECT_TRUE(done) << done.error().to_string();
    return id;
  }

  Id insert_draft() {
    return insert_with([&](Writer& w) { return w.insert_assessment(draft()); });
  }

  Id m_ann = 0;
  Id m_account = 0;
};

TEST_P(ReviewContract, CyclesRoundTripAndUpdate) {
  ReviewCycle cycle{0, "2026 H2", "2026-07-01", "2026-12-31", {"swe", "em"}, CycleStatus::open};
  cycle.id = insert_with([&](Writer& w) { return w.insert_cycle(cycle); });
  ReviewCycle every{0, "All", "2027-01-01", "2027-06-30", {}, CycleStatus::open};
  every.id = insert_with([&](Writer& w) { return w.insert_cycle(every); });
  EXPECT_EQ(store().cycle(cycle.id).value(), cycle);
  EXPECT_EQ(store().cycles().value(), (std::vector<ReviewCycle>{cycle, every}));

  cycle.status = CycleStatus::closed;
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_cycle(cycle); }), "");
  EXPECT_EQ(store().cycle(cycle.id).value()->status, CycleStatus::closed);
  ReviewCycle ghost = cycle;
  ghost.id = 999;
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_cycle(ghost); }), "store.not-found");
  EXPECT_EQ(store().cycle(999).value(), std::nullopt);
}

TEST_P(ReviewContract, AssessmentRoundTripsWithEveryField) {
  const Id cycle = insert_with([](Writer& w) {
    return w.insert_cycle(ReviewCycle{0, "c", "2026-01-01", "2026-02-01", {}, CycleStatus::open});
  });
  Assessment a = draft();
  a.role = AuthorRole::manager;
  a.author_person = std::nullopt;
  a.cycle = cycle;
  a.status = AssessmentStatus::submitted;
  a.version = 7;
  a.submitted_at = 2000;
  a.id = insert_with([&](Writer& w) { return w.insert_assessment(a); });
  Assessment b = draft();
  b.id = insert_with([&](Writer& w) { return w.insert_assessment(b); });

  EXPECT_EQ(store().assessment(a.id).value(), a);
  EXPECT_EQ(store().assessments_of(m_ann).value(), (std::vector<Assessment>{a, b}));
  EXPECT_TRUE(store().assessments_of(m_ann + 100).value().empty());

  b.version = 2;
  b.level = "swe-4";
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_assessment(b); }), "");
  EXPECT_EQ(store().assessment(b.id).value(), b);
}

TEST_P(ReviewContract, AssessmentReferencesMustExist) {
  const auto insert_error = [&](const Assessment& a) {
    return error_of([&](Writer& w) { return w.insert_assessment(a).map([](Id) {}); });
  };
  Assessment no_person = draft();
  no_person.person = 4242;
  EXPECT_EQ(insert_error(no_person), "store.conflict");
  Assessment no_account = draft();
  no_account.author_account = 4242;
  EXPECT_EQ(insert_error(no_account), "store.conflict");
  Assessment no_author = draft();
  no_author.author_person = 4242;
  EXPECT_EQ(insert_error(no_author), "store.conflict");
  Assessment no_cycle = draft();
  no_cycle.cycle = 4242;
  EXPECT_EQ(insert_error(no_cycle), "store.conflict");
  EXPECT_TRUE(store().assessments_of(m_ann).value().empty());

  Assessment ghost = draft();
  ghost.id = 999;
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_assessment(ghost); }), "store.not-found");
}

TEST_P(ReviewContract, RatingsAreOnePerStatementAndReplaced) {
  const Id a = insert_draft();
  const Id b = insert_draft();
  EXPECT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.put_rating(Rating{a, "swe-3-role-2", "sometimes", 10}));
              RUNG_TRY(w.put_rating(Rating{a, "swe-3-role-1", "sometimes", 11}));
              RUNG_TRY(w.put_rating(Rating{b, "swe-3-role-1", "never", 12}));
              return w.put_rating(Rating{a, "swe-3-role-2", "consistently", 13});
            }),
            "");
  EXPECT_EQ(store().ratings(a).value(),
            (std::vector<Rating>{{a, "swe-3-role-1", "sometimes", 11},
                                 {a, "swe-3-role-2", "consistently", 13}}));
  EXPECT_EQ(store().ratings(b).value(), (std::vector<Rating>{{b, "swe-3-role-1", "never", 12}}));
  EXPECT_EQ(error_of([](Writer& w) {
              return w.put_rating(Rating{4242, "s", "never", 1});
            }),
            "store.conflict");
}

TEST_P(ReviewContract, EvidenceRoundTripsInOrder) {
  const Id a = insert_draft();
  Evidence first{0, a, "swe-3-role-1", "Led the migration: https://example.com/pr/1", "2026-10-01",
                 50};
  Evidence second{0, a, "swe-3-role-1", "Zoë's «review» 山田", "", 60};
  first.id = insert_with([&](Writer& w) { return w.insert_evidence(first); });
  second.id = insert_with([&](Writer& w) { return w.insert_evidence(second); });
  EXPECT_EQ(store().evidence(a).value(), (std::vector<Evidence>{first, second}));
  EXPECT_EQ(error_of([](Writer& w) {
              return w.insert_evidence(Evidence{0, 4242, "s", "t", "", 1}).map([](Id) {});
            }),
            "store.conflict");
}

TEST_P(ReviewContract, ASnapshotIsWrittenOnce) {
  const Id a = insert_draft();
  const Snapshot snapshot{a, R"({"ladder":{"name":"x"}})", 99};
  EXPECT_EQ(error_of([&](Writer& w) { return w.insert_snapshot(snapshot); }), "");
  EXPECT_EQ(error_of([&](Writer& w) {
              return w.insert_snapshot(Snapshot{a, "{}", 100});
            }),
            "store.conflict");
  EXPECT_EQ(store().snapshot(a).value(), snapshot);
  EXPECT_EQ(error_of([](Writer& w) {
              return w.insert_snapshot(Snapshot{4242, "{}", 1});
            }),
            "store.conflict");
  EXPECT_EQ(store().snapshot(4242).value(), std::nullopt);
}

TEST_P(ReviewContract, AFrozenLadderIsStoredOncePerDigest) {
  const FrozenLadder ladder{"fnv1a64:00000000000000aa", R"({"name":"x"})", 5};
  EXPECT_EQ(store().frozen_ladder(ladder.digest).value(), std::nullopt);
  EXPECT_EQ(error_of([&](Writer& w) { return w.put_frozen_ladder(ladder); }), "");
  // The same version again (another submit under it) changes nothing, not even the time.
  EXPECT_EQ(error_of([&](Writer& w) {
              return w.put_frozen_ladder({ladder.digest, ladder.content, 6});
            }),
            "");
  EXPECT_EQ(store().frozen_ladder(ladder.digest).value(), ladder);
  EXPECT_EQ(error_of([&](Writer& w) {
              return w.put_frozen_ladder({ladder.digest, R"({"name":"y"})", 7});
            }),
            "store.conflict");
  EXPECT_EQ(store().frozen_ladder(ladder.digest).value(), ladder);
}

TEST_P(ReviewContract, FrozenLaddersAreListedOldestFirst) {
  EXPECT_TRUE(store().frozen_ladders().value().empty());
  const FrozenLadder late{"fnv1a64:00000000000000a1", R"({"name":"late"})", 30};
  const FrozenLadder early{"fnv1a64:00000000000000b2", R"({"name":"early"})", 10};
  const FrozenLadder middle{"fnv1a64:00000000000000c3", R"({"name":"middle"})", 20};
  for (const FrozenLadder& ladder : {late, early, middle}) {
    EXPECT_EQ(error_of([&](Writer& w) { return w.put_frozen_ladder(ladder); }), "");
  }
  EXPECT_EQ(store().frozen_ladders().value(), (std::vector<FrozenLadder>{early, middle, late}));
}

TEST_P(ReviewContract, GrowthPlansAndItemsRoundTrip) {
  GrowthPlanRecord plan{0, m_ann, "swe-4", 77};
  plan.id = insert_with([&](Writer& w) { return w.insert_growth_plan(plan); });
  EXPECT_EQ(store().growth_plan(plan.id).value(), plan);
  EXPECT_EQ(store().growth_plans_of(m_ann).value(), (std::vector<GrowthPlanRecord>{plan}));

  // Schema 9: the note, the target date and who ticked it when, replaced with the item.
  const PlanItem ticked{plan.id,      "swe-4-role-1", true, {3, 1}, "Pair on the\nreview ✓",
                        "2027-03-03", "dana@x",       99};
  const PlanItem open{plan.id, "swe-4-craft-1", false, {}};
  EXPECT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.put_plan_item(PlanItem{plan.id, "swe-4-role-1", false, {}}));
              RUNG_TRY(w.put_plan_item(open));
              return w.put_plan_item(ticked);
            }),
            "");
  EXPECT_EQ(store().plan_items(plan.id).value(), (std::vector<PlanItem>{open, ticked}));
  EXPECT_EQ(store().plan_items_of_plans(std::vector<Id>{plan.id}).value(),
            (std::vector<PlanItem>{open, ticked}));

  EXPECT_EQ(error_of([](Writer& w) {
              return w.insert_growth_plan(GrowthPlanRecord{0, 4242, "swe-4", 1}).map([](Id) {});
            }),
            "store.conflict");
  EXPECT_EQ(error_of([](Writer& w) {
              return w.put_plan_item(PlanItem{4242, "s", false, {}});
            }),
            "store.conflict");
}

// Moving work to a new ladder version (review::Service::migrate): a rating and a plan item
// taken out, evidence pointed at another statement; each only what it names.
TEST_P(ReviewContract, MigrationTakesOutRatingsAndItemsAndRepointsEvidence) {
  const Id a = insert_draft();
  GrowthPlanRecord plan{0, m_ann, "swe-4", 77};
  plan.id = insert_with([&](Writer& w) { return w.insert_growth_plan(plan); });
  Evidence evidence{0, a, "swe-3-role-1", "Led the migration", "2026-10-01", 50};
  evidence.id = insert_with([&](Writer& w) { return w.insert_evidence(evidence); });
  const PlanItem kept{plan.id, "swe-4-role-2", true, {evidence.id}};
  EXPECT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.put_rating(Rating{a, "swe-3-role-1", "sometimes", 10}));
              RUNG_TRY(w.put_rating(Rating{a, "swe-3-role-2", "never", 11}));
              RUNG_TRY(w.put_plan_item(PlanItem{plan.id, "swe-4-role-1", false, {}}));
              return w.put_plan_item(kept);
            }),
            "");
  evidence.statement = "swe-3-role-9";
  EXPECT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.delete_rating(a, "swe-3-role-1"));
              RUNG_TRY(w.delete_rating(a, "no-such-statement"));
              RUNG_TRY(w.delete_plan_item(plan.id, "swe-4-role-1"));
              return w.update_evidence(evidence);
            }),
            "");
  EXPECT_EQ(store().ratings(a).value(), (std::vector<Rating>{{a, "swe-3-role-2", "never", 11}}));
  EXPECT_EQ(store().plan_items(plan.id).value(), (std::vector<PlanItem>{kept}));
  EXPECT_EQ(store().evidence(a).value(), (std::vector<Evidence>{evidence}));
  EXPECT_EQ(error_of([&](Writer& w) {
              return w.update_evidence(Evidence{4242, a, "s", "t", "", 1});
            }),
            "store.not-found");
}

// The reads of a whole team: one call for many people, assessments or plans, in the documented
// order, with what belongs to others left out and unknown ids skipped.
TEST_P(ReviewContract, ManyAtOnceReadsReturnOnlyWhatWasAskedInOrder) {
  const Id bob = insert(make_person("bob"));
  const Id cat = insert(make_person("cat"));
  const Id a1 = insert_draft();
  Assessment of_bob = draft();
  of_bob.person = bob;
  const Id b1 = insert_with([&](Writer& w) { return w.insert_assessment(of_bob); });
  const Id a2 = insert_draft();
  Assessment of_cat = draft();
  of_cat.person = cat;
  const Id c1 = insert_with([&](Writer& w) { return w.insert_assessment(of_cat); });
  const std::vector<Id> ann_and_bob{bob, 4242, m_ann};
  std::vector<Id> ids;
  const auto found = store().assessments_of_people(ann_and_bob).value();
  for (const Assessment& a : found) {
    ids.push_back(a.id);
  }
  EXPECT_EQ(ids, (std::vector<Id>{a1, b1, a2}));
  EXPECT_TRUE(store().assessments_of_people({}).value().empty());

  EXPECT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.put_rating(Rating{a2, "swe-3-role-2", "sometimes", 1}));
              RUNG_TRY(w.put_rating(Rating{a1, "swe-3-role-2", "never", 2}));
              RUNG_TRY(w.put_rating(Rating{c1, "swe-3-role-1", "never", 3}));
              return w.put_rating(Rating{a1, "swe-3-role-1", "consistently", 4});
            }),
            "");
  const std::vector<Id> wanted{a2, a1, 4242};
  EXPECT_EQ(store().ratings_of_assessments(wanted).value(),
            (std::vector<Rating>{{a1, "swe-3-role-1", "consistently", 4},
                                 {a1, "swe-3-role-2", "never", 2},
                                 {a2, "swe-3-role-2", "sometimes", 1}}));

  GrowthPlanRecord ann_plan{0, m_ann, "swe-4", 5};
  GrowthPlanRecord cat_plan{0, cat, "swe-4", 6};
  GrowthPlanRecord bob_plan{0, bob, "swe-3", 7};
  for (GrowthPlanRecord* plan : {&ann_plan, &cat_plan, &bob_plan}) {
    plan->id = insert_with([&](Writer& w) { return w.insert_growth_plan(*plan); });
  }
  const std::vector<Id> bob_and_ann{bob, m_ann};
  EXPECT_EQ(store().growth_plans_of_people(bob_and_ann).value(),
            (std::vector<GrowthPlanRecord>{ann_plan, bob_plan}));
  const PlanItem bob_item{bob_plan.id, "swe-3-role-1", true, {}};
  const PlanItem ann_b{ann_plan.id, "swe-4-role-2", false, {9}};
  const PlanItem ann_a{ann_plan.id, "swe-4-role-1", true, {}};
  const PlanItem cat_item{cat_plan.id, "swe-4-role-1", true, {}};
  EXPECT_EQ(error_of([&](Writer& w) -> Result<void> {
              for (const PlanItem& item : {bob_item, ann_b, ann_a, cat_item}) {
                RUNG_TRY(w.put_plan_item(item));
              }
              return {};
            }),
            "");
  const std::vector<Id> plans{bob_plan.id, ann_plan.id};
  EXPECT_EQ(store().plan_items_of_plans(plans).value(),
            (std::vector<PlanItem>{ann_a, ann_b, bob_item}));
}

TEST_P(ReviewContract, AFailedWriteLeavesNoRatingBehind) {
  const Id a = insert_draft();
  EXPECT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.put_rating(Rating{a, "swe-3-role-1", "never", 1}));
              return w.insert_snapshot(Snapshot{4242, "{}", 1});
            }),
            "store.conflict");
  EXPECT_TRUE(store().ratings(a).value().empty());
}

TEST_P(ReviewContract, AWithdrawalIsWrittenOnceAndReadsAsTheStatus) {
  Assessment a = draft();
  a.id = insert_draft();
  a.status = AssessmentStatus::submitted;
  a.submitted_at = 2000;
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_assessment(a); }), "");
  EXPECT_EQ(store().withdrawal(a.id).value(), std::nullopt);
  a.status = AssessmentStatus::withdrawn;
  a.version = 2;
  const Withdrawal withdrawal{a.id, m_account, "submitted by mistake: «Zoë»", 3000};
  EXPECT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.update_assessment(a));
              return w.insert_withdrawal(withdrawal);
            }),
            "");
  EXPECT_EQ(store().assessment(a.id).value(), a);
  EXPECT_EQ(store().assessments_of(m_ann).value(), std::vector<Assessment>{a});
  EXPECT_EQ(store().withdrawal(a.id).value(), withdrawal);
  EXPECT_EQ(error_of([&](Writer& w) {
              return w.insert_withdrawal(Withdrawal{a.id, m_account, "again", 4000});
            }),
            "store.conflict");
  EXPECT_EQ(error_of([&](Writer& w) {
              return w.insert_withdrawal(Withdrawal{4242, m_account, "nobody", 1});
            }),
            "store.conflict");
  EXPECT_EQ(store().withdrawal(a.id).value(), withdrawal);
}

TEST_P(ReviewContract, AgreementsAreOnePerStatementOfAPairAndReplaced) {
  const Id self = insert_draft();
  Assessment other = draft();
  other.role = AuthorRole::manager;
  const Id manager = insert_with([&](Writer& w) { return w.insert_assessment(other); });
  const Agreement first{self, manager, "swe-3-b", "consistently", "talked: «Zoë»", m_account, 10};
  const Agreement second{self, manager, "swe-3-a", "", "", m_account, 11};
  EXPECT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.put_agreement(first));
              return w.put_agreement(second);
            }),
            "");
  EXPECT_EQ(store().agreements(self, manager).value(), (std::vector<Agreement>{second, first}));
  Agreement changed = first;
  changed.scale = "sometimes";
  changed.note = "";
  changed.at = 12;
  EXPECT_EQ(error_of([&](Writer& w) { return w.put_agreement(changed); }), "");
  EXPECT_EQ(store().agreements(self, manager).value(), (std::vector<Agreement>{second, changed}));
  EXPECT_TRUE(store().agreements(manager, self).value().empty());
  Agreement dangling = first;
  dangling.manager_assessment = 4242;
  EXPECT_EQ(error_of([&](Writer& w) { return w.put_agreement(dangling); }), "store.conflict");
  dangling = first;
  dangling.account = 4242;
  EXPECT_EQ(error_of([&](Writer& w) { return w.put_agreement(dangling); }), "store.conflict");
  EXPECT_EQ(store().agreements(self, manager).value(), (std::vector<Agreement>{second, changed}));
}

INSTANTIATE_TEST_SUITE_P(Store, ReviewContract, all_implementations(), implementation_name);

}  // namespace
}  // namespace rung::store
