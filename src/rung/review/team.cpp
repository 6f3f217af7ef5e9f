// Team readiness: everyone below a person, their assessments in a cycle and the figures.
#include "rung/review/team.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "rung/people/org.hpp"
#include "rung/review/rules.hpp"
#include "rung/review/service.hpp"
#include "rung/review/team_parts.hpp"

namespace rung::review {

namespace {

// The cycle whose assessments count (team.hpp TeamQuery::cycle); none: every assessment.
Result<std::optional<store::ReviewCycle>> scope_of(const std::vector<store::ReviewCycle>& cycles,
                                                   const TeamQuery& query) {
  if (query.all_cycles) {
    return std::nullopt;
  }
  const store::ReviewCycle* chosen = nullptr;
  for (const auto& cycle : cycles) {
    if (query.cycle ? cycle.id == *query.cycle : cycle.status == store::CycleStatus::open) {
      chosen = &cycle;  // in id order: the last open one is the newest
    }
  }
  if (query.cycle && chosen == nullptr) {
    return not_found(fmt::format("no review cycle with id {}", *query.cycle));
  }
  return chosen ? std::optional(*chosen) : std::nullopt;
}

// The assessments of one person that a row is made of.
struct Picked {
  const store::Assessment* self_submitted = nullptr;     // latest in the scope, any level
  const store::Assessment* self_draft = nullptr;         // most recently changed
  const store::Assessment* manager_submitted = nullptr;  // likewise
  const store::Assessment* manager_draft = nullptr;
  const store::Assessment* self_of_level = nullptr;  // latest submitted of the person's level
  const store::Assessment* manager_of_level = nullptr;
  const store::Assessment* self_of_next = nullptr;  // latest submitted of the next level
  const store::Assessment* manager_of_next = nullptr;
  std::optional<store::Millis> last_assessed;  // any cycle
};

bool later(const store::Assessment* candidate, const store::Assessment* held) {
  return held == nullptr || candidate->submitted_at >= held->submitted_at;
}

Picked pick(const std::vector<const store::Assessment*>& all, const store::Person& person,
            const std::string& next_level, const std::optional<store::ReviewCycle>& scope) {
  Picked out;
  for (const store::Assessment* a : all) {
    const bool self = a->role == store::AuthorRole::self;
    if (a->status == store::AssessmentStatus::withdrawn) {
      continue;  // counts for nothing, neither submitted nor in progress
    }
    const bool submitted = a->status == store::AssessmentStatus::submitted;
    if (submitted) {
      out.last_assessed = std::max(out.last_assessed.value_or(0), a->submitted_at);
    }
    if (scope && a->cycle != scope->id) {
      continue;
    }
    if (!submitted) {
      auto& draft = self ? out.self_draft : out.manager_draft;
      if (draft == nullptr || a->updated_at >= draft->updated_at) {
        draft = a;
      }
      continue;
    }
    auto& latest = self ? out.self_submitted : out.manager_submitted;
    latest = later(a, latest) ? a : latest;
    if (a->level == person.level) {
      auto& of_level = self ? out.self_of_level : out.manager_of_level;
      of_level = later(a, of_level) ? a : of_level;
    } else if (!next_level.empty() && a->level == next_level) {
      auto& of_next = self ? out.self_of_next : out.manager_of_next;
      of_next = later(a, of_next) ? a : of_next;
    }
  }
  return out;
}

Stage stage_of(const store::Assessment* submitted, const store::Assessment* draft) {
  if (submitted != nullptr) {
    return Stage{StageState::submitted, submitted->submitted_at, submitted->id, submitted->level};
  }
  if (draft != nullptr) {
    return Stage{StageState::draft, draft->updated_at, std::nullopt, draft->level};
  }
  return {};
}

const store::Assessment* either(const store::Assessment* manager, const store::Assessment* self) {
  return manager != nullptr ? manager : self;
}

bool may_read_team(const auth::Viewer& viewer, const people::Org& org, store::Id person) {
  return viewer.admin() || is_self(viewer, person) ||
         (viewer.person && org.is_above(viewer.person->id, person));
}

// How far below `root` each of `ids` is (they come breadth first, managers before reports).
std::unordered_map<store::Id, std::size_t> depths(const people::Org& org, store::Id root,
                                                  const std::vector<store::Id>& ids) {
  std::unordered_map<store::Id, std::size_t> out{{root, 0}};
  for (const store::Id id : ids) {
    const store::Person* person = org.find(id);
    const auto manager = person && person->manager ? out.find(*person->manager) : out.end();
    out[id] = manager == out.end() ? 1 : manager->second + 1;
  }
  return out;
}

// The rows before their figures, and what the figures are to be read from.
struct Made {
  std::vector<TeamRow> rows;
  std::vector<Picked> picks;                      // by row
  std::vector<const store::Assessment*> figured;  // submitted assessments with a figure
  std::map<AssessmentPair, std::string> pairs;    // self/manager pairs to flag, with the level
};

Made make_rows(const people::Org& org, const model::Ladder& ladder, store::Id root,
               const std::vector<store::Id>& ids, const AssessmentsByPerson& by_person,
               const std::optional<store::ReviewCycle>& scope) {
  const auto depth = depths(org, root, ids);
  const std::vector<const store::Assessment*> none;
  Made out;
  out.rows.reserve(ids.size());
  out.picks.reserve(ids.size());
  for (const store::Id id : ids) {
    TeamRow row;
    row.person = *org.find(id);
    row.depth = depth.at(id);
    if (const store::Person* manager =
            row.person.manager ? org.find(*row.person.manager) : nullptr) {
      row.manager_name = manager->name;
    }
    const model::Level* next = ladder.next_level(row.person.level);
    row.next_level = next ? next->id : "";
    const auto found = by_person.find(id);
    const Picked picked =
        pick(found == by_person.end() ? none : found->second, row.person, row.next_level, scope);
    row.self = stage_of(picked.self_submitted, picked.self_draft);
    row.manager = stage_of(picked.manager_submitted, picked.manager_draft);
    row.last_assessed = picked.last_assessed;
    for (const store::Assessment* a : {either(picked.manager_of_level, picked.self_of_level),
                                       either(picked.manager_of_next, picked.self_of_next)}) {
      if (a != nullptr) {
        out.figured.push_back(a);
      }
    }
    if (picked.self_of_level && picked.manager_of_level) {
      out.pairs.emplace(AssessmentPair{picked.self_of_level->id, picked.manager_of_level->id},
                        row.person.level);
    }
    out.picks.push_back(picked);
    out.rows.push_back(std::move(row));
  }
  return out;
}

void add_figures(Made& made, const std::unordered_map<store::Id, LevelFigure>& figures,
                 const std::map<AssessmentPair, std::size_t>& flagged,
                 std::unordered_map<store::Id, GrowthProgress>& growth) {
  for (std::size_t i = 0; i < made.rows.size(); ++i) {
    TeamRow& row = made.rows[i];
    const Picked& picked = made.picks[i];
    if (const auto* a = either(picked.manager_of_level, picked.self_of_level)) {
      row.fit = figures.at(a->id);
    }
    if (const auto* a = either(picked.manager_of_next, picked.self_of_next)) {
      row.next = figures.at(a->id);
    }
    if (picked.self_of_level && picked.manager_of_level) {
      const auto count =
          flagged.find(AssessmentPair{picked.self_of_level->id, picked.manager_of_level->id});
      row.flagged = count == flagged.end() ? std::nullopt : std::optional(count->second);
    }
    if (auto progress = growth.find(row.person.id); progress != growth.end()) {
      row.growth = std::move(progress->second);
    }
  }
}

// The viewer's direct reports whose submitted self-assessment waits for a manager's.
std::vector<Awaiting> awaiting_of(const auth::Viewer& viewer, const std::vector<TeamRow>& rows) {
  std::vector<Awaiting> out;
  std::vector<Awaiting> cases;
  for (const TeamRow& row : rows) {
    if (!viewer.person || row.person.manager != viewer.person->id) {
      continue;
    }
    if (row.self.state == StageState::submitted && row.manager.state != StageState::submitted) {
      out.push_back(Awaiting{row.person, row.self.at, AwaitKind::assessment, std::nullopt});
    }
    if (row.open_case && row.open_case_status == store::CaseStatus::draft) {
      cases.push_back(Awaiting{row.person, 0, AwaitKind::finish_case, row.open_case});
    } else if (!row.open_case && row.next && row.next->ready) {
      cases.push_back(Awaiting{row.person, 0, AwaitKind::write_case, std::nullopt});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.self_submitted_at < b.self_submitted_at;
  });
  std::stable_sort(cases.begin(), cases.end(),
                   [](const auto& a, const auto& b) { return a.person.name < b.person.name; });
  out.insert(out.end(), cases.begin(), cases.end());
  return out;
}

}  // namespace

Result<TeamReadiness> Service::team_readiness(const auth::Viewer& viewer, store::Id person,
                                              const TeamQuery& query) {
  RUNG_TRY_ASSIGN(auto everyone, m_store.people());
  const people::Org org(std::move(everyone));
  return team_readiness(viewer, org, person, query);
}

Result<TeamReadiness> Service::team_readiness(const auth::Viewer& viewer, const people::Org& org,
                                              store::Id person, const TeamQuery& query) {
  const store::Person* root = org.find(person);
  if (root == nullptr) {
    return not_found(fmt::format("no person with id {}", person));
  }
  if (!may_read_team(viewer, org, person)) {
    return forbidden("you may see your own team and the teams below it; ask an admin for others");
  }
  TeamReadiness out;
  out.person = *root;
  RUNG_TRY_ASSIGN(out.cycles, m_store.cycles());
  RUNG_TRY_ASSIGN(out.cycle, scope_of(out.cycles, query));
  const std::vector<store::Id> ids = org.all_below(person);
  out.team_size = ids.size();
  RUNG_TRY_ASSIGN(const auto assessments, m_store.assessments_of_people(ids));
  AssessmentsByPerson by_person;
  for (const auto& a : assessments) {
    by_person[a.person].push_back(&a);
  }
  Made made = make_rows(org, m_ladder, person, ids, by_person, out.cycle);
  RUNG_TRY_ASSIGN(const auto figures, m_figures.figures(m_store, m_versions, made.figured));
  RUNG_TRY_ASSIGN(const auto flagged, m_figures.flagged(m_store, m_ladder, made.pairs));
  RUNG_TRY_ASSIGN(auto growth, growth_of(m_store, m_ladder, ids, by_person));
  add_figures(made, figures, flagged, growth);
  RUNG_TRY_ASSIGN(const auto cases, m_store.promotion_cases_of_people(ids));
  std::map<store::Id, const store::PromotionCase*> open_cases;
  for (const auto& c : cases) {
    if (c.status != store::CaseStatus::decided) {
      open_cases[c.person] = &c;
    }
  }
  // The calibrated layer over the submitted manager assessments shown (one read).
  std::vector<store::Id> calibrated_ids;
  for (const TeamRow& row : made.rows) {
    if (row.manager.assessment) {
      calibrated_ids.push_back(*row.manager.assessment);
    }
  }
  RUNG_TRY_ASSIGN(const auto layer, read_calibrations(m_store, calibrated_ids));
  for (TeamRow& row : made.rows) {
    if (auto found = open_cases.find(row.person.id); found != open_cases.end()) {
      row.open_case = found->second->id;
      row.open_case_status = found->second->status;
    }
    if (row.manager.assessment) {
      if (const auto it = layer.find(*row.manager.assessment); it != layer.end()) {
        row.calibration = it->second;
      }
    }
  }
  out.rows = std::move(made.rows);
  out.assessed = static_cast<std::size_t>(std::count_if(
      out.rows.begin(), out.rows.end(), [](const auto& row) { return row.assessed(); }));
  out.awaiting = awaiting_of(viewer, out.rows);
  filter_rows(out.rows, query);
  sort_rows(out.rows, query, m_ladder);
  return out;
}

}  // namespace rung::review
