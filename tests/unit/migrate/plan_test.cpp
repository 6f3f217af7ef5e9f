// The migration plan on the built-in ladder edited one way at a time (tests/data/migrate/): each
// edit is found as what it is, everything else is kept; and check_plan's rules on plans
// changed by hand.
#include "rung/migrate/plan.hpp"

#include <map>
#include <string>

#include <gtest/gtest.h>

#include "rung/builtin/builtin.hpp"
#include "rung/format/ladder_yaml.hpp"
#include "rung/migrate/map.hpp"

#include "support/golden.hpp"

namespace rung::migrate {
namespace {

model::Ladder edited(std::string_view name) {
  const auto path =
      test_support::source_root() / "tests/data/migrate" / (std::string(name) + ".yaml");
  auto data = format::load_ladder_file(path);
  if (!data) {
    ADD_FAILURE() << data.error().front().to_string();
    return builtin::engineering_ladder();
  }
  return model::Ladder(std::move(*data));
}

std::map<std::string, Entry> by_old(const Plan& plan) {
  std::map<std::string, Entry> out;
  for (const auto& entry : plan.entries) {
    out[entry.old_id] = entry;
  }
  return out;
}

// Every entry not named in `changed` is kept with its own id.
void expect_rest_kept(const Plan& plan, const std::map<std::string, Fate>& changed) {
  for (const auto& entry : plan.entries) {
    const auto found = changed.find(entry.old_id);
    if (found != changed.end()) {
      EXPECT_EQ(to_string(entry.fate), to_string(found->second)) << entry.old_id;
    } else {
      EXPECT_EQ(to_string(entry.fate), "kept") << entry.old_id;
      EXPECT_EQ(entry.targets, std::vector<std::string>{entry.old_id});
    }
  }
}

const model::Ladder& builtin_ladder() {
  return builtin::engineering_ladder();
}

TEST(MigratePlan, SameLadderKeepsEverything) {
  const Plan plan = make_plan(builtin_ladder(), builtin_ladder());
  expect_rest_kept(plan, {});
  EXPECT_TRUE(plan.added.empty());
  EXPECT_TRUE(check_plan(plan, builtin_ladder(), builtin_ladder()).empty());
}

TEST(MigratePlan, Reword) {
  const auto after = edited("reword");
  const Plan plan = make_plan(builtin_ladder(), after);
  expect_rest_kept(plan, {{"swe-1-role-2", Fate::reworded}});
  const Entry entry = by_old(plan).at("swe-1-role-2");
  EXPECT_EQ(entry.targets, std::vector<std::string>{"swe-1-role-2"});
  EXPECT_GT(entry.score, 0.5);
  EXPECT_TRUE(plan.added.empty());
  EXPECT_TRUE(check_plan(plan, builtin_ladder(), after).empty());
}

TEST(MigratePlan, MoveToAnotherArea) {
  const auto after = edited("move");
  const Plan plan = make_plan(builtin_ladder(), after);
  expect_rest_kept(plan, {{"swe-1-domain-4", Fate::moved}});
  EXPECT_EQ(by_old(plan).at("swe-1-domain-4").targets, std::vector<std::string>{"swe-1-domain-4"});
  EXPECT_TRUE(check_plan(plan, builtin_ladder(), after).empty());
}

TEST(MigratePlan, SplitIntoTwo) {
  const auto after = edited("split");
  const Plan plan = make_plan(builtin_ladder(), after);
  expect_rest_kept(plan, {{"swe-1-delivery-6", Fate::split}});
  const Entry entry = by_old(plan).at("swe-1-delivery-6");
  EXPECT_EQ(entry.targets, (std::vector<std::string>{"swe-1-delivery-6", "swe-1-delivery-10"}));
  EXPECT_TRUE(plan.added.empty());
  EXPECT_TRUE(check_plan(plan, builtin_ladder(), after).empty());
}

TEST(MigratePlan, MergeOfTwo) {
  const auto after = edited("merge");
  const Plan plan = make_plan(builtin_ladder(), after);
  expect_rest_kept(plan, {{"swe-1-domain-1", Fate::merged}, {"swe-1-domain-2", Fate::merged}});
  const auto entries = by_old(plan);
  EXPECT_EQ(entries.at("swe-1-domain-1").targets, std::vector<std::string>{"swe-1-domain-1"});
  EXPECT_EQ(entries.at("swe-1-domain-2").targets, std::vector<std::string>{"swe-1-domain-1"});
  EXPECT_TRUE(check_plan(plan, builtin_ladder(), after).empty());
}

TEST(MigratePlan, Drop) {
  const auto after = edited("drop");
  const Plan plan = make_plan(builtin_ladder(), after);
  expect_rest_kept(plan, {{"swe-1-communication-3", Fate::dropped}});
  EXPECT_TRUE(by_old(plan).at("swe-1-communication-3").targets.empty());
  EXPECT_TRUE(check_plan(plan, builtin_ladder(), after).empty());
}

TEST(MigratePlan, NewLevelIsAdded) {
  const auto after = edited("new-level");
  const Plan plan = make_plan(builtin_ladder(), after);
  expect_rest_kept(plan, {});
  EXPECT_EQ(plan.added, (std::vector<std::string>{"swe-5-role-1", "swe-5-delivery-1"}));
  EXPECT_TRUE(check_plan(plan, builtin_ladder(), after).empty());
}

TEST(MigratePlan, MapReadsBackAsWritten) {
  const auto after = edited("all-edits");
  Plan plan = make_plan(builtin_ladder(), after);
  plan.before = {"builtin", "fnv1a64:0"};
  plan.after = {"all-edits.yaml", "fnv1a64:1"};
  const auto read = read_map(render_map(plan, builtin_ladder(), after), "map.yaml");
  ASSERT_TRUE(read) << read.error().front().to_string();
  ASSERT_EQ(read->entries.size(), plan.entries.size());
  for (std::size_t i = 0; i < plan.entries.size(); ++i) {
    EXPECT_EQ(read->entries[i].old_id, plan.entries[i].old_id);
    EXPECT_EQ(read->entries[i].fate, plan.entries[i].fate);
    EXPECT_EQ(read->entries[i].targets, plan.entries[i].targets);
  }
  EXPECT_EQ(read->added, plan.added);
  EXPECT_EQ(read->before.file, "builtin");
  EXPECT_EQ(read->after.digest, "fnv1a64:1");
  EXPECT_TRUE(check_plan(*read, builtin_ladder(), after).empty());
}

std::vector<std::string> codes_of(const Errors& errors) {
  std::vector<std::string> codes;
  for (const auto& error : errors) {
    codes.push_back(error.code);
  }
  return codes;
}

TEST(MigrateCheck, RefusesWhatDoesNotFit) {
  Plan plan = make_plan(builtin_ladder(), builtin_ladder());
  plan.entries[0].old_id = "nope";                             // unknown; swe-1-role-1 unmapped
  plan.entries[1].targets = {"swe-1-role-2", "swe-1-role-3"};  // kept with two targets
  plan.entries.push_back(plan.entries[2]);                     // mapped twice
  const auto codes = codes_of(check_plan(plan, builtin_ladder(), builtin_ladder()));
  EXPECT_EQ(codes, (std::vector<std::string>{"migrate.unknown-statement", "migrate.bad-targets",
                                             "migrate.mapped-twice", "migrate.mapped-twice",
                                             "migrate.unmapped"}));
}

}  // namespace
}  // namespace rung::migrate
