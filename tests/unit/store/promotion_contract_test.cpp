// The Store contract for promotion cases (schema 4), run against the in-memory store and
// SQLite: every field round trips, updates replace by id, references must exist, the reads of
// many people and of a cycle return what was asked in id order, and a failed write leaves
// nothing behind.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace rung::store {
namespace {

using testing::all_implementations;
using testing::implementation_name;
using testing::make_account;
using testing::make_person;
using testing::StoreFixture;

class PromotionContract : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    m_ann = insert(make_person("ann"));
    m_boss = insert(make_person("boss"));
    m_account = insert(make_account("boss@example.com"));
    m_cycle = write_id([](Writer& w) {
      return w.insert_cycle(ReviewCycle{0, "c", "2026-01-01", "2026-06-30", {}, CycleStatus::open});
    });
  }

  PromotionCase draft(Id person) const {
    PromotionCase c;
    c.person = person;
    c.from_track = "swe";
    c.from_level = "swe-2";
    c.target_track = "swe";
    c.target_level = "swe-3";
    c.opened_by_account = m_account;
    c.opened_by_person = m_boss;
    c.manager_case = "Led the billing migration.";
    c.created_at = 1000;
    c.updated_at = 1000;
    return c;
  }

  template <class F>
  Id write_id(F f) {
    Id id = 0;
    auto done = store().write([&](Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(id, f(w));
      return {};
    });
    EXPECT_TRUE(done) << done.error().to_string();
    return id;
  }

  Id insert_case(const PromotionCase& c) {
    return write_id([&](Writer& w) { return w.insert_promotion_case(c); });
  }

  Id m_ann = 0;
  Id m_boss = 0;
  Id m_account = 0;
  Id m_cycle = 0;
};

TEST_P(PromotionContract, EveryFieldRoundTripsAndAnUpdateReplacesThem) {
  PromotionCase c = draft(m_ann);
  c.id = insert_case(c);
  EXPECT_EQ(store().promotion_case(c.id).value(), c);

  c.target_track = "sre";
  c.target_level = "sre-3";
  c.cycle = m_cycle;
  c.opened_by_person = std::nullopt;
  c.statement = "I would like to lead on-call.";
  c.status = CaseStatus::decided;
  c.outcome = CaseOutcome::not_now;
  c.rationale = "Not yet across the whole area.";
  c.decided_by = m_account;
  c.decided_at = 5000;
  c.effective_date = "2026-07-01";
  c.published = true;
  c.published_at = 6000;
  c.version = 7;
  c.updated_at = 6000;
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_promotion_case(c); }), "");
  EXPECT_EQ(store().promotion_case(c.id).value(), c);

  for (auto status : {CaseStatus::draft, CaseStatus::submitted, CaseStatus::in_review}) {
    c.status = status;
    c.outcome = std::nullopt;
    EXPECT_EQ(error_of([&](Writer& w) { return w.update_promotion_case(c); }), "");
    EXPECT_EQ(store().promotion_case(c.id).value(), c) << to_string(status);
  }
  for (auto outcome : {CaseOutcome::approved, CaseOutcome::withdrawn}) {
    c.outcome = outcome;
    EXPECT_EQ(error_of([&](Writer& w) { return w.update_promotion_case(c); }), "");
    EXPECT_EQ(store().promotion_case(c.id).value(), c) << to_string(outcome);
  }

  PromotionCase ghost = c;
  ghost.id = 4242;
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_promotion_case(ghost); }), "store.not-found");
  EXPECT_EQ(store().promotion_case(4242).value(), std::nullopt);
}

TEST_P(PromotionContract, ReferencesMustExist) {
  auto refused = [&](PromotionCase c) {
    return error_of([&](Writer& w) { return w.insert_promotion_case(c).map([](Id) {}); });
  };
  PromotionCase c = draft(4242);
  EXPECT_EQ(refused(c), "store.conflict");
  c = draft(m_ann);
  c.opened_by_account = 4242;
  EXPECT_EQ(refused(c), "store.conflict");
  c = draft(m_ann);
  c.opened_by_person = 4242;
  EXPECT_EQ(refused(c), "store.conflict");
  c = draft(m_ann);
  c.decided_by = 4242;
  EXPECT_EQ(refused(c), "store.conflict");
  c = draft(m_ann);
  c.cycle = 4242;
  EXPECT_EQ(refused(c), "store.conflict");

  c = draft(m_ann);
  c.id = insert_case(c);
  c.cycle = 4242;
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_promotion_case(c); }), "store.conflict");
  EXPECT_EQ(store().promotion_case(c.id).value()->cycle, std::nullopt);
}

TEST_P(PromotionContract, ReadsOfManyPeopleAndOfACycleAreInIdOrder) {
  const Id cat = insert(make_person("cat"));
  PromotionCase of_ann = draft(m_ann);
  of_ann.cycle = m_cycle;
  PromotionCase of_cat = draft(cat);
  PromotionCase of_boss = draft(m_boss);
  of_boss.cycle = m_cycle;
  PromotionCase again_ann = draft(m_ann);
  for (PromotionCase* c : {&of_ann, &of_cat, &of_boss, &again_ann}) {
    c->id = insert_case(*c);
  }
  const std::vector<Id> wanted{cat, 4242, m_ann};
  EXPECT_EQ(store().promotion_cases_of_people(wanted).value(),
            (std::vector<PromotionCase>{of_ann, of_cat, again_ann}));
  EXPECT_TRUE(store().promotion_cases_of_people({}).value().empty());
  EXPECT_EQ(store().promotion_cases_in_cycle(m_cycle).value(),
            (std::vector<PromotionCase>{of_ann, of_boss}));
  EXPECT_TRUE(store().promotion_cases_in_cycle(4242).value().empty());
}

// The write an approval makes: the case, the person's level and the audit entry together; a
// failure in any of them leaves all three as they were.
TEST_P(PromotionContract, AFailedWriteLeavesTheCaseAndThePersonAsTheyWere) {
  PromotionCase c = draft(m_ann);
  c.id = insert_case(c);
  const Person before = store().person(m_ann).value().value();
  EXPECT_EQ(error_of([&](Writer& w) -> Result<void> {
              PromotionCase decided = c;
              decided.status = CaseStatus::decided;
              decided.outcome = CaseOutcome::approved;
              RUNG_TRY(w.update_promotion_case(decided));
              Person promoted = before;
              promoted.level = "swe-3";
              RUNG_TRY(w.update_person(promoted));
              PromotionCase broken = decided;
              broken.cycle = 4242;
              return w.update_promotion_case(broken);
            }),
            "store.conflict");
  EXPECT_EQ(store().promotion_case(c.id).value(), c);
  EXPECT_EQ(store().person(m_ann).value(), before);
}

INSTANTIATE_TEST_SUITE_P(Store, PromotionContract, all_implementations(), implementation_name);

}  // namespace
}  // namespace rung::store
