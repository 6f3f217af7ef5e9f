// How far a review cycle has got, per team (service.hpp, Service::cycle_teams).
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "rung/review/rules.hpp"
#include "rung/review/service.hpp"

namespace rung::review {

namespace {

bool cycle_covers(const store::ReviewCycle& cycle, const std::string& track) {
  return cycle.tracks.empty() ||
         std::find(cycle.tracks.begin(), cycle.tracks.end(), track) != cycle.tracks.end();
}

// Where one person's assessments of the cycle stand.
struct PersonStage {
  bool self_started = false;
  bool self_submitted = false;
  bool manager_started = false;
  bool manager_submitted = false;
};

void count_assessment(PersonStage& stage, const store::Assessment& a) {
  if (a.status == store::AssessmentStatus::withdrawn) {
    return;
  }
  const bool done = a.status == store::AssessmentStatus::submitted;
  if (a.role == store::AuthorRole::self) {
    stage.self_started = true;
    stage.self_submitted = stage.self_submitted || done;
  } else {
    stage.manager_started = true;
    stage.manager_submitted = stage.manager_submitted || done;
  }
}

}  // namespace

Result<std::vector<CycleTeam>> Service::cycle_teams(const auth::Viewer& viewer, store::Id cycle) {
  if (!viewer.admin()) {
    return forbidden("only admins see how a cycle is going across teams");
  }
  RUNG_TRY_ASSIGN(const auto found, m_store.cycle(cycle));
  if (!found) {
    return not_found(fmt::format("no review cycle {}", cycle));
  }
  RUNG_TRY_ASSIGN(const auto people, m_store.people());
  std::map<store::Id, const store::Person*> by_id;
  std::vector<store::Id> ids;
  for (const auto& person : people) {
    by_id.emplace(person.id, &person);
    if (person.status == store::PersonStatus::active && cycle_covers(*found, person.track)) {
      ids.push_back(person.id);
    }
  }
  RUNG_TRY_ASSIGN(const auto assessments, m_store.assessments_of_people(ids));
  std::map<store::Id, PersonStage> stages;
  for (const auto& a : assessments) {
    if (a.cycle == cycle) {
      count_assessment(stages[a.person], a);
    }
  }
  // Keyed by manager id; 0 for people without a manager (ids start at 1).
  std::map<store::Id, CycleTeam> teams;
  for (const store::Id id : ids) {
    const store::Person& person = *by_id.at(id);
    const store::Id key = person.manager.value_or(0);
    CycleTeam& team = teams[key];
    if (team.people == 0 && person.manager) {
      team.manager = person.manager;
      const auto manager = by_id.find(*person.manager);
      team.manager_name = manager == by_id.end() ? "" : manager->second->name;
    }
    const PersonStage& stage = stages[id];
    ++team.people;
    team.self_started += stage.self_started ? 1 : 0;
    team.self_submitted += stage.self_submitted ? 1 : 0;
    team.manager_started += stage.manager_started ? 1 : 0;
    team.manager_submitted += stage.manager_submitted ? 1 : 0;
  }
  std::vector<CycleTeam> out;
  for (auto& [key, team] : teams) {
    out.push_back(std::move(team));
  }
  std::stable_sort(out.begin(), out.end(), [](const CycleTeam& a, const CycleTeam& b) {
    if (a.manager.has_value() != b.manager.has_value()) {
      return a.manager.has_value();
    }
    return a.manager_name < b.manager_name;
  });
  return out;
}

}  // namespace rung::review
