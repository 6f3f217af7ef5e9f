// An HRIS import that would undo a published promotion (docs/promotions.md): the row's level is
// reported as a conflict and kept, the rest of the row applies; other rows and other levels are
// planned as before; the report says so in text and JSON; and latest_approvals picks the latest
// published approval of each person from the store.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "rung/people/import.hpp"
#include "rung/people/plan_report.hpp"
#include "rung/store/memory/store.hpp"

#include "people_support.hpp"

namespace rung::people {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::person;
using testing::small_ladder;
using testing::table;

// Bob was promoted from swe-1 to swe-2 (case 7, effective 2026-08-01).
store::PromotionCase bobs_promotion() {
  store::PromotionCase c;
  c.id = 7;
  c.person = 2;
  c.from_track = "swe";
  c.from_level = "swe-1";
  c.target_track = "swe";
  c.target_level = "swe-2";
  c.status = store::CaseStatus::decided;
  c.outcome = store::CaseOutcome::approved;
  c.effective_date = "2026-08-01";
  c.published = true;
  return c;
}

const std::vector<store::Person> k_current{
    person(1, "Ada", "ada@x.io", std::nullopt, "mgr-2"),
    person(2, "Bob", "bob@x.io", 1, "swe-2"),
};

ImportPlan plan_after(const std::string& rows, std::span<const store::PromotionCase> promotions) {
  return plan_import(small_ladder(), k_current,
                     table("Name,Email,Manager Email,Level,Start Date,Status\n" + rows),
                     promotions);
}

TEST(PromotionConflict, ARowSettingTheOldLevelBackIsAConflictAndTheRestApplies) {
  const std::array promotions{bobs_promotion()};
  const auto result = plan_after(
      "Ada,ada@x.io,,mgr-2,,\n"
      "Bobby,bob@x.io,ada@x.io,swe-1,,\n",
      promotions);
  EXPECT_THAT(result.errors, IsEmpty());
  ASSERT_EQ(result.conflicts.size(), 1U);
  const LevelConflict& conflict = result.conflicts[0];
  EXPECT_EQ(conflict, (LevelConflict{3, "Bobby", "bob@x.io", "swe-2", "swe-1", 7, "2026-08-01"}));
  ASSERT_EQ(result.changes.size(), 1U);  // the name change only
  EXPECT_EQ(result.changes[0].after.level, "swe-2");
  EXPECT_EQ(result.changes[0].after.name, "Bobby");

  const std::string text = render_plan_text(result, "people.csv", false);
  EXPECT_THAT(text, HasSubstr("conflict: row 3 Bobby <bob@x.io>: the file sets level swe-1, but "
                              "the person was promoted from swe-1 to swe-2 (effective "
                              "2026-08-01); the level stays swe-2"));
  EXPECT_THAT(text, HasSubstr("hint: update the HRIS to the promoted level"));
  const auto json = nlohmann::json::parse(render_plan_json(result, "people.csv", false));
  ASSERT_EQ(json["conflicts"].size(), 1U);
  EXPECT_EQ(json["conflicts"][0]["promotion"], 7);
  EXPECT_EQ(json["conflicts"][0]["stored"], "swe-2");
  EXPECT_EQ(json["conflicts"][0]["file"], "swe-1");
}

TEST(PromotionConflict, OnlyTheLevelBeforeThePromotionIsGuarded) {
  const std::array promotions{bobs_promotion()};
  // A row that names the promoted level is unchanged; another level is a plain update.
  EXPECT_THAT(
      plan_after("Ada,ada@x.io,,mgr-2,,\nBob,bob@x.io,ada@x.io,swe-2,,\n", promotions).conflicts,
      IsEmpty());
  const auto higher =
      plan_after("Ada,ada@x.io,,mgr-2,,\nBob,bob@x.io,ada@x.io,swe-3,,\n", promotions);
  EXPECT_THAT(higher.conflicts, IsEmpty());
  ASSERT_EQ(higher.changes.size(), 1U);
  EXPECT_EQ(higher.changes[0].after.level, "swe-3");
  // Without the promotion, the old level is an update like any other.
  const auto unguarded = plan_after("Ada,ada@x.io,,mgr-2,,\nBob,bob@x.io,ada@x.io,swe-1,,\n", {});
  EXPECT_THAT(unguarded.conflicts, IsEmpty());
  ASSERT_EQ(unguarded.changes.size(), 1U);
  EXPECT_EQ(unguarded.changes[0].after.level, "swe-1");
}

TEST(PromotionConflict, AnUnchangedRowApartFromTheLevelChangesNothing) {
  const std::array promotions{bobs_promotion()};
  const auto result =
      plan_after("Ada,ada@x.io,,mgr-2,,\nBob,bob@x.io,ada@x.io,swe-1,,\n", promotions);
  EXPECT_EQ(result.conflicts.size(), 1U);
  EXPECT_THAT(result.changes, IsEmpty());
  EXPECT_EQ(result.unchanged, 2U);
}

TEST(PromotionConflict, AnAcceptedHrLevelIsAppliedAndAuditedWithThePromotion) {
  const std::array promotions{bobs_promotion()};
  const std::vector<std::string> accept{" BOB@x.io "};
  const auto result = plan_import(small_ladder(), k_current,
                                  table("Name,Email,Manager Email,Level,Start Date,Status\n"
                                        "Ada,ada@x.io,,mgr-2,,\nBob,bob@x.io,ada@x.io,swe-1,,\n"),
                                  promotions, accept);
  EXPECT_THAT(result.conflicts, IsEmpty());
  ASSERT_EQ(result.accepted.size(), 1U);
  EXPECT_EQ(result.accepted[0],
            (LevelConflict{3, "Bob", "bob@x.io", "swe-2", "swe-1", 7, "2026-08-01"}));
  ASSERT_EQ(result.changes.size(), 1U);
  EXPECT_EQ(result.changes[0].after.level, "swe-1");
  EXPECT_THAT(render_plan_text(result, "people.csv", false),
              HasSubstr("accepted: row 3 Bob <bob@x.io>: HR's level swe-1 replaces swe-2"));
  const auto json = nlohmann::json::parse(render_plan_json(result, "people.csv", false));
  ASSERT_EQ(json["accepted"].size(), 1U);
  EXPECT_EQ(json["accepted"][0]["promotion"], 7);

  // Applied: Bob's level is HR's, and the override is audited with the case.
  auto store = store::memory::make_store();
  ASSERT_TRUE(store->write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY(w.insert_person(k_current[0]));
    return w.insert_person(k_current[1]).map([](store::Id) {});
  }));
  const auto stored = store->people().value();
  const auto plan = plan_import(small_ladder(), stored,
                                table("Name,Email,Manager Email,Level,Start Date,Status\n"
                                      "Ada,ada@x.io,,mgr-2,,\nBob,bob@x.io,ada@x.io,swe-1,,\n"),
                                promotions, accept);
  ASSERT_TRUE(apply_import(*store, plan, "admin", 1000));
  EXPECT_EQ(store->person_by_email("bob@x.io").value()->level, "swe-1");
  store::AuditQuery query;
  query.action = "person.level-override";
  const auto entries = store->audit(query).value();
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0].subject, "person:2");
  EXPECT_THAT(entries[0].before, HasSubstr("\"promotion\":7"));
  EXPECT_THAT(entries[0].after, HasSubstr("\"level\":\"swe-1\""));
}

TEST(PromotionConflict, LatestApprovalsAreThePublishedApprovalsLatestFirstPerPerson) {
  auto store = store::memory::make_store();
  store::Id ada = 0, bob = 0;
  ASSERT_TRUE(store->write([&](store::Writer& w) -> Result<void> {
    store::Account admin;
    admin.login = "admin";
    admin.password_hash = "x";
    RUNG_TRY_ASSIGN(const auto account, w.insert_account(admin));
    RUNG_TRY_ASSIGN(ada, w.insert_person(person(0, "Ada", "ada@x.io", std::nullopt, "mgr-2")));
    RUNG_TRY_ASSIGN(bob, w.insert_person(person(0, "Bob", "bob@x.io", ada, "swe-3")));
    auto c = bobs_promotion();
    c.person = bob;
    c.opened_by_account = account;
    RUNG_TRY(w.insert_promotion_case(c));  // swe-1 -> swe-2
    c.from_level = "swe-2";
    c.target_level = "swe-3";
    RUNG_TRY(w.insert_promotion_case(c));  // swe-2 -> swe-3, the latest
    c.published = false;
    RUNG_TRY(w.insert_promotion_case(c));  // not published: not counted
    c.published = true;
    c.outcome = store::CaseOutcome::not_now;
    c.person = ada;
    RUNG_TRY(w.insert_promotion_case(c));  // not an approval
    return {};
  }));
  const auto people = store->people().value();
  const auto latest = latest_approvals(*store, people).value();
  ASSERT_EQ(latest.size(), 1U);
  EXPECT_EQ(latest[0].person, bob);
  EXPECT_EQ(latest[0].id, 2);
  EXPECT_EQ(latest[0].target_level, "swe-3");
}

}  // namespace
}  // namespace rung::people
