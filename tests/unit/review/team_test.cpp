// Team readiness (Service::team_readiness), on both stores: the subtree, who may see it, each
// state of an assessment, whose ratings each figure comes from, the cycle scope, the filters,
// sorting, what awaits the viewer and growth progress. Figures are checked by hand against the
// small ladder (review_support.hpp): t-1 alpha 5, beta 1, gamma 4; t-2 alpha 2, beta 3; met at
// "yes"; 80% per area. The org: boss <- lead <- ann, and outsider.
#include <algorithm>

#include <gtest/gtest.h>

#include "review_support.hpp"

namespace rung::review {
namespace {

using store::AuthorRole;
using testing::all_stores;
using testing::ReviewFixture;

using Ratings = std::vector<std::pair<std::string, std::string>>;

class Team : public ReviewFixture {
 protected:
  store::ReviewCycle open_cycle(const std::string& name) {
    return service()
        .open_cycle(admin, {0, name, "2026-01-01", "2026-12-31", {}, store::CycleStatus::open})
        .value();
  }

  TeamReadiness team(const auth::Viewer& viewer, const auth::Viewer& of, TeamQuery query = {}) {
    auto out = service().team_readiness(viewer, id_of(of), query);
    EXPECT_TRUE(out) << out.error().to_string();
    return out ? std::move(*out) : TeamReadiness{};
  }

  static std::vector<std::string> names(const TeamReadiness& team) {
    std::vector<std::string> out;
    for (const auto& row : team.rows) {
      out.push_back(row.person.name);
    }
    return out;
  }

  static const TeamRow& row_of(const TeamReadiness& team, const std::string& name) {
    const auto found = std::find_if(team.rows.begin(), team.rows.end(),
                                    [&](const TeamRow& row) { return row.person.name == name; });
    EXPECT_NE(found, team.rows.end()) << name;
    return *found;
  }

  void move_to(const auth::Viewer& who, const std::string& level) {
    store::Person person = *who.person;
    person.level = level;
    ASSERT_TRUE(store().write([&](store::Writer& w) { return w.update_person(person); }));
  }

  // alpha 4 of 5, beta 1 of 1, gamma 4 of 4: 9 of 10 met, ready for t-1.
  static Ratings good_t1() {
    return {{"t-1-alpha-1", "yes"}, {"t-1-alpha-2", "star"}, {"t-1-alpha-3", "yes"},
            {"t-1-alpha-4", "yes"}, {"t-1-alpha-5", "no"},   {"t-1-beta-1", "star"},
            {"t-1-gamma-1", "yes"}, {"t-1-gamma-2", "yes"},  {"t-1-gamma-3", "yes"},
            {"t-1-gamma-4", "yes"}};
  }
};

TEST_P(Team, IsEveryoneBelowThePersonWithHowFarBelow) {
  const auto of_boss = team(boss, boss);
  EXPECT_EQ(of_boss.team_size, 2U);
  EXPECT_EQ(names(of_boss), (std::vector<std::string>{"ann", "lead"}));
  EXPECT_EQ(row_of(of_boss, "lead").depth, 1U);
  EXPECT_EQ(row_of(of_boss, "ann").depth, 2U);
  EXPECT_EQ(row_of(of_boss, "ann").manager_name, "lead");
  EXPECT_EQ(names(team(lead, lead)), (std::vector<std::string>{"ann"}));
  const auto of_ann = team(ann, ann);
  EXPECT_EQ(of_ann.team_size, 0U);
  EXPECT_TRUE(of_ann.rows.empty());
  EXPECT_EQ(of_ann.person.name, "ann");
}

TEST_P(Team, IsSeenByThePersonAnyoneAboveAndAdminsOnly) {
  EXPECT_TRUE(service().team_readiness(lead, id_of(lead), {}));
  EXPECT_TRUE(service().team_readiness(boss, id_of(lead), {}));
  EXPECT_TRUE(service().team_readiness(admin, id_of(boss), {}));
  EXPECT_EQ(service().team_readiness(ann, id_of(lead), {}).error().code, "review.forbidden");
  EXPECT_EQ(service().team_readiness(outsider, id_of(lead), {}).error().code, "review.forbidden");
  EXPECT_EQ(service().team_readiness(admin, 9999, {}).error().code, "review.not-found");
  EXPECT_EQ(service().team_readiness(admin, 9999, {}).error().kind, ErrorKind::not_found);
  TeamQuery unknown;
  unknown.cycle = 4242;
  EXPECT_EQ(service().team_readiness(boss, id_of(boss), unknown).error().code, "review.not-found");
}

TEST_P(Team, ShowsEachStateWithItsDateAndNoDraftId) {
  const auto cycle = open_cycle("2026");
  EXPECT_EQ(row_of(team(lead, lead), "ann").self.state, StageState::not_started);
  EXPECT_EQ(row_of(team(lead, lead), "ann").self.at, 0);

  auto started = service().start(ann, StartRequest{id_of(ann), AuthorRole::self, "", cycle.id});
  const auto version = rate(ann, started->assessment, {{"t-1-alpha-1", "yes"}});
  auto row = row_of(team(boss, boss), "ann");
  EXPECT_EQ(row.self.state, StageState::draft);
  EXPECT_GT(row.self.at, started->assessment.updated_at);  // the rating changed it
  EXPECT_EQ(row.self.assessment, std::nullopt);            // a draft is its author's
  EXPECT_EQ(row.manager.state, StageState::not_started);
  EXPECT_FALSE(row.assessed());

  const auto done = service().submit(ann, started->assessment.id, version).value();
  row = row_of(team(boss, boss), "ann");
  EXPECT_EQ(row.self.state, StageState::submitted);
  EXPECT_EQ(row.self.at, done.submitted_at);
  EXPECT_EQ(row.self.assessment, done.id);
  EXPECT_EQ(row.self.level_id, "t-1");
  EXPECT_EQ(row.last_assessed, done.submitted_at);
  EXPECT_TRUE(row.assessed());

  draft(boss, ann, AuthorRole::manager);  // outside the cycle: not this cycle's
  EXPECT_EQ(row_of(team(boss, boss), "ann").manager.state, StageState::not_started);
  ASSERT_TRUE(service().start(boss, StartRequest{id_of(ann), AuthorRole::manager, "", cycle.id}));
  EXPECT_EQ(row_of(team(lead, lead), "ann").manager.state, StageState::draft);
}

// Fit from the manager's assessment of the person's level when there is one, else the self's;
// readiness from an assessment of the next level; flagged from both of the person's level.
TEST_P(Team, FiguresComeFromTheSnapshotsTheDocumentationNames) {
  const auto cycle = open_cycle("2026");
  const auto self = submitted(ann, ann, AuthorRole::self, good_t1(), cycle.id);
  auto row = row_of(team(lead, lead), "ann");
  ASSERT_TRUE(row.fit);
  EXPECT_EQ(row.fit->source, AuthorRole::self);
  EXPECT_EQ(row.fit->assessment, self.id);
  EXPECT_EQ(row.fit->met, 9U);
  EXPECT_EQ(row.fit->total, 10U);
  EXPECT_TRUE(row.fit->ready);
  EXPECT_EQ(row.flagged, std::nullopt);  // no manager assessment yet
  EXPECT_EQ(row.next_level, "t-2");
  EXPECT_EQ(row.next, std::nullopt);  // nobody assessed ann against t-2

  // The manager rates alpha-1 "no" (2 steps below "yes") and alpha-2 "part" (2 below "star"):
  // two flagged topics; 0 + ... met: alpha-3, beta-1.
  const auto manager = submitted(lead, ann, AuthorRole::manager,
                                 {{"t-1-alpha-1", "no"},
                                  {"t-1-alpha-2", "part"},
                                  {"t-1-alpha-3", "yes"},
                                  {"t-1-beta-1", "yes"}},
                                 cycle.id);
  row = row_of(team(boss, boss), "ann");
  EXPECT_EQ(row.fit->source, AuthorRole::manager);
  EXPECT_EQ(row.fit->assessment, manager.id);
  EXPECT_EQ(row.fit->met, 2U);
  EXPECT_FALSE(row.fit->ready);
  EXPECT_EQ(row.flagged, 2U);
  const auto side = service().side_by_side(boss, id_of(ann), "").value();
  EXPECT_EQ(row.flagged, side.summary->flagged);
  const auto outcome = service().outcome(boss, manager.id).value();
  EXPECT_EQ(row.fit->met, outcome.fit.met());
  EXPECT_EQ(row.fit->total, outcome.fit.total());

  // Against t-2 (alpha 2 needs 2, beta 3 needs 3): alpha 2 of 2, beta 1 of 3: blocked by the
  // two beta statements not met, 2 missing.
  submitted(ann, ann, AuthorRole::self,
            {{"t-2-alpha-1", "yes"}, {"t-2-alpha-2", "yes"}, {"t-2-beta-1", "yes"}}, cycle.id,
            "t-2");
  row = row_of(team(lead, lead), "ann");
  ASSERT_TRUE(row.next);
  EXPECT_EQ(row.next->source, AuthorRole::self);
  EXPECT_EQ(row.next->level_id, "t-2");
  EXPECT_FALSE(row.next->ready);
  EXPECT_EQ(row.next->blocking, 2U);
  EXPECT_EQ(row.next->missing, 2U);
  // The self-assessment stage is the latest submitted self-assessment, of either level.
  EXPECT_EQ(row.self.level_id, "t-2");

  const auto ready = submitted(lead, ann, AuthorRole::manager,
                               {{"t-2-alpha-1", "yes"},
                                {"t-2-alpha-2", "yes"},
                                {"t-2-beta-1", "yes"},
                                {"t-2-beta-2", "star"},
                                {"t-2-beta-3", "yes"}},
                               cycle.id, "t-2");
  row = row_of(team(lead, lead), "ann");
  EXPECT_EQ(row.next->source, AuthorRole::manager);
  EXPECT_EQ(row.next->assessment, ready.id);
  EXPECT_TRUE(row.next->ready);
  EXPECT_EQ(row.next->blocking, 0U);
  // Asked again, the kept figures answer the same.
  const auto again = row_of(team(lead, lead), "ann");
  EXPECT_EQ(again.fit, row.fit);
  EXPECT_EQ(again.next, row.next);
  EXPECT_EQ(again.flagged, row.flagged);
}

TEST_P(Team, CountsOnlyTheChosenCycleButLastAssessedAnyCycle) {
  const auto first = open_cycle("first");
  const auto old = submitted(ann, ann, AuthorRole::self, good_t1(), first.id);
  ASSERT_TRUE(service().close_cycle(admin, first.id));
  // No cycle open: every assessment counts.
  auto of_lead = team(lead, lead);
  EXPECT_EQ(of_lead.cycle, std::nullopt);
  EXPECT_EQ(row_of(of_lead, "ann").self.state, StageState::submitted);

  const auto second = open_cycle("second");
  of_lead = team(lead, lead);
  ASSERT_TRUE(of_lead.cycle);
  EXPECT_EQ(of_lead.cycle->id, second.id);  // the open one by default
  const auto& row = row_of(of_lead, "ann");
  EXPECT_EQ(row.self.state, StageState::not_started);
  EXPECT_EQ(row.fit, std::nullopt);
  EXPECT_EQ(row.last_assessed, old.submitted_at);
  EXPECT_EQ(of_lead.assessed, 0U);

  TeamQuery closed;
  closed.cycle = first.id;
  EXPECT_EQ(row_of(team(lead, lead, closed), "ann").self.state, StageState::submitted);
  TeamQuery every;
  every.all_cycles = true;
  EXPECT_EQ(team(lead, lead, every).cycle, std::nullopt);
  EXPECT_EQ(team(lead, lead, every).assessed, 1U);
  EXPECT_EQ(row_of(team(lead, lead, every), "ann").fit->met, 9U);
}

TEST_P(Team, FiltersKeepOnlyTheChosenRows) {
  const auto cycle = open_cycle("2026");
  move_to(lead, "t-2");
  const auto of_boss = [&](auto set) {
    TeamQuery query;
    set(query);
    return names(team(boss, boss, query));
  };
  EXPECT_EQ(of_boss([](TeamQuery& q) { q.level = "t-2"; }), (std::vector<std::string>{"lead"}));
  EXPECT_EQ(of_boss([](TeamQuery& q) { q.track = "t"; }),
            (std::vector<std::string>{"ann", "lead"}));
  EXPECT_TRUE(of_boss([](TeamQuery& q) { q.track = "u"; }).empty());
  EXPECT_TRUE(of_boss([](TeamQuery& q) { q.ready = true; }).empty());
  EXPECT_EQ(of_boss([](TeamQuery& q) { q.not_assessed = true; }),
            (std::vector<std::string>{"ann", "lead"}));

  submitted(lead, ann, AuthorRole::manager,
            {{"t-2-alpha-1", "yes"},
             {"t-2-alpha-2", "yes"},
             {"t-2-beta-1", "yes"},
             {"t-2-beta-2", "yes"},
             {"t-2-beta-3", "yes"}},
            cycle.id, "t-2");
  EXPECT_EQ(of_boss([](TeamQuery& q) { q.ready = true; }), (std::vector<std::string>{"ann"}));
  EXPECT_EQ(of_boss([](TeamQuery& q) { q.not_assessed = true; }),
            (std::vector<std::string>{"lead"}));
  const auto filtered = team(boss, boss, [] {
    TeamQuery q;
    q.not_assessed = true;
    return q;
  }());
  EXPECT_EQ(filtered.team_size, 2U);  // before the filters
  EXPECT_EQ(filtered.assessed, 1U);
}

TEST_P(Team, SortsByAnyColumnWithMissingFiguresLast) {
  const auto cycle = open_cycle("2026");
  const auto eve = add_person("eve", id_of(lead));
  const auto bob = add_person("bob", id_of(lead));
  // ann: ready for t-2; eve: assessed against t-2, not ready; bob: not assessed.
  submitted(lead, ann, AuthorRole::manager,
            {{"t-2-alpha-1", "yes"},
             {"t-2-alpha-2", "yes"},
             {"t-2-beta-1", "yes"},
             {"t-2-beta-2", "yes"},
             {"t-2-beta-3", "yes"}},
            cycle.id, "t-2");
  submitted(lead, eve, AuthorRole::manager, {{"t-2-alpha-1", "yes"}}, cycle.id, "t-2");
  const auto sorted = [&](TeamColumn column, bool descending) {
    TeamQuery query;
    query.sort = column;
    query.descending = descending;
    return names(team(lead, lead, query));
  };
  EXPECT_EQ(sorted(TeamColumn::name, false), (std::vector<std::string>{"ann", "bob", "eve"}));
  EXPECT_EQ(sorted(TeamColumn::name, true), (std::vector<std::string>{"eve", "bob", "ann"}));
  EXPECT_EQ(sorted(TeamColumn::readiness, false), (std::vector<std::string>{"ann", "eve", "bob"}));
  EXPECT_EQ(sorted(TeamColumn::readiness, true), (std::vector<std::string>{"eve", "ann", "bob"}));
  EXPECT_EQ(sorted(TeamColumn::manager, true), (std::vector<std::string>{"eve", "ann", "bob"}));
  EXPECT_EQ(sorted(TeamColumn::last_assessed, false),
            (std::vector<std::string>{"ann", "eve", "bob"}));
  EXPECT_EQ(sorted(TeamColumn::flagged, false), (std::vector<std::string>{"ann", "bob", "eve"}));
  for (const TeamColumn column : team_columns()) {
    EXPECT_EQ(team_column(to_string(column)), column);
    EXPECT_EQ(sorted(column, false).size(), 3U) << to_string(column);
  }
  EXPECT_EQ(team_column("nonsense"), std::nullopt);
}

// Rows are moved into place along the cycles of the sorting permutation: any order comes out
// whole, each row once.
TEST_P(Team, SortingKeepsEveryRowWhateverThePermutation) {
  for (const char* name : {"dan", "bea", "cal", "abe", "fay", "ema"}) {
    add_person(name, id_of(lead));
  }
  std::vector<std::string> expected{"abe", "ann", "bea", "cal", "dan", "ema", "fay"};
  EXPECT_EQ(names(team(lead, lead)), expected);
  TeamQuery backwards;
  backwards.descending = true;
  std::reverse(expected.begin(), expected.end());
  EXPECT_EQ(names(team(lead, lead, backwards)), expected);
  TeamQuery by_track;  // one track: all tie, so by name
  by_track.sort = TeamColumn::track;
  by_track.descending = true;
  std::reverse(expected.begin(), expected.end());
  EXPECT_EQ(names(team(lead, lead, by_track)), expected);
}

TEST_P(Team, AwaitingListsTheViewersReportsWhoseSelfAssessmentWaits) {
  const auto cycle = open_cycle("2026");
  const auto eve = add_person("eve", id_of(lead));
  const auto self = submitted(ann, ann, AuthorRole::self, good_t1(), cycle.id);
  submitted(eve, eve, AuthorRole::self, good_t1(), std::nullopt);  // not in the cycle
  auto of_lead = team(lead, lead);
  ASSERT_EQ(of_lead.awaiting.size(), 1U);
  EXPECT_EQ(of_lead.awaiting[0].person.name, "ann");
  EXPECT_EQ(of_lead.awaiting[0].self_submitted_at, self.submitted_at);
  EXPECT_TRUE(team(boss, boss).awaiting.empty());  // ann waits for lead, not for boss
  EXPECT_TRUE(team(admin, lead).awaiting.empty());
  TeamQuery filtered;
  filtered.level = "t-2";
  EXPECT_EQ(team(lead, lead, filtered).awaiting.size(), 1U);  // the filters do not hide it
  submitted(lead, ann, AuthorRole::manager, {{"t-1-alpha-1", "yes"}}, cycle.id);
  EXPECT_TRUE(team(lead, lead).awaiting.empty());
}

TEST_P(Team, AwaitingListsCasesToWriteAndToFinish) {
  const auto cycle = open_cycle("2026");
  submitted(lead, ann, AuthorRole::manager,
            {{"t-2-alpha-1", "yes"},
             {"t-2-alpha-2", "yes"},
             {"t-2-beta-1", "yes"},
             {"t-2-beta-2", "star"},
             {"t-2-beta-3", "yes"}},
            cycle.id, "t-2");
  ASSERT_TRUE(row_of(team(lead, lead), "ann").next->ready);
  auto of_lead = team(lead, lead);
  ASSERT_EQ(of_lead.awaiting.size(), 1U);
  EXPECT_EQ(of_lead.awaiting[0].person.name, "ann");
  EXPECT_EQ(of_lead.awaiting[0].kind, AwaitKind::write_case);
  EXPECT_TRUE(team(boss, boss).awaiting.empty());  // a case for ann is lead's to write

  const auto opened =
      service().open_case(lead, CaseRequest{id_of(ann), "t-2", cycle.id, "Ready for t-2."});
  ASSERT_TRUE(opened) << opened.error().to_string();
  of_lead = team(lead, lead);
  ASSERT_EQ(of_lead.awaiting.size(), 1U);
  EXPECT_EQ(of_lead.awaiting[0].kind, AwaitKind::finish_case);
  EXPECT_EQ(of_lead.awaiting[0].promotion, opened->id);
  const auto row = row_of(of_lead, "ann");
  EXPECT_EQ(row.open_case, opened->id);
  EXPECT_EQ(row.open_case_status, store::CaseStatus::draft);

  ASSERT_TRUE(service().submit_case(lead, opened->id, opened->version));
  EXPECT_TRUE(team(lead, lead).awaiting.empty());  // submitted: nothing left to write
}

TEST_P(Team, GrowthIsTheNewestPlansChecklistProgress) {
  submitted(ann, ann, AuthorRole::self, {{"t-2-alpha-1", "yes"}}, std::nullopt, "t-2");
  EXPECT_EQ(row_of(team(lead, lead), "ann").growth, std::nullopt);
  ASSERT_TRUE(service().set_target(ann, id_of(ann), "t-1"));
  const auto plan = service().set_target(ann, id_of(ann), "t-2").value();
  ASSERT_TRUE(service().tick(ann, plan.id, "t-2-beta-1", true));
  ASSERT_TRUE(service().tick(ann, plan.id, "t-2-alpha-1", true));  // met already: not a gap
  const auto checklist = service().checklist(lead, plan.id).value();
  const auto growth = row_of(team(lead, lead), "ann").growth;
  ASSERT_TRUE(growth);
  EXPECT_EQ(growth->plan, plan.id);
  EXPECT_EQ(growth->target_level, "t-2");
  EXPECT_EQ(growth->total, checklist.items.size());
  EXPECT_EQ(growth->total, 4U);  // alpha-2, beta 1-3
  EXPECT_EQ(growth->done, 1U);
}

// Nothing in a team's figures is read per person per statement: the answer for a bigger team
// is the same kind of value, and the figures match what the person pages show (checked above);
// here, a person whose level the ladder lacks still gets a row without figures.
TEST_P(Team, APersonAtALevelTheLadderLacksStillHasARow) {
  move_to(ann, "x-9");
  const TeamRow row = row_of(team(lead, lead), "ann");
  EXPECT_EQ(row.next_level, "");
  EXPECT_EQ(row.fit, std::nullopt);
  EXPECT_EQ(row.self.state, StageState::not_started);
}

INSTANTIATE_TEST_SUITE_P(Store, Team, all_stores(), store::testing::implementation_name);

}  // namespace
}  // namespace rung::review
