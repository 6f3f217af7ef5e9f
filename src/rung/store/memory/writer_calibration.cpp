// The calibration session operations of StateWriter (writer.hpp).
#include <fmt/format.h>

#include "rung/store/memory/writer.hpp"

namespace rung::store::memory {

Result<std::optional<CalibrationSession>> StateWriter::calibration_session(Id id) {
  return find_in(m_state.calibration_sessions, id);
}

Result<std::vector<CalibrationSession>> StateWriter::calibration_sessions() {
  std::vector<CalibrationSession> out;
  for (const auto& [id, session] : m_state.calibration_sessions) {
    out.push_back(session);
  }
  return out;
}

Result<std::vector<PreVote>> StateWriter::pre_votes(Id session) {
  std::vector<PreVote> out;
  for (const auto& [key, vote] : m_state.pre_votes) {
    if (vote.session == session) {
      out.push_back(vote);
    }
  }
  return out;
}

Result<std::vector<CalibrationDecision>> StateWriter::calibration_decisions(Id session) {
  std::vector<CalibrationDecision> out;
  for (const auto& [id, decision] : m_state.calibration_decisions) {
    if (decision.session == session) {
      out.push_back(decision);
    }
  }
  return out;
}

Result<void> StateWriter::check_calibration_session(const CalibrationSession& s) const {
  if (!m_state.cycles.contains(s.cycle)) {
    return missing("review cycle", s.cycle);
  }
  if (s.scope_person && !m_state.people.contains(*s.scope_person)) {
    return missing("person", *s.scope_person);
  }
  if (!m_state.accounts.contains(s.facilitator)) {
    return missing("account", s.facilitator);
  }
  if (!m_state.accounts.contains(s.created_by)) {
    return missing("account", s.created_by);
  }
  return {};
}

Result<Id> StateWriter::insert_calibration_session(const CalibrationSession& session) {
  RUNG_TRY(check_calibration_session(session));
  CalibrationSession stored = session;
  stored.id = m_state.next_calibration_session++;
  m_state.calibration_sessions[stored.id] = stored;
  return stored.id;
}

Result<void> StateWriter::update_calibration_session(const CalibrationSession& session) {
  if (!m_state.calibration_sessions.contains(session.id)) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no calibration session with id {}", session.id));
  }
  RUNG_TRY(check_calibration_session(session));
  m_state.calibration_sessions[session.id] = session;
  return {};
}

Result<std::size_t> StateWriter::delete_calibration_session(Id id) {
  if (!m_state.calibration_sessions.contains(id)) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no calibration session with id {}", id));
  }
  for (const auto& entry : m_state.calibration_decisions) {
    if (entry.second.session == id) {
      return fail(ErrorKind::conflict, "store.conflict",
                  fmt::format("calibration session {} has decisions: it cannot be deleted", id));
    }
  }
  const auto removed = std::erase_if(m_state.pre_votes,
                                     [&](const auto& entry) { return entry.second.session == id; });
  m_state.calibration_sessions.erase(id);
  return removed;
}

Result<void> StateWriter::put_pre_vote(const PreVote& vote) {
  if (!m_state.calibration_sessions.contains(vote.session)) {
    return missing("calibration session", vote.session);
  }
  if (!m_state.accounts.contains(vote.calibrator)) {
    return missing("account", vote.calibrator);
  }
  m_state.pre_votes[{vote.session, vote.calibrator, vote.subject, vote.subject_id}] = vote;
  return {};
}

Result<Id> StateWriter::insert_calibration_decision(const CalibrationDecision& decision) {
  if (!m_state.calibration_sessions.contains(decision.session)) {
    return missing("calibration session", decision.session);
  }
  if (!m_state.people.contains(decision.person)) {
    return missing("person", decision.person);
  }
  if (!m_state.assessments.contains(decision.assessment)) {
    return missing("assessment", decision.assessment);
  }
  if (!m_state.accounts.contains(decision.account)) {
    return missing("account", decision.account);
  }
  CalibrationDecision stored = decision;
  stored.id = m_state.next_calibration_decision++;
  m_state.calibration_decisions[stored.id] = stored;
  return stored.id;
}

}  // namespace rung::store::memory
