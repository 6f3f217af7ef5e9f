#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "rung/assess/fit.hpp"
#include "rung/assess/gaps.hpp"
#include "rung/assess/ratings.hpp"
#include "rung/assess/readiness.hpp"
#include "rung/core/error.hpp"
#include "rung/review/calibrated.hpp"
#include "rung/store/store.hpp"

// The values rung::review hands out: what a save returns or why it failed, an assessment with
// its ratings, the side-by-side view, figures from a snapshot, the growth checklist, progress.
namespace rung::review {

// A save made against an older version of the assessment than the stored one.
struct Conflict {
  std::int64_t current_version = 0;             // the assessment's version in the store
  std::int64_t sent_version = 0;                // the expected_version the caller sent
  std::string statement;                        // the statement the save was about
  std::optional<store::Rating> current_rating;  // what the store holds for it now (none: unrated)
  std::string sent_scale;                       // the rating the caller sent ("" for evidence)
};

// Why a save failed: `error` always (code "review.*", "assess.*", "ladder.*" or "store.*");
// `conflict` when error.code is "review.conflict" (an HTTP 409 with both versions).
struct SaveError {
  Error error;
  std::optional<Conflict> conflict;
};

template <class T>
using SaveResult = tl::expected<T, SaveError>;

// An assessment as its reader sees it.
struct AssessmentView {
  store::Assessment assessment;
  assess::Ratings ratings;                // statement id -> scale id
  std::vector<store::Evidence> evidence;  // ordered by id
};

// One statement of the level in the side-by-side view.
struct SideBySideRow {
  std::string statement_id;
  std::string area_id;
  std::string text;
  std::string self_rating;     // scale id; "" when unrated or no self assessment is visible
  std::string manager_rating;  // likewise
  // |self - manager| in steps of the scale (positions, not scores), when both rated.
  std::optional<std::size_t> divergence;
  // A topic for the conversation: divergence >= k_divergence_steps, or `across_meets`.
  bool flagged = false;
  // Both rated and one rating meets the statement (assess::is_met) while the other does not.
  bool across_meets = false;
  // Filled by Service::side_by_side only: the evidence of the shown self and manager
  // assessments for this statement, and what was agreed in the conversation (both submitted).
  std::vector<store::Evidence> self_evidence;
  std::vector<store::Evidence> manager_evidence;
  std::optional<store::Agreement> agreement;
};

inline constexpr std::size_t k_divergence_steps = 2;

// Shared once both assessments are submitted: the figures both can see.
struct SharedSummary {
  std::size_t statements = 0;  // rows
  std::size_t agreed = 0;      // rated the same by both
  std::size_t one_step = 0;    // one step apart
  std::size_t apart = 0;       // k_divergence_steps or more apart
  std::size_t unrated = 0;     // not rated by both
  std::size_t flagged = 0;  // topics (SideBySideRow::flagged): `apart` and one step across "meets"
  std::size_t settled = 0;  // topics with a rating agreed in the conversation
  assess::LevelFit self_fit;
  assess::LevelFit manager_fit;
};

struct SideBySide {
  store::Id person = 0;
  std::string level_id;
  // The assessments shown: the latest submitted of each role, or the viewer's own draft of
  // that role when there is one (drafts are visible to their author only).
  std::optional<store::Assessment> self;
  std::optional<store::Assessment> manager;
  std::vector<SideBySideRow> rows;       // the level's statements, area then document order
  std::optional<SharedSummary> summary;  // only when both shown are submitted
  // The viewer may record agreements (Service::agree): both shown are submitted and the viewer
  // is above the person (rules.hpp, may_record_agreement).
  bool may_agree = false;
  // What calibration sessions changed of the shown manager assessment (when submitted):
  // ratings and the outcome, beside the submitted ones (calibrated.hpp).
  Calibration calibration;
};

// One agreement to record (Service::agree): about `statement`, between a submitted self
// assessment and a submitted manager assessment of the same person and level.
struct AgreementRequest {
  store::Id self_assessment = 0;
  store::Id manager_assessment = 0;
  std::string statement;
  std::string scale;  // the rating agreed on; "" for none yet
  std::string note;   // what was said; may be ""
};

// Fit and readiness of a submitted assessment against the level it assessed, computed from
// its snapshot (the ladder, statements and ratings as they were at submit).
struct Outcome {
  store::Id assessment = 0;
  std::string level_id;
  std::string ladder_digest;    // which ladder version the figures come from
  assess::LevelFit fit;         // per area: met / not met / unrated statement ids
  assess::Readiness readiness;  // the ladder's policy applied to the assessed level
  // That ladder version itself (statement texts, areas, scale), for showing the figures with
  // the words they were computed from. Shared and immutable.
  std::shared_ptr<const model::Ladder> ladder;
};

// One line of a growth plan's checklist.
struct ChecklistItem {
  std::string area_id;
  std::string statement_id;
  std::string text;
  std::string rating;  // the latest submitted rating; "" when unrated
  bool done = false;
  std::vector<store::Id> evidence;
  std::string note{};         // the item's note ("" for none)
  std::string target_date{};  // YYYY-MM-DD or ""
  std::string done_by{};      // who ticked it: their name, else their login; "" while not done
  store::Millis done_at = 0;
};

// A change to one item of a growth plan (Service::change_items): each field set is applied,
// the others stay as stored.
struct PlanItemChange {
  std::string statement{};                   // a statement of the plan's target level
  std::optional<bool> done{};                // tick (records who and when) or untick
  std::optional<std::string> note{};         // replaces the note; "" clears it
  std::optional<std::string> target_date{};  // YYYY-MM-DD, or "" for none
  std::optional<store::Id> evidence{};       // evidence of one of the person's assessments to link
  // Evidence linked by mistake, to unlink: only the link goes, the evidence stays in its
  // assessment; unlinking what is not linked changes nothing.
  std::optional<store::Id> unlink{};
};

struct Checklist {
  store::GrowthPlanRecord plan;
  std::vector<ChecklistItem> items;  // the gaps (assess::gaps), area then document order
};

// How far a review cycle has got in one team: the active people on the cycle's tracks who
// report directly to one manager (people with no manager make a team of their own).
struct CycleTeam {
  std::optional<store::Id> manager;  // none: people without a manager
  std::string manager_name;          // "" for none
  std::size_t people = 0;
  std::size_t self_started = 0;  // with a self-assessment in the cycle, draft or submitted
  std::size_t self_submitted = 0;
  std::size_t manager_started = 0;  // with a manager assessment in the cycle
  std::size_t manager_submitted = 0;
};

// The met share of one submitted assessment that belongs to a cycle.
struct ProgressPoint {
  store::Id cycle = 0;
  std::string cycle_name;
  store::AuthorRole role = store::AuthorRole::self;
  store::Id assessment = 0;
  std::string level_id;
  std::size_t met = 0;
  std::size_t total = 0;
};

}  // namespace rung::review
