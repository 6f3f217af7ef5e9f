#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rung/store/review_records.hpp"

// The value types of calibration sessions (schema 6): a session in a review cycle with its
// scope, facilitator, calibrators and guideline; the calibrators' pre-votes; and the decision
// records every calibrated rating or outcome leaves. Plain values; the rules (who may do what,
// states, the lock on assessments) are rung::review's (docs/calibration.md).
namespace rung::store {

// preparing -> discussing -> closed. Pre-votes are taken while preparing; the manager
// assessments of the session's people are locked while discussing.
enum class SessionState { preparing, discussing, closed };
// Who is in a session: everyone below a person, a track, or a band of levels.
enum class ScopeKind { subtree, track, levels };
enum class VoteChoice { agree, disagree, question };
// What a pre-vote is about: a person's manager outcome, or a promotion case.
enum class VoteSubject { outcome, promotion };

std::string_view to_string(SessionState state);   // "preparing" / "discussing" / "closed"
std::string_view to_string(ScopeKind kind);       // "subtree" / "track" / "levels"
std::string_view to_string(VoteChoice choice);    // "agree" / "disagree" / "question"
std::string_view to_string(VoteSubject subject);  // "outcome" / "case"
// The value named by to_string, or nullopt.
std::optional<SessionState> session_state_from(std::string_view text);
std::optional<ScopeKind> scope_kind_from(std::string_view text);
std::optional<VoteChoice> vote_choice_from(std::string_view text);
std::optional<VoteSubject> vote_subject_from(std::string_view text);

// The share of a session's people a level should hold, in whole percent.
struct GuidelineShare {
  std::string level;  // ladder level id
  int percent = 0;

  friend bool operator==(const GuidelineShare&, const GuidelineShare&) = default;
};

struct CalibrationSession {
  Id id = 0;     // assigned by the store on insert
  Id cycle = 0;  // the ReviewCycle it belongs to
  std::string name;
  ScopeKind scope = ScopeKind::subtree;
  std::optional<Id> scope_person;         // subtree: the person at the top
  std::string scope_track;                // track: the track id
  std::vector<std::string> scope_levels;  // levels: the level ids of the band
  Id facilitator = 0;                     // the Account that runs the discussion
  std::vector<Id> calibrators;            // Accounts that pre-vote, in the order named
  std::vector<GuidelineShare> guideline;  // empty: no guideline; else adds up to 100
  SessionState state = SessionState::preparing;
  Id created_by = 0;         // the Account that created it
  std::int64_t version = 1;  // +1 on every change; optimistic concurrency
  Millis created_at = 0;
  Millis updated_at = 0;
  Millis opened_at = 0;  // when the discussion opened; 0 before
  Millis closed_at = 0;  // 0 until closed

  friend bool operator==(const CalibrationSession&, const CalibrationSession&) = default;
};

// One calibrator's vote on one subject of a session, one per (session, calibrator, subject,
// subject_id); a later vote replaces it.
struct PreVote {
  Id session = 0;
  Id calibrator = 0;  // the Account
  VoteSubject subject = VoteSubject::outcome;
  Id subject_id = 0;  // the Person (outcome) or the PromotionCase (promotion)
  VoteChoice vote = VoteChoice::agree;
  std::string note;
  std::int64_t version = 1;  // +1 on every change of this vote
  Millis updated_at = 0;

  friend bool operator==(const PreVote&, const PreVote&) = default;
};

// A change made in calibration: never an edit of the submitted snapshot, but a record read
// over it. Written once.
struct CalibrationDecision {
  Id id = 0;  // assigned by the store on insert
  Id session = 0;
  Id person = 0;
  Id assessment = 0;      // the submitted manager assessment calibrated
  std::string statement;  // the statement of a calibrated rating; "" for the outcome
  std::string before;     // the scale point (or outcome) before
  std::string after;      // and after
  std::string reason;     // required
  Id account = 0;         // who decided
  Millis at = 0;

  friend bool operator==(const CalibrationDecision&, const CalibrationDecision&) = default;
};

}  // namespace rung::store
