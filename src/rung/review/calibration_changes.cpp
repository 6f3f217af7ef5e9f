// Calibration sessions: pre-votes, opening the discussion, calibrating, closing
// (docs/calibration.md).
#include <algorithm>

#include <fmt/format.h>

#include "rung/assess/ratings.hpp"
#include "rung/core/text.hpp"
#include "rung/review/frozen.hpp"
#include "rung/review/promotion_frame.hpp"
#include "rung/review/rules.hpp"
#include "rung/review/service.hpp"

namespace rung::review {

namespace {

std::string session_subject(store::Id id) {
  return fmt::format("calibration:{}", id);
}

nlohmann::json vote_json(const store::PreVote& v) {
  return {{"session", v.session},
          {"calibrator", v.calibrator},
          {"subject", store::to_string(v.subject)},
          {"subject_id", v.subject_id},
          {"vote", store::to_string(v.vote)},
          {"note", v.note},
          {"version", v.version}};
}

nlohmann::json decision_json(const store::CalibrationDecision& d) {
  return {{"id", d.id},
          {"session", d.session},
          {"person", d.person},
          {"assessment", d.assessment},
          {"statement", d.statement},
          {"before", d.before},
          {"after", d.after},
          {"reason", d.reason}};
}

tl::unexpected<Error> wrong_state(const store::CalibrationSession& s, std::string_view wanted) {
  return fail(ErrorKind::conflict, "review.session-state",
              fmt::format("the calibration session '{}' is {}; this needs it {}", s.name,
                          store::to_string(s.state), wanted));
}

tl::unexpected<Error> bad_vote(std::string message) {
  return fail("review.bad-vote", std::move(message));
}

// The session's cycle and whether the person is one of the session's people.
Result<bool> person_in(store::Reader& r, const store::CalibrationSession& s, store::Id person) {
  RUNG_TRY_ASSIGN(const auto cycle, r.cycle(s.cycle));
  RUNG_TRY_ASSIGN(const auto found, r.person(person));
  if (!cycle || !found) {
    return false;
  }
  return in_session(r, s, *cycle, *found);
}

// The frame of a change to a session: find it, check, compare versions, change a copy with
// the version bumped, store it and audit it.
using SessionEdit = std::function<Result<void>(store::Writer& w, store::CalibrationSession& next)>;

SaveResult<store::CalibrationSession> change_session(
    store::Store& store, const auth::Viewer& viewer, store::Id id, std::int64_t expected_version,
    std::string_view action, store::Millis at, store::SessionState from, std::string_view wanted,
    const SessionEdit& edit) {
  std::optional<Conflict> conflict;
  store::CalibrationSession saved;
  auto done = store.write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(const auto current, find_session(w, viewer, id));
    RUNG_TRY(require_session_runner(viewer, current));
    if (current.state != from) {
      return wrong_state(current, wanted);
    }
    if (current.version != expected_version) {
      conflict = Conflict{current.version, expected_version, "", std::nullopt, ""};
      return fail(ErrorKind::conflict, "review.conflict",
                  "someone else changed this calibration session since you opened it; your "
                  "change was not saved",
                  {}, "reload the session to see what changed, then try again");
    }
    saved = current;
    saved.version = current.version + 1;
    saved.updated_at = at;
    RUNG_TRY(edit(w, saved));
    RUNG_TRY(w.update_calibration_session(saved));
    return w
        .append_audit(audit_entry(viewer, at, std::string(action), session_subject(saved.id),
                                  calibration_session_json(current),
                                  calibration_session_json(saved)))
        .map([](store::Id) {});
  });
  if (!done) {
    return tl::unexpected(SaveError{done.error(), std::move(conflict)});
  }
  return saved;
}

Result<void> check_reason_text(std::string_view reason, std::size_t limit) {
  if (trim(reason).empty() || find_invalid_utf8(reason)) {
    return fail("review.bad-reason", "say why the rating or outcome is calibrated", {},
                "for example: the evidence shows this across three projects");
  }
  if (reason.size() > limit) {
    return fail("review.bad-reason",
                fmt::format("the reason is {} bytes; the limit is {}", reason.size(), limit));
  }
  return {};
}

}  // namespace

SaveResult<store::PreVote> Service::vote(const auth::Viewer& viewer, store::Id session,
                                         const VoteRequest& request) {
  auto bad = [](Error error) { return tl::unexpected(SaveError{std::move(error), std::nullopt}); };
  if (auto ok = check_case_text(request.note, m_options.max_case_bytes, "the note"); !ok) {
    return bad(ok.error());
  }
  const store::Millis at = now();
  std::optional<Conflict> conflict;
  store::PreVote saved;
  auto done = m_store.write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(const auto s, find_session(w, viewer, session));
    if (!is_calibrator(viewer, s)) {
      return forbidden(
          fmt::format("{} is not a calibrator of the session '{}'", viewer.account.login, s.name));
    }
    if (s.state != store::SessionState::preparing) {
      return wrong_state(s, "preparing: pre-votes close when the discussion opens");
    }
    store::Id person = request.subject_id;
    if (request.subject == store::VoteSubject::promotion) {
      RUNG_TRY_ASSIGN(const auto c, w.promotion_case(request.subject_id));
      if (!c || c->cycle != s.cycle) {
        return bad_vote(
            fmt::format("promotion case {} is not in this session's cycle", request.subject_id));
      }
      person = c->person;
    }
    RUNG_TRY_ASSIGN(const bool in, person_in(w, s, person));
    if (!in) {
      return bad_vote(fmt::format("person {} is not one of the session's people", person));
    }
    RUNG_TRY_ASSIGN(const auto votes, w.pre_votes(s.id));
    std::optional<store::PreVote> current;
    for (const auto& v : votes) {
      if (v.calibrator == viewer.account.id && v.subject == request.subject &&
          v.subject_id == request.subject_id) {
        current = v;
      }
    }
    const std::int64_t stored = current ? current->version : 0;
    if (stored != request.expected_version) {
      conflict = Conflict{stored, request.expected_version, "", std::nullopt, ""};
      return fail(ErrorKind::conflict, "review.conflict",
                  "your vote was changed since you opened this session (in another tab); this "
                  "change was not saved",
                  {}, "reload the session to see your vote, then vote again");
    }
    saved = store::PreVote{s.id,
                           viewer.account.id,
                           request.subject,
                           request.subject_id,
                           request.vote,
                           std::string(trim(request.note)),
                           stored + 1,
                           at};
    RUNG_TRY(w.put_pre_vote(saved));
    return w
        .append_audit(audit_entry(viewer, at, "calibration.vote", session_subject(s.id),
                                  current ? vote_json(*current) : nlohmann::json(),
                                  vote_json(saved)))
        .map([](store::Id) {});
  });
  if (!done) {
    return tl::unexpected(SaveError{done.error(), std::move(conflict)});
  }
  return saved;
}

SaveResult<store::CalibrationSession> Service::open_discussion(const auth::Viewer& viewer,
                                                               store::Id id,
                                                               std::int64_t expected_version) {
  const store::Millis at = now();
  return change_session(
      m_store, viewer, id, expected_version, "calibration.open", at, store::SessionState::preparing,
      "preparing", [&](store::Writer& w, store::CalibrationSession& next) -> Result<void> {
        next.state = store::SessionState::discussing;
        next.opened_at = at;
        // The submitted cases of the session's people in its cycle are taken up for review.
        RUNG_TRY_ASSIGN(const auto cases, w.promotion_cases_in_cycle(next.cycle));
        for (const auto& c : cases) {
          if (c.status != store::CaseStatus::submitted) {
            continue;
          }
          RUNG_TRY_ASSIGN(const bool in, person_in(w, next, c.person));
          if (!in) {
            continue;
          }
          store::PromotionCase moved = c;
          moved.status = store::CaseStatus::in_review;
          moved.version = c.version + 1;
          moved.updated_at = at;
          RUNG_TRY(w.update_promotion_case(moved));
          RUNG_TRY(w.append_audit(audit_entry(viewer, at, "promotion.review", case_subject(c.id),
                                              promotion_case_json(c), promotion_case_json(moved))));
        }
        return {};
      });
}

SaveResult<store::CalibrationSession> Service::close_session(const auth::Viewer& viewer,
                                                             store::Id id,
                                                             std::int64_t expected_version) {
  const store::Millis at = now();
  return change_session(m_store, viewer, id, expected_version, "calibration.close", at,
                        store::SessionState::discussing, "discussing",
                        [&](store::Writer&, store::CalibrationSession& next) -> Result<void> {
                          next.state = store::SessionState::closed;
                          next.closed_at = at;
                          return {};
                        });
}

Result<store::CalibrationDecision> Service::calibrate(const auth::Viewer& viewer, store::Id session,
                                                      const CalibrateRequest& request) {
  RUNG_TRY(check_reason_text(request.reason, m_options.max_case_bytes));
  const store::Millis at = now();
  store::CalibrationDecision out;
  RUNG_TRY(m_store.write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(const auto s, find_session(w, viewer, session));
    RUNG_TRY(require_session_runner(viewer, s));
    if (s.state != store::SessionState::discussing) {
      return wrong_state(s, "discussing: calibrate once the discussion is open");
    }
    RUNG_TRY_ASSIGN(const bool in, person_in(w, s, request.person));
    if (!in) {
      return fail("review.bad-calibration",
                  fmt::format("person {} is not one of the session's people", request.person));
    }
    RUNG_TRY_ASSIGN(const auto person, find_person(w, request.person));
    RUNG_TRY_ASSIGN(const auto all, w.assessments_of(request.person));
    std::vector<store::Assessment> in_cycle;
    for (const auto& a : all) {
      if (a.cycle == s.cycle) {
        in_cycle.push_back(a);
      }
    }
    const auto assessment = latest_submitted(in_cycle, store::AuthorRole::manager, person.level);
    const auto snapshot =
        assessment ? w.snapshot(assessment->id) : Result<std::optional<store::Snapshot>>();
    if (!assessment || !snapshot || !*snapshot) {
      return fail("review.bad-calibration",
                  fmt::format("{} has no submitted manager assessment of their level in this "
                              "cycle to calibrate",
                              person.name));
    }
    RUNG_TRY_ASSIGN(const auto frozen, read_snapshot(w, **snapshot, m_versions));
    RUNG_TRY_ASSIGN(const auto earlier, w.calibration_decisions(s.id));
    // Before: the snapshot with the session's earlier decisions laid over it.
    std::string before;
    if (request.statement.empty()) {
      if (std::find(k_outcomes.begin(), k_outcomes.end(), request.after) == k_outcomes.end()) {
        return fail(
            "review.bad-calibration",
            fmt::format("'{}' is not an outcome; say below, meets or ready", request.after));
      }
      assess::Ratings calibrated = frozen.ratings;
      std::string decided;
      for (const auto& d : earlier) {
        if (d.assessment == assessment->id) {
          (d.statement.empty() ? decided : calibrated[d.statement]) = d.after;
        }
      }
      RUNG_TRY_ASSIGN(const auto ready,
                      assess::readiness(*frozen.ladder, frozen.level_id, calibrated));
      before = decided.empty() ? (ready.ready ? "meets" : "below") : decided;
    } else {
      RUNG_TRY(check_statement(*frozen.ladder, frozen.level_id, request.statement));
      if (auto ok = assess::check_scale_point(*frozen.ladder, request.after); !ok) {
        return fail("review.bad-calibration", ok.error().message);
      }
      const auto it = frozen.ratings.find(request.statement);
      before = it == frozen.ratings.end() ? "" : it->second;
      for (const auto& d : earlier) {
        if (d.assessment == assessment->id && d.statement == request.statement) {
          before = d.after;
        }
      }
    }
    if (before == request.after) {
      return fail("review.bad-calibration",
                  fmt::format("the {} is already '{}': nothing to change",
                              request.statement.empty() ? "outcome" : "rating", before));
    }
    out = store::CalibrationDecision{0,
                                     s.id,
                                     person.id,
                                     assessment->id,
                                     request.statement,
                                     before,
                                     request.after,
                                     std::string(trim(request.reason)),
                                     viewer.account.id,
                                     at};
    RUNG_TRY_ASSIGN(out.id, w.insert_calibration_decision(out));
    return w
        .append_audit(audit_entry(viewer, at, "calibration.decide", session_subject(s.id), nullptr,
                                  decision_json(out)))
        .map([](store::Id) {});
  }));
  return out;
}

}  // namespace rung::review
