// Service::migrate: open drafts and growth plans move to a new ladder version as a (hand-made)
// plan says; submitted assessments, drafts of review cycles and everything of a dry run or a
// refused plan stay exactly as they were. Run against the memory store, SQLite and PostgreSQL.
#include <algorithm>
#include <map>
#include <stdexcept>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "review_support.hpp"

namespace rung::review {
namespace {

using store::AuthorRole;
using testing::all_stores;
using testing::ReviewFixture;

model::Statement& statement_in(model::LadderData& data, std::string_view id) {
  for (auto& track : data.tracks) {
    for (auto& level : track.levels) {
      for (auto& block : level.areas) {
        for (auto& statement : block.statements) {
          if (statement.id == id) {
            return statement;
          }
        }
      }
    }
  }
  throw std::runtime_error("no statement " + std::string(id));
}

std::vector<model::Statement>& block_of(model::LadderData& data, std::string_view level,
                                        std::string_view area) {
  for (auto& track : data.tracks) {
    for (auto& l : track.levels) {
      for (auto& block : l.areas) {
        if (l.id == level && block.area == area) {
          return block.statements;
        }
      }
    }
  }
  throw std::runtime_error("no block");
}

void erase_statement(std::vector<model::Statement>& statements, std::string_view id) {
  std::erase_if(statements, [&](const model::Statement& s) { return s.id == id; });
}

// The small ladder's next version:
//   t-1-alpha-1 reworded under a new id (t-1-alpha-1-new); t-1-alpha-2 split into itself and
//   t-1-alpha-6; t-1-beta-1 moved to gamma as t-1-gamma-5; t-1-gamma-4 dropped;
//   t-2-alpha-1 and t-2-alpha-2 merged into t-2-alpha-1.
model::Ladder next_version(const model::Ladder& before) {
  model::LadderData data = before.data();
  statement_in(data, "t-1-alpha-1") = {"t-1-alpha-1-new", "Text of t-1-alpha-1, reworded", {}, {}};
  block_of(data, "t-1", "alpha").push_back({"t-1-alpha-6", "The other half of alpha 2", {}, {}});
  erase_statement(block_of(data, "t-1", "beta"), "t-1-beta-1");
  data.tracks[0].levels[0].areas.erase(data.tracks[0].levels[0].areas.begin() + 1);  // beta
  block_of(data, "t-1", "gamma").push_back({"t-1-gamma-5", "Text of t-1-beta-1", {}, {}});
  erase_statement(block_of(data, "t-1", "gamma"), "t-1-gamma-4");
  erase_statement(block_of(data, "t-2", "alpha"), "t-2-alpha-2");
  return model::Ladder(std::move(data));
}

migrate::Plan plan_between(const model::Ladder& before, const model::Ladder& after) {
  const std::map<std::string, migrate::Entry> changed{
      {"t-1-alpha-1", {"t-1-alpha-1", migrate::Fate::reworded, {"t-1-alpha-1-new"}, 0.8, {}}},
      {"t-1-alpha-2",
       {"t-1-alpha-2", migrate::Fate::split, {"t-1-alpha-2", "t-1-alpha-6"}, 0.6, {}}},
      {"t-1-beta-1", {"t-1-beta-1", migrate::Fate::moved, {"t-1-gamma-5"}, 1, {}}},
      {"t-1-gamma-4", {"t-1-gamma-4", migrate::Fate::dropped, {}, 0, {}}},
      {"t-2-alpha-1", {"t-2-alpha-1", migrate::Fate::merged, {"t-2-alpha-1"}, 1, {}}},
      {"t-2-alpha-2", {"t-2-alpha-2", migrate::Fate::merged, {"t-2-alpha-1"}, 0.5, {}}},
  };
  migrate::Plan plan;
  plan.before = {"old.yaml", ladder_version(before).digest};
  plan.after = {"new.yaml", ladder_version(after).digest};
  for (const auto& track : before.tracks()) {
    for (const auto& level : track.levels) {
      for (const auto& block : level.areas) {
        for (const auto& statement : block.statements) {
          const auto found = changed.find(statement.id);
          plan.entries.push_back(
              found != changed.end()
                  ? found->second
                  : migrate::Entry{statement.id, migrate::Fate::kept, {statement.id}, 1, {}});
        }
      }
    }
  }
  EXPECT_TRUE(migrate::check_plan(plan, before, after).empty());
  return plan;
}

std::map<std::string, std::string> ratings_of(store::Store& store, store::Id assessment) {
  std::map<std::string, std::string> out;
  const auto ratings = store.ratings(assessment).value();
  for (const auto& rating : ratings) {
    out[rating.statement] = rating.scale;
  }
  return out;
}

class Migration : public ReviewFixture {
 protected:
  void SetUp() override {
    ReviewFixture::SetUp();
    m_after = std::make_unique<model::Ladder>(next_version(ladder()));
    m_next = std::make_unique<Service>(store(), *m_after, options());
    plan = plan_between(ladder(), *m_after);

    // ann's running self draft, with evidence.
    ann_draft = draft(ann, ann, AuthorRole::self);
    rate(ann, ann_draft,
         {{"t-1-alpha-1", "yes"},
          {"t-1-alpha-2", "part"},
          {"t-1-alpha-3", "yes"},
          {"t-1-beta-1", "star"},
          {"t-1-gamma-4", "no"}});
    const auto version = store().assessment(ann_draft.id).value()->version;
    EXPECT_TRUE(
        service().add_evidence(ann, ann_draft.id, version, "t-1-alpha-1", "Design doc", ""));
    EXPECT_TRUE(
        service().add_evidence(ann, ann_draft.id, version + 1, "t-1-gamma-4", "Old talk", ""));
    // lead's draft of ann in a review cycle: it finishes on the old version.
    const auto cycle = service().open_cycle(admin, {0, "H1", "2026-01-01", "2026-06-30", {}, {}});
    EXPECT_TRUE(cycle);
    auto started =
        service().start(lead, StartRequest{id_of(ann), AuthorRole::manager, "", cycle->id});
    EXPECT_TRUE(started);
    cycle_draft = started->assessment;
    rate(lead, cycle_draft, {{"t-1-alpha-1", "yes"}});
    // boss's submitted self-assessment: never touched.
    boss_submitted = submitted(boss, boss, AuthorRole::self, {{"t-1-alpha-1", "star"}});
    // ann's plan towards t-2.
    ann_plan = service().set_target(ann, id_of(ann), "t-2").value();
    EXPECT_TRUE(service().tick(ann, ann_plan.id, "t-2-beta-1", true));
    EXPECT_TRUE(service().tick(ann, ann_plan.id, "t-2-alpha-1", true));
    EXPECT_TRUE(service().change_items(ann, ann_plan.id, {{"t-2-alpha-2", {}, "Pair with Bo"}}));
  }

  Service& next() { return *m_next; }

  migrate::Plan plan;
  store::Assessment ann_draft, cycle_draft, boss_submitted;
  store::GrowthPlanRecord ann_plan;

 private:
  std::unique_ptr<model::Ladder> m_after;
  std::unique_ptr<Service> m_next;
};

const MigrationLine& line_of(const MigrationReport& report, const std::string& subject) {
  const auto found = std::find_if(report.lines.begin(), report.lines.end(),
                                  [&](const MigrationLine& l) { return l.subject == subject; });
  if (found == report.lines.end()) {
    throw std::runtime_error("no line " + subject);
  }
  return *found;
}

TEST_P(Migration, DryRunReportsAndChangesNothing) {
  const auto before = state();
  const auto report = next().migrate(admin, ladder(), plan, false);
  ASSERT_TRUE(report) << report.error().to_string();
  EXPECT_FALSE(report->applied);
  const auto& draft_line = line_of(*report, fmt::format("assessment:{}", ann_draft.id));
  EXPECT_EQ(draft_line.followed, 3U);  // alpha-1 and beta-1 ratings, alpha-1's evidence
  EXPECT_EQ(draft_line.flagged, 1U);   // alpha-2 (split)
  EXPECT_EQ(draft_line.archived, 1U);  // gamma-4 (dropped)
  EXPECT_EQ(draft_line.flags,
            (std::vector<std::string>{"t-1-alpha-2 was split into t-1-alpha-2, t-1-alpha-6: rate "
                                      "them again"}));
  EXPECT_NE(line_of(*report, fmt::format("assessment:{}", cycle_draft.id)).stays, "");
  const auto& plan_line = line_of(*report, fmt::format("plan:{}", ann_plan.id));
  EXPECT_EQ(plan_line.flagged, 2U);  // t-2-alpha-1 and -2 merged
  EXPECT_EQ(state(), before);
}

TEST_P(Migration, ApplyMovesDraftsAndPlansAndKeepsTheRest) {
  const auto boss_snapshot = store().snapshot(boss_submitted.id).value();
  const auto boss_ratings = ratings_of(store(), boss_submitted.id);
  const auto cycle_ratings = ratings_of(store(), cycle_draft.id);
  const auto report = next().migrate(admin, ladder(), plan, true);
  ASSERT_TRUE(report) << report.error().to_string();
  EXPECT_TRUE(report->applied);

  // Ratings follow kept, reworded and moved statements; split and dropped ones are taken out.
  EXPECT_EQ(ratings_of(store(), ann_draft.id),
            (std::map<std::string, std::string>{
                {"t-1-alpha-1-new", "yes"}, {"t-1-alpha-3", "yes"}, {"t-1-gamma-5", "star"}}));
  const auto moved = store().assessment(ann_draft.id).value();
  EXPECT_GT(moved->version, ann_draft.version);
  EXPECT_EQ(moved->status, store::AssessmentStatus::draft);
  // Evidence follows; the dropped statement's stays as it was written.
  const auto evidence = store().evidence(ann_draft.id).value();
  ASSERT_EQ(evidence.size(), 2U);
  EXPECT_EQ(evidence[0].statement, "t-1-alpha-1-new");
  EXPECT_EQ(evidence[1].statement, "t-1-gamma-4");
  // The next version's service reads the draft as one of its own.
  EXPECT_TRUE(next().save_rating(ann, ann_draft.id, moved->version, "t-1-alpha-6", "part"));

  // Untouched: a submitted assessment and its snapshot, a draft of a review cycle.
  EXPECT_EQ(store().snapshot(boss_submitted.id).value(), boss_snapshot);
  EXPECT_EQ(ratings_of(store(), boss_submitted.id), boss_ratings);
  EXPECT_EQ(ratings_of(store(), cycle_draft.id), cycle_ratings);

  // The plan: the kept tick stays; the merged statements' items are taken out for the rater.
  const auto items = store().plan_items(ann_plan.id).value();
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0].statement, "t-2-beta-1");
  EXPECT_TRUE(items[0].done);

  // An audit entry per moved draft and plan, with what was archived and flagged.
  store::AuditQuery query;
  query.action = "assessment.migrate";
  const auto drafts = store().audit(query).value();
  ASSERT_EQ(drafts.size(), 1U);
  EXPECT_EQ(drafts[0].subject, fmt::format("assessment:{}", ann_draft.id));
  const auto after = nlohmann::json::parse(drafts[0].after);
  EXPECT_EQ(after["archived"],
            nlohmann::json::parse(R"([{"statement":"t-1-gamma-4","scale":"no"}])"));
  EXPECT_EQ(after["flagged"],
            nlohmann::json::parse(R"([{"statement":"t-1-alpha-2","scale":"part"}])"));
  query.action = "plan.migrate";
  const auto plans = store().audit(query).value();
  ASSERT_EQ(plans.size(), 1U);
  EXPECT_EQ(nlohmann::json::parse(plans[0].after)["flagged"].size(), 2U);

  // A map is applied once: t-1-alpha-2 is a statement of the new version too.
  query.action = "ladder.migrate";
  EXPECT_EQ(store().audit(query).value().size(), 1U);
  const auto before_again = state();
  const auto again = next().migrate(admin, ladder(), plan, true);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "migrate.already-applied");
  EXPECT_EQ(state(), before_again);
}

TEST_P(Migration, ARefusedPlanChangesNothing) {
  const auto before = state();
  auto wrong = plan;
  wrong.after.digest = "fnv1a64:0000000000000000";
  EXPECT_EQ(next().migrate(admin, ladder(), wrong, true).error().code, "migrate.wrong-ladder");
  auto broken = plan;
  broken.entries.pop_back();  // a statement left unmapped
  EXPECT_EQ(next().migrate(admin, ladder(), broken, true).error().code, "migrate.unmapped");
  EXPECT_EQ(next().migrate(ann, ladder(), plan, true).error().code, "review.forbidden");
  EXPECT_EQ(state(), before);
}

INSTANTIATE_TEST_SUITE_P(Review, Migration, all_stores(), store::testing::implementation_name);

}  // namespace
}  // namespace rung::review
