#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rung/review/calibrated.hpp"
#include "rung/store/store.hpp"

// Team readiness (docs/team-readiness.md): everyone below a person in the reporting line, one
// row each, with where their assessments stand in a review cycle and the figures that come from
// them. Service::team_readiness (service.hpp) builds it; these are its values.
//
// Whose ratings each figure comes from:
// - `self` / `manager`: the person's self-assessments and the manager assessments of them in
//   the scope (any level): the latest submitted one, else the most recently changed draft (its
//   existence and date only: a draft's ratings are its author's);
// - `fit`: the latest submitted assessment in the scope of the person's own level, the
//   manager's when there is one, else the self-assessment; fit from its snapshot (frozen.hpp);
// - `next`: likewise of the next level of the person's track: its readiness, from its snapshot;
// - `flagged`: side by side's flagged count between the latest submitted self and manager
//   assessments in the scope of the person's level (both needed);
// - `growth`: the person's newest growth plan, as its checklist counts (any cycle);
// - `last_assessed`: the latest submit of any assessment of the person (any cycle, either role).
namespace rung::review {

// The columns a team can be sorted by.
enum class TeamColumn {
  name,
  track,
  level,
  self,
  manager,
  fit,
  readiness,
  flagged,
  growth,
  last_assessed,
};

// "name", "track", ..., "last_assessed": the names the query string and the API use.
std::string_view to_string(TeamColumn column);
// The column of a name, or nullopt.
std::optional<TeamColumn> team_column(std::string_view name);
// Every column, in table order.
const std::vector<TeamColumn>& team_columns();

// Which rows, from which assessments, in which order.
struct TeamQuery {
  // The review cycle whose assessments count. None: the open cycle (the newest, when several
  // are open), or every assessment when no cycle is open.
  std::optional<store::Id> cycle;
  bool all_cycles = false;    // every assessment, in a cycle or not (overrides `cycle`)
  std::string track;          // only people on this track id ("": every track)
  std::string level;          // only people at this level id ("": every level)
  bool ready = false;         // only people ready for their next level
  bool not_assessed = false;  // only people with no submitted assessment in the scope
  TeamColumn sort = TeamColumn::name;
  bool descending = false;  // missing figures sort last either way; ties go by name
};

enum class StageState { not_started, draft, submitted };

std::string_view to_string(StageState state);  // "not_started" / "draft" / "submitted"

// Where one role's assessment of a person stands in the scope.
struct Stage {
  StageState state = StageState::not_started;
  store::Millis at = 0;                 // submitted_at, or the draft's updated_at; 0: not started
  std::optional<store::Id> assessment;  // the submitted assessment (never a draft's id)
  std::string level_id;                 // the level it assesses ("" when not started)

  friend bool operator==(const Stage&, const Stage&) = default;
};

// The figures of one submitted assessment against the level it assessed, from its snapshot.
struct LevelFigure {
  store::Id assessment = 0;
  store::AuthorRole source = store::AuthorRole::manager;  // whose ratings
  std::string level_id;
  std::size_t met = 0;       // statements met
  std::size_t total = 0;     // statements of the level
  bool ready = false;        // the ladder's readiness policy holds for that level
  std::size_t blocking = 0;  // statements of the short areas not met yet (assess::Readiness)
  std::size_t missing = 0;   // how many more of them must be met

  friend bool operator==(const LevelFigure&, const LevelFigure&) = default;
};

// Progress on the person's newest growth plan, as its checklist page counts it.
struct GrowthProgress {
  store::Id plan = 0;
  std::string target_level;
  std::size_t done = 0;   // checklist items ticked
  std::size_t total = 0;  // checklist items (statements of the target not met yet)

  friend bool operator==(const GrowthProgress&, const GrowthProgress&) = default;
};

struct TeamRow {
  store::Person person;
  std::size_t depth = 1;               // 1: a direct report of the team's person
  std::string manager_name;            // whom they report to
  Stage self;                          // their self-assessment in the scope
  Stage manager;                       // a manager assessment of them in the scope
  std::optional<LevelFigure> fit;      // against their own level
  std::string next_level;              // the next level of their track ("" at the top)
  std::optional<LevelFigure> next;     // readiness for next_level
  std::optional<std::size_t> flagged;  // topics flagged between self and manager
  std::optional<GrowthProgress> growth;
  std::optional<store::Millis> last_assessed;
  // The person's promotion case that is not decided yet, if any (one read for the team).
  std::optional<store::Id> open_case;
  std::optional<store::CaseStatus> open_case_status;  // of open_case
  // What calibration sessions changed of the submitted manager assessment in `manager`
  // (calibrated.hpp); none when nothing changed.
  std::optional<Calibration> calibration;

  bool assessed() const;  // something submitted in the scope
};

// What awaits the viewer about a direct report: their manager assessment (the report's
// self-assessment in the scope is submitted and no manager assessment is), a promotion case to
// write (the report is ready for the next level and has no open case), or one to finish (the
// report's case is still a draft).
enum class AwaitKind { assessment, write_case, finish_case };

struct Awaiting {
  store::Person person;
  store::Millis self_submitted_at = 0;  // assessment: when the self-assessment was submitted
  AwaitKind kind = AwaitKind::assessment;
  std::optional<store::Id> promotion;  // finish_case: the draft case
};

struct TeamReadiness {
  store::Person person;                     // whose team
  std::optional<store::ReviewCycle> cycle;  // the scope; none: every assessment
  std::vector<store::ReviewCycle> cycles;   // every cycle, in id order, to choose from
  std::size_t team_size = 0;                // everyone below the person, before the filters
  std::size_t assessed = 0;                 // of them, with something submitted in the scope
  std::vector<TeamRow> rows;                // those the filters keep, sorted
  // Manager assessments to write, by self_submitted_at, oldest first; then cases to write and
  // to finish, by name.
  std::vector<Awaiting> awaiting;
};

}  // namespace rung::review
