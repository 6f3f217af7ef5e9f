// The rules of calibration sessions (rules.hpp): who may read and run a session, who is in it,
// and the lock on the manager assessments of its people while it discusses.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "rung/review/rules.hpp"

namespace rung::review {

bool is_facilitator(const auth::Viewer& viewer, const store::CalibrationSession& session) {
  return session.facilitator == viewer.account.id;
}

bool is_calibrator(const auth::Viewer& viewer, const store::CalibrationSession& session) {
  return std::find(session.calibrators.begin(), session.calibrators.end(), viewer.account.id) !=
         session.calibrators.end();
}

bool may_read_session(const auth::Viewer& viewer, const store::CalibrationSession& session) {
  return viewer.admin() || is_facilitator(viewer, session) || is_calibrator(viewer, session);
}

bool votes_visible(const auth::Viewer& viewer, const store::CalibrationSession& session,
                   const store::PreVote& vote) {
  return vote.calibrator == viewer.account.id || session.state != store::SessionState::preparing;
}

Result<void> require_session_runner(const auth::Viewer& viewer,
                                    const store::CalibrationSession& session) {
  if (viewer.admin() || is_facilitator(viewer, session)) {
    return {};
  }
  return forbidden(fmt::format("only the facilitator of '{}' or an admin may do this, not {}",
                               session.name, viewer.account.login));
}

Result<store::CalibrationSession> find_session(store::Reader& reader, const auth::Viewer& viewer,
                                               store::Id id) {
  RUNG_TRY_ASSIGN(auto session, reader.calibration_session(id));
  if (!session || !may_read_session(viewer, *session)) {
    return not_found(fmt::format("no calibration session with id {}", id));
  }
  return std::move(*session);
}

namespace {

// Whether `top` is above the person, walking up the stored line (people::Org's rules: an
// inactive manager ends the line; a loop is followed once).
Result<bool> below(store::Reader& reader, const store::Person& person, store::Id top) {
  std::optional<store::Person> at = person;
  std::set<store::Id> seen{person.id};
  while (at && at->manager && seen.insert(*at->manager).second) {
    RUNG_TRY_ASSIGN(at, reader.person(*at->manager));
    if (!at || at->status != store::PersonStatus::active) {
      return false;
    }
    if (at->id == top) {
      return true;
    }
  }
  return false;
}

}  // namespace

Result<bool> in_session(store::Reader& reader, const store::CalibrationSession& session,
                        const store::ReviewCycle& cycle, const store::Person& person) {
  if (person.status != store::PersonStatus::active) {
    return false;
  }
  if (!cycle.tracks.empty() &&
      std::find(cycle.tracks.begin(), cycle.tracks.end(), person.track) == cycle.tracks.end()) {
    return false;
  }
  switch (session.scope) {
    case store::ScopeKind::track:
      return person.track == session.scope_track;
    case store::ScopeKind::levels:
      return std::find(session.scope_levels.begin(), session.scope_levels.end(), person.level) !=
             session.scope_levels.end();
    case store::ScopeKind::subtree:
      return session.scope_person ? below(reader, person, *session.scope_person)
                                  : Result<bool>(false);
  }
  return false;
}

Result<void> check_not_calibrating(store::Reader& reader, const store::Assessment& assessment) {
  if (assessment.role != store::AuthorRole::manager || !assessment.cycle) {
    return {};
  }
  RUNG_TRY_ASSIGN(const auto sessions, reader.calibration_sessions());
  std::optional<store::Person> person;
  std::optional<store::ReviewCycle> cycle;
  for (const auto& session : sessions) {
    if (session.state != store::SessionState::discussing || session.cycle != *assessment.cycle) {
      continue;
    }
    if (!person) {
      RUNG_TRY_ASSIGN(person, reader.person(assessment.person));
      RUNG_TRY_ASSIGN(cycle, reader.cycle(*assessment.cycle));
      if (!person || !cycle) {
        return {};
      }
    }
    RUNG_TRY_ASSIGN(const bool in, in_session(reader, session, *cycle, *person));
    if (in) {
      return fail(ErrorKind::conflict, "review.locked",
                  fmt::format("{}'s manager assessments are locked while the calibration "
                              "session '{}' is discussing them",
                              person->name, session.name),
                  {}, "wait until the facilitator closes the session");
    }
  }
  return {};
}

nlohmann::json calibration_session_json(const store::CalibrationSession& s) {
  auto guideline = nlohmann::json::array();
  for (const auto& share : s.guideline) {
    guideline.push_back({{"level", share.level}, {"percent", share.percent}});
  }
  return {{"id", s.id},
          {"cycle", s.cycle},
          {"name", s.name},
          {"scope", store::to_string(s.scope)},
          {"scope_person", s.scope_person ? nlohmann::json(*s.scope_person) : nlohmann::json()},
          {"scope_track", s.scope_track},
          {"scope_levels", s.scope_levels},
          {"facilitator", s.facilitator},
          {"calibrators", s.calibrators},
          {"guideline", guideline},
          {"state", store::to_string(s.state)},
          {"version", s.version}};
}

}  // namespace rung::review
