// The calibration session operations of ConnectionWriter (writer.hpp; migrations.cpp, schema 6).
#include <string>

#include <fmt/format.h>

#include "rung/store/sqlite/rows.hpp"
#include "rung/store/sqlite/writer.hpp"

namespace rung::store::sqlite {

namespace {

constexpr std::string_view k_calibration_session_columns =
    "SELECT id, cycle, name, scope, scope_person, scope_track, scope_levels, facilitator, "
    "calibrators, guideline, state, created_by, version, created_at, updated_at, opened_at, "
    "closed_at FROM calibration_session ";

void bind_calibration_session(Statement& statement, const CalibrationSession& s) {
  statement.bind(1, s.cycle)
      .bind(2, std::string_view(s.name))
      .bind(3, to_string(s.scope))
      .bind(4, s.scope_person)
      .bind(5, std::string_view(s.scope_track))
      .bind(6, std::string_view(json_list(s.scope_levels)))
      .bind(7, s.facilitator)
      .bind(8, std::string_view(json_list(s.calibrators)))
      .bind(9, std::string_view(guideline_json(s.guideline)))
      .bind(10, to_string(s.state))
      .bind(11, s.created_by)
      .bind(12, s.version)
      .bind(13, s.created_at)
      .bind(14, s.updated_at)
      .bind(15, s.opened_at)
      .bind(16, s.closed_at);
}

// Runs a write; a broken constraint becomes "store.conflict" with `message`.
Result<void> run_calibration_write(Query& query, std::string_view message) {
  if (auto done = query->run(); !done) {
    if (done.error().code == "store.conflict") {
      return fail(ErrorKind::conflict, "store.conflict", std::string(message));
    }
    return done;
  }
  return {};
}

}  // namespace

Result<std::optional<CalibrationSession>> ConnectionWriter::calibration_session(Id id) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query(fmt::format("{}WHERE id = ?1", k_calibration_session_columns)));
  query->bind(1, id);
  return one_row<CalibrationSession>(query, read_calibration_session);
}

Result<std::vector<CalibrationSession>> ConnectionWriter::calibration_sessions() {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query(fmt::format("{}ORDER BY id", k_calibration_session_columns)));
  return all_rows<CalibrationSession>(query, read_calibration_session);
}

Result<std::vector<PreVote>> ConnectionWriter::pre_votes(Id session) {
  RUNG_TRY_ASSIGN(
      auto query,
      m_db.query("SELECT session, calibrator, subject, subject_id, vote, note, version, "
                 "updated_at FROM pre_vote WHERE session = ?1 ORDER BY calibrator, CASE subject "
                 "WHEN 'outcome' THEN 0 ELSE 1 END, subject_id"));
  query->bind(1, session);
  return all_rows<PreVote>(query, read_pre_vote);
}

Result<std::vector<CalibrationDecision>> ConnectionWriter::calibration_decisions(Id session) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("SELECT id, session, person, assessment, statement, before, after, "
                             "reason, account, at FROM calibration_decision WHERE session = ?1 "
                             "ORDER BY id"));
  query->bind(1, session);
  return all_rows<CalibrationDecision>(query, read_calibration_decision);
}

Result<Id> ConnectionWriter::insert_calibration_session(const CalibrationSession& s) {
  RUNG_TRY_ASSIGN(
      auto query,
      m_db.query("INSERT INTO calibration_session (cycle, name, scope, scope_person, "
                 "scope_track, scope_levels, facilitator, calibrators, guideline, state, "
                 "created_by, version, created_at, updated_at, opened_at, closed_at) VALUES ("
                 "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
                 ""));
  bind_calibration_session(*query, s);
  RUNG_TRY(run_calibration_write(
      query, "calibration session: a cycle, person or account it names does not exist"));
  return m_db.last_insert_id();
}

Result<void> ConnectionWriter::update_calibration_session(const CalibrationSession& s) {
  RUNG_TRY_ASSIGN(
      auto query,
      m_db.query("UPDATE calibration_session SET cycle = ?1, name = ?2, scope = ?3, "
                 "scope_person = ?4, scope_track = ?5, scope_levels = ?6, facilitator = ?7, "
                 "calibrators = ?8, guideline = ?9, state = ?10, created_by = ?11, version = "
                 "?12, created_at = ?13, updated_at = ?14, opened_at = ?15, closed_at = ?16 "
                 "WHERE id = ?17"));
  bind_calibration_session(*query, s);
  query->bind(17, s.id);
  RUNG_TRY(run_calibration_write(
      query, "calibration session: a cycle, person or account it names does not exist"));
  if (m_db.changes() == 0) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no calibration session with id {}", s.id));
  }
  return {};
}

Result<std::size_t> ConnectionWriter::delete_calibration_session(Id id) {
  RUNG_TRY_ASSIGN(auto votes, m_db.query("DELETE FROM pre_vote WHERE session = ?1"));
  votes->bind(1, id);
  RUNG_TRY(run_calibration_write(votes, "pre-votes of the calibration session"));
  const auto removed = static_cast<std::size_t>(m_db.changes());
  RUNG_TRY_ASSIGN(auto query, m_db.query("DELETE FROM calibration_session WHERE id = ?1"));
  query->bind(1, id);
  RUNG_TRY(run_calibration_write(
      query, fmt::format("calibration session {} has decisions: it cannot be deleted", id)));
  if (m_db.changes() == 0) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no calibration session with id {}", id));
  }
  return removed;
}

Result<void> ConnectionWriter::put_pre_vote(const PreVote& v) {
  RUNG_TRY_ASSIGN(
      auto query,
      m_db.query("INSERT INTO pre_vote (session, calibrator, subject, subject_id, vote, note, "
                 "version, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT "
                 "(session, calibrator, subject, subject_id) DO UPDATE SET vote = excluded.vote, "
                 "note = excluded.note, version = excluded.version, updated_at = "
                 "excluded.updated_at"));
  query->bind(1, v.session)
      .bind(2, v.calibrator)
      .bind(3, to_string(v.subject))
      .bind(4, v.subject_id)
      .bind(5, to_string(v.vote))
      .bind(6, std::string_view(v.note))
      .bind(7, v.version)
      .bind(8, v.updated_at);
  return run_calibration_write(
      query,
      fmt::format("pre-vote: no calibration session {} or account {}", v.session, v.calibrator));
}

Result<Id> ConnectionWriter::insert_calibration_decision(const CalibrationDecision& d) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("INSERT INTO calibration_decision (session, person, assessment, "
                             "statement, before, after, reason, account, at) VALUES (?1, ?2, ?3, "
                             "?4, ?5, ?6, ?7, ?8, ?9)"));
  query->bind(1, d.session)
      .bind(2, d.person)
      .bind(3, d.assessment)
      .bind(4, std::string_view(d.statement))
      .bind(5, std::string_view(d.before))
      .bind(6, std::string_view(d.after))
      .bind(7, std::string_view(d.reason))
      .bind(8, d.account)
      .bind(9, d.at);
  RUNG_TRY(run_calibration_write(query,
                                 "calibration decision: a session, person, assessment or "
                                 "account it names does not exist"));
  return m_db.last_insert_id();
}

}  // namespace rung::store::sqlite
