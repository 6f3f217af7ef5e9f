#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "rung/people/import.hpp"
#include "rung/people/person_json.hpp"
#include "rung/store/memory/store.hpp"

#include "people_support.hpp"

namespace rung::people {
namespace {

using store::PersonStatus;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::small_ladder;
using testing::table;

using testing::k_header;

ImportPlan plan_for(store::Store& store, const std::string& rows) {
  return plan_import(small_ladder(), *store.people(), table(k_header + rows));
}

Result<ApplySummary> import(store::Store& store, const std::string& rows) {
  return apply_import(store, plan_for(store, rows), "cli:test", 1000);
}

std::optional<store::Person> by_email(store::Store& store, std::string_view email) {
  return *store.person_by_email(email);
}

TEST(ApplyImport, InsertsManagersBeforeTheirReportsWhateverTheOrder) {
  auto store = store::memory::make_store();
  // Reports come first in the file; the manager tree is three deep.
  auto summary = import(*store,
                        "Cy,cy@x.io,bob@x.io,swe-1,,\n"
                        "Bob,bob@x.io,ada@x.io,mgr-1,,\n"
                        "Ada,ada@x.io,,mgr-2,2019-05-01,\n");
  ASSERT_TRUE(summary) << summary.error().to_string();
  EXPECT_EQ(*summary, (ApplySummary{3, 0, 0, 0}));
  const auto ada = by_email(*store, "ada@x.io");
  const auto bob = by_email(*store, "bob@x.io");
  const auto cy = by_email(*store, "cy@x.io");
  ASSERT_TRUE(ada && bob && cy);
  EXPECT_EQ(ada->manager, std::nullopt);
  EXPECT_EQ(bob->manager, ada->id);
  EXPECT_EQ(cy->manager, bob->id);
  EXPECT_EQ(ada->start_date, "2019-05-01");
  EXPECT_LT(ada->id, bob->id);
  EXPECT_LT(bob->id, cy->id);
}

TEST(ApplyImport, WritesOneAuditEntryPerChangeWithBeforeAndAfter) {
  auto store = store::memory::make_store();
  ASSERT_TRUE(import(*store, "Ada,ada@x.io,,mgr-2,,\nBob,bob@x.io,ada@x.io,swe-1,,\n"));
  ASSERT_TRUE(import(*store, "Ada,ada@x.io,,mgr-2,,\nBob,bob@x.io,ada@x.io,swe-2,,\n"));
  const auto entries = *store->audit({});
  ASSERT_EQ(entries.size(), 3U);
  const auto& update = entries[0];  // newest first
  EXPECT_EQ(update.action, "person.update");
  EXPECT_EQ(update.actor, "cli:test");
  EXPECT_EQ(update.at, 1000);
  const auto bob = by_email(*store, "bob@x.io");
  EXPECT_EQ(update.subject, "person:" + std::to_string(bob->id));
  EXPECT_EQ(nlohmann::json::parse(update.before)["level"], "swe-1");
  EXPECT_EQ(update.after, person_json(*bob));
  EXPECT_EQ(entries[2].action, "person.create");
  EXPECT_EQ(entries[2].before, "");
  EXPECT_EQ(entries[1].action, "person.create");
  EXPECT_EQ(nlohmann::json::parse(entries[1].after)["manager"], by_email(*store, "ada@x.io")->id);
}

TEST(ApplyImport, DeactivatesAndReactivates) {
  auto store = store::memory::make_store();
  ASSERT_TRUE(import(*store, "Ada,ada@x.io,,mgr-2,,\nBob,bob@x.io,ada@x.io,swe-1,,\n"));
  auto summary = import(*store, "Ada,ada@x.io,,mgr-2,,\n");
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->deactivated, 1U);
  EXPECT_EQ(by_email(*store, "bob@x.io")->status, PersonStatus::left);
  EXPECT_EQ(by_email(*store, "bob@x.io")->manager, by_email(*store, "ada@x.io")->id);
  summary = import(*store, "Ada,ada@x.io,,mgr-2,,\nBob,bob@x.io,ada@x.io,swe-1,,Active\n");
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->reactivated, 1U);
  EXPECT_EQ(by_email(*store, "bob@x.io")->status, PersonStatus::active);
  EXPECT_EQ((*store->audit({}))[0].action, "person.reactivate");
}

TEST(ApplyImport, AnExistingPersonCanReportToANewOne) {
  auto store = store::memory::make_store();
  ASSERT_TRUE(import(*store, "Ada,ada@x.io,,mgr-2,,\nBob,bob@x.io,ada@x.io,swe-1,,\n"));
  auto summary = import(*store,
                        "Ada,ada@x.io,,mgr-2,,\n"
                        "Bob,bob@x.io,new@x.io,swe-1,,\n"
                        "New,new@x.io,ada@x.io,mgr-1,,\n");
  ASSERT_TRUE(summary) << summary.error().to_string();
  EXPECT_EQ(*summary, (ApplySummary{1, 1, 0, 0}));
  EXPECT_EQ(by_email(*store, "bob@x.io")->manager, by_email(*store, "new@x.io")->id);
}

TEST(ApplyImport, RefusesAPlanWithErrorsAndWritesNothing) {
  auto store = store::memory::make_store();
  const auto plan = plan_for(*store, "Ada,ada@x.io,,mgr-2,,\nBob,bob@x.io,,swe-9,,\n");
  ASSERT_EQ(plan.errors.size(), 1U);
  auto result = apply_import(*store, plan, "cli:test", 1);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "people.plan-has-errors");
  EXPECT_THAT(*store->people(), IsEmpty());
  EXPECT_THAT(*store->audit({}), IsEmpty());
  EXPECT_EQ(store->generation(), 0U);
}

TEST(ApplyImport, RefusesAStalePlan) {
  auto store = store::memory::make_store();
  const auto plan = plan_for(*store, "Ada,ada@x.io,,mgr-2,,\n");
  ASSERT_TRUE(import(*store, "Zed,zed@x.io,,swe-1,,\n"));
  auto result = apply_import(*store, plan, "cli:test", 1);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "people.stale-plan");
  EXPECT_EQ(store->people()->size(), 1U);
}

TEST(ApplyImport, AFailingWriteLeavesNothing) {
  auto store = store::memory::make_store();
  auto plan = plan_for(*store, "Ada,ada@x.io,,mgr-2,,\nBob,bob@x.io,ada@x.io,swe-1,,\n");
  // A hand-made plan that updates someone who does not exist: the store refuses that update
  // after both inserts, and the inserts must not stay.
  PersonChange ghost;
  ghost.kind = ChangeKind::update;
  ghost.after = testing::person(999, "Ghost", "ghost@x.io", std::nullopt, "swe-1");
  plan.changes.push_back(ghost);
  auto result = apply_import(*store, plan, "cli:test", 1);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "store.not-found");
  EXPECT_THAT(*store->people(), IsEmpty());
  EXPECT_THAT(*store->audit({}), IsEmpty());
}

TEST(ApplyImport, ReimportingTheSameFileChangesNothing) {
  auto store = store::memory::make_store();
  const std::string rows = "Ada,ada@x.io,,mgr-2,,\nBob,bob@x.io,ada@x.io,swe-1,2020-02-29,\n";
  ASSERT_TRUE(import(*store, rows));
  const auto generation = store->generation();
  const auto plan = plan_for(*store, rows);
  EXPECT_THAT(plan.changes, IsEmpty());
  EXPECT_EQ(plan.unchanged, 2U);
  auto summary = apply_import(*store, plan, "cli:test", 2);
  ASSERT_TRUE(summary);
  EXPECT_EQ(*summary, ApplySummary{});
  EXPECT_EQ(store->audit({})->size(), 2U);
  EXPECT_GE(store->generation(), generation);
}

TEST(PersonJson, HasEveryFieldInOrder) {
  store::Person ada = testing::person(3, "Ada \"A\"", "ada@x.io", 1, "swe-2");
  ada.start_date = "2020-01-01";
  EXPECT_EQ(person_json(ada),
            R"({"id":3,"name":"Ada \"A\"","email":"ada@x.io","manager":1,"track":"swe",)"
            R"("level":"swe-2","start_date":"2020-01-01","status":"active"})");
  ada.manager.reset();
  EXPECT_THAT(person_json(ada), HasSubstr(R"("manager":null)"));
}

TEST(PersonJson, FingerprintChangesWithAnyField) {
  std::vector<store::Person> people{testing::person(1, "Ada", "ada@x.io", std::nullopt, "swe-1")};
  const auto base = fingerprint(people);
  EXPECT_EQ(fingerprint(people), base);
  people[0].start_date = "2020-01-01";
  EXPECT_NE(fingerprint(people), base);
  EXPECT_NE(fingerprint({}), base);
}

}  // namespace
}  // namespace rung::people
