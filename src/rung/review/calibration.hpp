#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rung/review/raters.hpp"
#include "rung/store/store.hpp"

// The values of calibration sessions (docs/calibration.md) that review::Service hands out.
namespace rung::review {

// What create_session() creates and edit_session() changes. Accounts are named by their
// login, as people know them.
struct SessionRequest {
  store::Id cycle = 0;
  std::string name;
  store::ScopeKind scope = store::ScopeKind::subtree;
  std::optional<store::Id> scope_person;         // subtree: everyone below this person
  std::string scope_track;                       // track: everyone on this track
  std::vector<std::string> scope_levels;         // levels: everyone at one of these levels
  std::string facilitator;                       // a login
  std::vector<std::string> calibrators;          // logins; at least one
  std::vector<store::GuidelineShare> guideline;  // empty, or shares adding up to 100
};

// A pre-vote as a calibrator records it. `expected_version` is 0 for a first vote on the
// subject, else the version of the vote the calibrator last saw.
struct VoteRequest {
  store::VoteSubject subject = store::VoteSubject::outcome;
  store::Id subject_id = 0;  // the person (outcome) or the promotion case
  store::VoteChoice vote = store::VoteChoice::agree;
  std::string note;
  std::int64_t expected_version = 0;
};

// A change made in calibration: one rating of the person's manager assessment (statement and
// a scale point id), or their outcome (statement "", after one of k_outcomes).
struct CalibrateRequest {
  store::Id person = 0;
  std::string statement;
  std::string after;
  std::string reason;  // required
};

// The outcomes a person's manager assessment can have in a session: below their level, meets
// it, or ready for the next (a judgement only the session makes: the assessment is of the
// level held).
inline constexpr std::array<std::string_view, 3> k_outcomes{"below", "meets", "ready"};

// What the viewer may do with a session now.
struct SessionActions {
  bool vote = false;       // a calibrator, while preparing
  bool open = false;       // facilitator or admin, while preparing
  bool close = false;      // facilitator or admin, while discussing
  bool calibrate = false;  // facilitator or admin, while discussing
  bool edit = false;       // admin, while preparing: change or delete the session
};

// One rating of a person's manager assessment, as submitted and as calibrated.
struct CalibratedRating {
  std::string statement;
  std::string area;  // area id
  std::string text;
  std::string submitted;   // scale point id; "" unrated
  std::string calibrated;  // after the session's decisions
};

// A person of the session.
struct SessionPerson {
  store::Person person;
  std::optional<store::Person> manager;         // whom they report to
  std::optional<store::Assessment> assessment;  // latest submitted manager assessment of their
                                                // level in the cycle
  std::string outcome;                    // from the snapshot: "below" / "meets"; "" not assessed
  std::string calibrated_outcome;         // after the session's decisions
  std::vector<CalibratedRating> ratings;  // the assessment's, in level order
  std::optional<store::PromotionCase> promotion;      // their case in the cycle, if any
  std::vector<store::PreVote> votes;                  // on them or their case, as visible
  std::size_t vote_count = 0;                         // every vote on them or their case
  std::vector<store::CalibrationDecision> decisions;  // in id order
};

// How many of the session's people hold a level, against the guideline. Under the small-group
// threshold the count is withheld.
struct LevelShare {
  std::string level;
  std::optional<std::size_t> people;  // none: fewer than the threshold (and not 0)
  std::optional<int> percent;         // of everyone in the session, rounded; none as people
  std::optional<int> guideline;       // the guideline's percent, if it names the level
};

struct SessionView {
  store::CalibrationSession session;
  store::ReviewCycle cycle;
  std::string facilitator;               // login
  std::vector<std::string> calibrators;  // logins, in the session's order
  std::vector<SessionPerson> people;     // by grade, level, then name
  std::vector<LevelShare> distribution;  // in ladder order; empty under the threshold
  std::size_t min_group = 4;             // the small-group threshold
  bool votes_visible = false;            // the viewer sees every calibrator's votes
  std::size_t votes_cast = 0;            // by every calibrator
  SessionActions actions;
  std::optional<RaterReport> raters;  // rater statistics of the cycle, for the managers
};

}  // namespace rung::review
