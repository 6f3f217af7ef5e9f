// `rung store copy` (store/copy/copy.hpp): a SQLite store with one of everything copied into
// PostgreSQL and back into a new SQLite file reads the same through the Store interface, with
// the same ids and digests; a target that is not empty, an address that names no store and
// the same store twice are refused with nothing written.
#include "rung/store/copy/copy.hpp"

#include <gtest/gtest.h>

#include "rung/store/postgres/store.hpp"
#include "rung/store/sqlite/store.hpp"

#include "../store_support.hpp"
#include "support/postgres.hpp"

namespace rung::store::copy {
namespace {

using testing::make_account;
using testing::make_entry;
using testing::make_person;
using testing::make_session;
using testing::ScratchDir;

// One of every record, with a manager whose id is larger than their report's.
Result<void> fill(Writer& w) {
  RUNG_TRY_ASSIGN(const Id ann, w.insert_person(make_person("ann")));
  RUNG_TRY_ASSIGN(const Id boss, w.insert_person(make_person("boss")));
  RUNG_TRY_ASSIGN(auto person, w.person(ann));
  person->manager = boss;
  person->name = "Ann «Zoë» O'Neil";
  RUNG_TRY(w.update_person(*person));
  RUNG_TRY_ASSIGN(const Id account, w.insert_account(make_account("ann@example.com")));
  Account disabled = make_account("gone@example.com");
  disabled.disabled_at = 77;  // schema 11: copied with the rest
  RUNG_TRY(w.insert_account(disabled));
  RUNG_TRY(w.insert_session(make_session("hash-1", account, 10, 20)));
  RUNG_TRY(w.insert_api_token(ApiToken{0, "token-hash-1", account, "CI", true, 11, 0, 12, 0}));
  RUNG_TRY(w.append_audit(make_entry(5, "admin", "person.create", "person:1")));
  RUNG_TRY_ASSIGN(const Id cycle,
                  w.insert_cycle(ReviewCycle{
                      0, "2026 H2", "2026-07-01", "2026-12-31", {"swe"}, CycleStatus::open}));
  Assessment a;
  a.person = ann;
  a.author_account = account;
  a.author_person = ann;
  a.level = "swe-3";
  a.cycle = cycle;
  RUNG_TRY_ASSIGN(a.id, w.insert_assessment(a));
  RUNG_TRY(w.put_rating(Rating{a.id, "swe-3-b", "meets", 30}));
  RUNG_TRY(w.put_rating(Rating{a.id, "swe-3-a", "exceeds", 31}));
  RUNG_TRY_ASSIGN(const Id evidence,
                  w.insert_evidence(Evidence{0, a.id, "swe-3-a", "Led the migration", "", 32}));
  a.status = AssessmentStatus::submitted;
  a.submitted_at = 40;
  RUNG_TRY(w.update_assessment(a));
  RUNG_TRY(w.insert_snapshot(Snapshot{a.id, R"({"ladder":"fnv1a64:1"})", 40}));
  RUNG_TRY(w.put_frozen_ladder(FrozenLadder{"fnv1a64:1", R"({"tracks":[]})", 40}));
  Assessment by_manager = a;
  by_manager.role = AuthorRole::manager;
  RUNG_TRY_ASSIGN(by_manager.id, w.insert_assessment(by_manager));
  RUNG_TRY(
      w.put_agreement(Agreement{a.id, by_manager.id, "swe-3-a", "meets", "agreed", account, 45}));
  RUNG_TRY(w.insert_withdrawal(Withdrawal{a.id, account, "by mistake", 50}));
  RUNG_TRY_ASSIGN(const Id plan, w.insert_growth_plan(GrowthPlanRecord{0, ann, "swe-4", 60}));
  RUNG_TRY(w.put_plan_item(
      PlanItem{plan, "swe-4-a", true, {evidence}, "a note", "2027-03-03", "ann@example.com", 61}));
  PromotionCase c;
  c.person = ann;
  c.from_track = "swe";
  c.from_level = "swe-3";
  c.target_track = "swe";
  c.target_level = "swe-4";
  c.cycle = cycle;
  c.opened_by_account = account;
  c.status = CaseStatus::decided;
  c.outcome = CaseOutcome::approved;
  c.decided_by = account;
  return w.insert_promotion_case(c).map([](Id) {});
}

// What a store holds, read through the Store interface.
struct Contents {
  std::vector<Person> people;
  std::vector<Account> accounts;
  std::optional<Session> session;
  std::vector<AuditEntry> audit;
  std::vector<ReviewCycle> cycles;
  std::vector<Assessment> assessments;
  std::vector<Rating> ratings;
  std::vector<Evidence> evidence;
  std::optional<Snapshot> snapshot;
  std::optional<FrozenLadder> ladder;
  std::optional<Withdrawal> withdrawal;
  std::vector<Agreement> agreements;
  std::vector<GrowthPlanRecord> plans;
  std::vector<PlanItem> items;
  std::optional<PromotionCase> promotion;
  std::vector<ApiToken> tokens;
  bool operator==(const Contents&) const = default;
};

Contents contents_of(Store& store) {
  Contents c;
  c.people = store.people().value();
  c.accounts = store.accounts().value();
  c.session = store.session("hash-1").value();
  c.audit = store.audit({}).value();
  c.cycles = store.cycles().value();
  const std::vector<Id> everyone{1, 2};
  c.assessments = store.assessments_of_people(everyone).value();
  c.ratings = store.ratings(1).value();
  c.evidence = store.evidence(1).value();
  c.snapshot = store.snapshot(1).value();
  c.ladder = store.frozen_ladder("fnv1a64:1").value();
  c.withdrawal = store.withdrawal(1).value();
  c.agreements = store.agreements(1, 2).value();
  c.plans = store.growth_plans_of_people(everyone).value();
  c.items = store.plan_items(1).value();
  c.promotion = store.promotion_case(1).value();
  c.tokens = store.api_tokens().value();
  return c;
}

TEST(StoreCopy, SqliteToPostgresAndBackKeepsEveryRecordAndId) {
  ScratchDir dir;
  const auto source = dir / "source.db";
  Contents original;
  {
    auto store = sqlite::open_store(source);
    ASSERT_TRUE(store) << store.error().to_string();
    ASSERT_TRUE((*store)->write(fill));
    original = contents_of(**store);
  }
  ASSERT_EQ(original.people.size(), 2U);
  ASSERT_TRUE(original.promotion && original.withdrawal && original.session);
  ASSERT_EQ(original.tokens.size(), 1U);
  ASSERT_EQ(original.agreements.size(), 1U);

  auto uri = test_support::postgres_test_uri();
  ASSERT_TRUE(uri) << uri.error().to_string();
  auto there = copy_store("sqlite:" + source.string(), *uri);
  ASSERT_TRUE(there) << there.error().to_string();
  ASSERT_EQ(there->size(), 19U);
  EXPECT_EQ(there->front().table, "person");
  EXPECT_EQ(there->front().rows, 2);
  {
    auto store = postgres::open_store(*uri);
    ASSERT_TRUE(store) << store.error().to_string();
    EXPECT_EQ(contents_of(**store), original);
    // The ids go on from the copied ones.
    auto next = (*store)->write([](Writer& w) {
      return w.insert_person(make_person("carl")).map([](Id id) { EXPECT_EQ(id, 3); });
    });
    ASSERT_TRUE(next) << next.error().to_string();
  }

  // Back into a new file: the same digests, table by table (carl included now).
  const auto back = dir / "back.db";
  auto returned = copy_store(*uri, "sqlite:" + back.string());
  ASSERT_TRUE(returned) << returned.error().to_string();
  ASSERT_EQ(returned->size(), there->size());
  for (std::size_t i = 1; i < there->size(); ++i) {
    EXPECT_EQ((*returned)[i].digest, (*there)[i].digest) << (*there)[i].table;
  }
  auto store = sqlite::open_store(back);
  ASSERT_TRUE(store) << store.error().to_string();
  auto people = (*store)->people().value();
  ASSERT_EQ(people.size(), 3U);
  EXPECT_EQ(people[0], original.people[0]);
}

TEST(StoreCopy, RefusesATargetThatIsNotEmptyAndWritesNothing) {
  ScratchDir dir;
  const auto source = dir / "source.db";
  ASSERT_TRUE(sqlite::open_store(source).value()->write(fill));
  const auto target = dir / "target.db";
  ASSERT_TRUE(sqlite::open_store(target).value()->write(
      [](Writer& w) { return w.insert_account(make_account("root")).map([](Id) {}); }));
  auto refused = copy_store("sqlite:" + source.string(), "sqlite:" + target.string());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "store.copy");
  EXPECT_NE(refused.error().message.find("not empty"), std::string::npos)
      << refused.error().message;
  auto store = sqlite::open_store(target).value();
  EXPECT_TRUE(store->people().value().empty());
  EXPECT_EQ(store->accounts().value().size(), 1U);
}

TEST(StoreCopy, RefusesAddressesThatNameNoStoreAndTheSameStoreTwice) {
  ScratchDir dir;
  const auto file = "sqlite:" + (dir / "x.db").string();
  auto bad = copy_store("mysql://db/rung", file);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "store.copy");
  auto twice = copy_store(file, file);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, "store.copy");
  auto missing = copy_store(file, "sqlite:" + (dir / "y.db").string());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "store.open");
  EXPECT_FALSE(std::filesystem::exists(dir / "y.db"));
}

}  // namespace
}  // namespace rung::store::copy
