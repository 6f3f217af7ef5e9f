#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rung/auth/viewer.hpp"
#include "rung/core/error.hpp"
#include "rung/migrate/plan.hpp"
#include "rung/model/ladder.hpp"
#include "rung/review/calibration.hpp"
#include "rung/review/promotions.hpp"
#include "rung/review/raters.hpp"
#include "rung/review/records.hpp"
#include "rung/review/snapshot.hpp"
#include "rung/review/team.hpp"
#include "rung/review/team_figures.hpp"
#include "rung/store/store.hpp"

namespace rung::people {
class Org;
}

// Assessments, review cycles and growth plans: the rules on top of the store (docs/review.md).
//
// Who may do what (errors "review.forbidden"):
// - open or close a cycle: admins;
// - a self-assessment: written by the person themselves (their account's Person);
// - a manager assessment: written by anyone above the person in the reporting line
//   (walked up from the person through the store at the time of the call, O(depth));
// - reading a person's assessments, side by side, outcomes, progress: the person, anyone above
//   them, and admins; a draft only by its author (and admins).
// - withdrawing a submitted assessment: its author and admins.
// - a growth plan: started, ticked, noted and dated by the person, anyone above them, or an
//   admin (require_plan_writer in rules.hpp); a tick records who ticked it and when.
// - team readiness of a person: the person, anyone above them, and admins.
// - rater statistics of a cycle: admins (and the readers of a calibration session, beside its
//   people).
// - calibration sessions: see rules.hpp.
// - a promotion case (promotions.hpp, docs/promotions.md): opened, written and submitted by
//   anyone above the person, or an admin; the person's statement by the person; moved to
//   review, decided and published by admins; read by the person, anyone above and admins, the
//   outcome only once published (admins always).
//
// Every change is one Store::write with its AuditEntry (actor: the viewer's login) in the same
// transaction; an error leaves the store as it was. Submitting freezes a snapshot of the
// assessment and the whole ladder (snapshot.hpp); outcomes and progress read only snapshots, so
// a later ladder edit never changes history. Thread-safe as far as the store is.
namespace rung::review {

struct Options {
  std::size_t max_evidence_bytes = 4096;  // evidence text longer than this is refused
  std::function<store::Millis()> clock;   // the time now; default: the system clock
  // Figures of submitted assessments team readiness keeps (team_figures.hpp); about 100 bytes
  // each. Past this, all are dropped and computed again.
  std::size_t max_kept_figures = 500'000;
  std::size_t max_case_bytes = 16384;  // a promotion case's texts longer than this are refused
  std::size_t min_group_people = 4;    // rater figures over fewer people are withheld (raters())
};

// What to start (or resume) a draft for.
struct StartRequest {
  store::Id person = 0;
  store::AuthorRole role = store::AuthorRole::self;
  std::string level;               // "" for the person's own level
  std::optional<store::Id> cycle;  // none: a running assessment outside any cycle
};

// What start() did: the draft, and whether this call created it (false: resumed).
struct Started {
  store::Assessment assessment;
  bool created = false;
};

// What add_evidence() did: the new evidence item and the assessment's new version.
struct EvidenceAdded {
  store::Id evidence = 0;
  std::int64_t version = 0;
};

// One rating of a batch (save_ratings).
// A version of the ladder as the store keeps it (ladder_history).
struct ServedVersion {
  std::shared_ptr<const model::Ladder> ladder;
  std::string digest;            // how snapshots name it
  store::Millis first_seen = 0;  // when it was first served or submitted under
};

struct RatingEdit {
  std::string statement;
  std::string scale;
};

// Moving work to a new ladder version (Service::migrate, migration.cpp, docs/migrate.md): what
// happens (or would happen) to one open draft or growth plan.
struct MigrationLine {
  store::Id person = 0;
  std::string person_name;
  std::string subject;  // "assessment:12" or "plan:3"
  std::string what;     // "self draft, swe-2", "manager draft, swe-2", "growth plan towards swe-3"
  std::size_t followed = 0;  // ratings, evidence and plan items moved to their new statement id
  std::size_t flagged = 0;   // ratings and items of split or merged statements: for the rater
  std::size_t archived = 0;  // ratings and items of dropped statements (kept in the audit entry)
  // Why it stays as it is: a draft of a review cycle finishes on the version the cycle opened
  // under; a level the new ladder does not have. "" when it moves.
  std::string stays;
  std::vector<std::string> flags;  // per flagged statement: what the rater should look at
  bool changes() const { return followed + flagged + archived > 0; }
};

struct MigrationReport {
  bool applied = false;              // false: a dry run, nothing changed
  std::vector<MigrationLine> lines;  // by person id, then drafts before plans, by id
};

class Service {
 public:
  // `store` and `ladder` must outlive the service. `ladder` is the current ladder: drafts are
  // checked against it and snapshots freeze it.
  Service(store::Store& store, const model::Ladder& ladder, Options options = {});

  // Admins only. The cycle's tracks must be ladder tracks ("review.bad-cycle" otherwise, and
  // for an empty name or dates that are not YYYY-MM-DD with starts <= ends).
  Result<store::ReviewCycle> open_cycle(const auth::Viewer& viewer, store::ReviewCycle cycle);
  // "review.not-found" for an unknown id; closing a closed cycle changes nothing.
  Result<store::ReviewCycle> close_cycle(const auth::Viewer& viewer, store::Id cycle);

  // Every review cycle, in id order. Cycles are not private: anyone signed in may list them
  // (to pick one when starting an assessment).
  Result<std::vector<store::ReviewCycle>> cycles();

  // Ladder versions (ladder_history.cpp). Stores the current ladder as a version, dated now,
  // unless the store has it already (then nothing changes, not even the date): `rung serve`
  // calls it at start and on every reload, so that the history holds every version served.
  Result<void> record_served();
  // Every version the store holds, oldest first, each read back as a ladder. Not private:
  // anyone who may read the ladder may read its history.
  Result<std::vector<ServedVersion>> ladder_history();

  // The viewer's draft of `request`, resumed when it exists (same person, role, level, cycle
  // and author), else started at version 1; the lookup and the insert are one write, so two
  // racing starts cannot both create. Errors: "review.not-found" (person or cycle),
  // "ladder.unknown-level", "review.cycle-closed", "review.cycle-track" (the level's track is
  // not in the cycle), "review.forbidden".
  Result<Started> start(const auth::Viewer& viewer, const StartRequest& request);

  // The roles in which the viewer may write an assessment of the person (require_author):
  // self for the person themselves, manager for anyone above them, none for anyone else
  // (admins included). What a start form offers. "review.not-found" for an unknown person.
  Result<std::vector<store::AuthorRole>> authoring_roles(const auth::Viewer& viewer,
                                                         store::Id person);

  // Saves one rating of a draft written by the viewer and returns the new version. Errors:
  // "review.not-found", "review.forbidden" (not the author, or no longer above the person),
  // "review.submitted", "assess.unknown-statement" / "assess.bad-rating", and
  // "review.conflict" with a Conflict when `expected_version` is not the stored version.
  SaveResult<std::int64_t> save_rating(const auth::Viewer& viewer, store::Id assessment,
                                       std::int64_t expected_version, std::string_view statement,
                                       std::string_view scale);
  // Saves several ratings of one draft in one write and returns the new version (one version
  // step for the whole batch). Errors as save_rating; any error leaves every rating as it was.
  // An empty batch is refused ("review.bad-ratings").
  SaveResult<std::int64_t> save_ratings(const auth::Viewer& viewer, store::Id assessment,
                                        std::int64_t expected_version,
                                        const std::vector<RatingEdit>& ratings);

  // Adds evidence for one statement of the viewer's draft; returns its id and the new version.
  // Errors as save_rating, plus "review.evidence-too-large" (over max_evidence_bytes),
  // "review.bad-evidence" (empty or not UTF-8) and "review.bad-date" (not YYYY-MM-DD or "").
  SaveResult<EvidenceAdded> add_evidence(const auth::Viewer& viewer, store::Id assessment,
                                         std::int64_t expected_version, std::string_view statement,
                                         std::string_view text, std::string_view date);

  // Submits the viewer's draft: writes the snapshot, marks it submitted, bumps the version.
  SaveResult<store::Assessment> submit(const auth::Viewer& viewer, store::Id assessment,
                                       std::int64_t expected_version);

  // Withdraws a submitted assessment (one submitted by mistake): its author or an admin
  // (require_withdrawer), with a reason (not blank, UTF-8, at most max_evidence_bytes:
  // "review.bad-reason"). The status becomes withdrawn and a Withdrawal is stored; ratings,
  // evidence and the snapshot stay for the audit trail, but nothing that reads submitted
  // assessments (side by side, outcomes, progress, growth plans, team readiness, the packet,
  // rater statistics) counts it any more, and a new draft of the same kind can be started.
  // Errors: "review.not-found", "review.forbidden", "review.not-submitted" (a draft),
  // "review.withdrawn" (already withdrawn). Audit "assessment.withdraw".
  Result<store::Assessment> withdraw(const auth::Viewer& viewer, store::Id assessment,
                                     std::string_view reason);
  // Whether withdraw() would accept the viewer for this assessment (it is submitted, and
  // require_withdrawer holds): what a page offers. No store access.
  static bool may_withdraw(const auth::Viewer& viewer, const store::Assessment& assessment);
  // Why the assessment was withdrawn, for its readers (none unless it was).
  Result<std::optional<store::Withdrawal>> withdrawal(const auth::Viewer& viewer,
                                                      store::Id assessment);

  // One assessment with its ratings and evidence ("review.not-found", "review.forbidden").
  Result<AssessmentView> read(const auth::Viewer& viewer, store::Id assessment);

  // The person's assessments that the viewer may read, oldest first: submitted ones, the
  // viewer's own drafts, and for admins every draft. The one rule, the same as read()'s, for
  // every list (the hub, the API, growth plans). "review.not-found" for an unknown person,
  // "review.forbidden" for a viewer who may not read the person at all.
  Result<std::vector<store::Assessment>> assessments(const auth::Viewer& viewer, store::Id person);
  // The evidence of those assessments, in assessment order.
  Result<std::vector<store::Evidence>> evidence_of(const auth::Viewer& viewer, store::Id person);

  // Self and manager side by side for a person and level ("" for the person's level).
  Result<SideBySide> side_by_side(const auth::Viewer& viewer, store::Id person,
                                  std::string_view level);

  // The conversation (conversation.cpp, docs/review.md). Records what the manager and the
  // person agreed about one statement of their submitted assessments: the rating agreed on and
  // a note, replacing what was recorded before; audit "assessment.agree" (subject: the manager
  // assessment). Recorded by anyone above the person (may_record_agreement); the person and
  // every reader of side by side see it. Errors: "review.not-found", "review.forbidden",
  // "review.not-submitted" (either is a draft or withdrawn), "review.bad-pair" (not a self and
  // a manager assessment of the same person and level), "assess.unknown-statement",
  // "assess.bad-rating", "review.bad-note" (not UTF-8, or over max_evidence_bytes).
  Result<store::Agreement> agree(const auth::Viewer& viewer, const AgreementRequest& request);
  // What the manager's form shows beside each statement: the person's latest submitted
  // self-assessment of the same level, with its ratings and evidence, when `assessment` is a
  // manager assessment the viewer may read (self_beside_visible in rules.hpp); none otherwise.
  Result<std::optional<AssessmentView>> self_beside(const auth::Viewer& viewer,
                                                    store::Id assessment);

  // Fit and readiness of a submitted assessment against its level, from its snapshot
  // ("review.not-submitted" for a draft). To ask "am I ready for the next level?", assess
  // against that level.
  Result<Outcome> outcome(const auth::Viewer& viewer, store::Id assessment);

  // The met share of every submitted assessment of the person that belongs to a cycle,
  // ordered by cycle then assessment id, from the snapshots.
  Result<std::vector<ProgressPoint>> progress(const auth::Viewer& viewer, store::Id person);

  // Who has started and submitted in a cycle, per team (CycleTeam), ordered by manager name
  // with the team without a manager last. Admins only ("review.forbidden"); "review.not-found"
  // for an unknown cycle. Drafts count as started (admins see every draft). Two reads: the
  // people, and their assessments at once.
  Result<std::vector<CycleTeam>> cycle_teams(const auth::Viewer& viewer, store::Id cycle);

  // The rater statistics of a cycle (raters.hpp, docs/raters.md) from its submitted snapshots;
  // raters who rated fewer than Options::min_group_people people are hidden. Admins only
  // ("review.forbidden"); "review.not-found" for an unknown cycle. Reads every person's
  // assessments and the cycle's snapshots: O(people + submitted assessments) store reads.
  Result<RaterReport> raters(const auth::Viewer& viewer, store::Id cycle);

  // Where a URL points: whether assessment `id` exists and is `person`'s. It tells nothing
  // else; the reads and writes above check the viewer.
  Result<bool> assessment_belongs(store::Id person, store::Id id);
  // Likewise for growth plan `id`.
  Result<bool> plan_belongs(store::Id person, store::Id id);

  // The person's growth plans, oldest first, for the readers of the person (as assessments()).
  Result<std::vector<store::GrowthPlanRecord>> plans(const auth::Viewer& viewer, store::Id person);
  // Starts a growth plan towards any level ("ladder.unknown-level").
  Result<store::GrowthPlanRecord> set_target(const auth::Viewer& viewer, store::Id person,
                                             std::string_view target_level);
  // The plan's checklist: assess::gaps of the person's latest submitted ratings (per statement,
  // the most recently submitted rating of either role) against the target level, with the
  // ticks and evidence links stored for each statement.
  Result<Checklist> checklist(const auth::Viewer& viewer, store::Id plan);
  // Ticks or unticks a statement of the target level ("assess.unknown-statement"); returns
  // the item as stored. A tick records the viewer's login and the time; an untick clears them.
  Result<store::PlanItem> tick(const auth::Viewer& viewer, store::Id plan,
                               std::string_view statement, bool done);
  // Applies changes to several items of one plan in one write (the plan page's form, the API's
  // item update) and returns the items as stored, in the order given; an item the change leaves
  // as it was is not written. Unlinking evidence (PlanItemChange::unlink) removes the link only.
  // Each changed item is audited "plan.item" (before and after). Errors, any of which leaves every
  // item as it was: "review.not-found" (plan, or evidence that is not the person's),
  // "review.forbidden", "assess.unknown-statement", "review.bad-note" (not UTF-8, or over
  // max_evidence_bytes), "review.bad-date" (not YYYY-MM-DD or ""), "review.bad-items" (no change
  // given).
  Result<std::vector<store::PlanItem>> change_items(const auth::Viewer& viewer, store::Id plan,
                                                    const std::vector<PlanItemChange>& changes);
  // Links evidence of one of the person's assessments to a statement of the plan
  // ("review.not-found" when the evidence is not the person's); returns the item as stored.
  // Audit "plan.item", as change_items.
  Result<store::PlanItem> link_evidence(const auth::Viewer& viewer, store::Id plan,
                                        std::string_view statement, store::Id evidence);

  // Team readiness (team.hpp): a row for everyone below `person` in the reporting line `org`
  // (people::Org::all_below), with their assessments in the query's scope and the figures from
  // them, filtered and sorted by `query`; and what awaits the viewer. `org` must be the
  // reporting line as the store holds it now (web: the PeopleCache snapshot). The reads do
  // not grow with the team: one for its assessments, one for the cycles, four for growth
  // plans, and the snapshots of submitted assessments not seen before (figures are kept, see
  // FigureCache). Errors: "review.not-found" (the person, or query.cycle), "review.forbidden".
  Result<TeamReadiness> team_readiness(const auth::Viewer& viewer, const people::Org& org,
                                       store::Id person, const TeamQuery& query);
  // The same with the reporting line read from the store.
  Result<TeamReadiness> team_readiness(const auth::Viewer& viewer, store::Id person,
                                       const TeamQuery& query);

  // Promotion cases (promotions.cpp, promotion_changes.cpp). Every change carries the version the
  // caller last saw and fails with "review.conflict" (and a Conflict) when it is stale.
  //
  // Opens a draft case at version 1. Errors: "review.not-found" (person, cycle),
  // "review.forbidden" (not above the person and not an admin), "ladder.unknown-level",
  // "review.bad-target" (within the person's track only the next level; in another track a
  // level of a higher grade), "review.cycle-closed", "review.cycle-track", "review.case-open"
  // (the person already has a case that is not decided), "review.bad-text".
  Result<store::PromotionCase> open_case(const auth::Viewer& viewer, const CaseRequest& request);
  // One case as the viewer may see it ("review.not-found" for an unknown id and for a viewer
  // who may not read it: the case's existence is not revealed).
  Result<CaseView> promotion_case(const auth::Viewer& viewer, store::Id id);
  // The case's packet (CasePacket), for its readers.
  Result<CasePacket> case_packet(const auth::Viewer& viewer, store::Id id);
  // The person's cases, oldest first, as promotion_case() shows each ("review.forbidden" for a
  // viewer who may not read the person).
  Result<std::vector<CaseView>> cases_of(const auth::Viewer& viewer, store::Id person);
  // Every case of a cycle, oldest first (admins; "review.not-found" for an unknown cycle).
  Result<std::vector<CaseView>> cases_in_cycle(const auth::Viewer& viewer, store::Id cycle);
  // The manager's written case, while draft or submitted ("review.case-locked" after).
  SaveResult<store::PromotionCase> edit_case(const auth::Viewer& viewer, store::Id id,
                                             std::int64_t expected_version, std::string_view text);
  // The person's own statement, by the person, while not decided ("review.case-decided").
  SaveResult<store::PromotionCase> write_statement(const auth::Viewer& viewer, store::Id id,
                                                   std::int64_t expected_version,
                                                   std::string_view text);
  // draft -> submitted, with a written case ("review.case-empty", "review.case-state").
  SaveResult<store::PromotionCase> submit_case(const auth::Viewer& viewer, store::Id id,
                                               std::int64_t expected_version);
  // submitted -> in_review (admins): where a calibration session takes the case up.
  SaveResult<store::PromotionCase> start_case_review(const auth::Viewer& viewer, store::Id id,
                                                     std::int64_t expected_version);
  // submitted or in_review -> decided (admins). A rationale is required ("review.bad-decision"),
  // and an effective date YYYY-MM-DD for an approval; a decided case is refused
  // ("review.case-decided"). The person's level does not change here but when the decision is
  // published, so that nobody learns the outcome from the person page first.
  SaveResult<store::PromotionCase> decide_case(const auth::Viewer& viewer, store::Id id,
                                               std::int64_t expected_version,
                                               const Decision& decision);
  // Publishes every decided, unpublished case of the cycle (admins), in one write: each
  // approval sets the person's track and level to the target, with a "person.promote" audit
  // entry beside the case's "promotion.publish". Publishing again publishes only what was
  // decided since. "review.not-found" for an unknown cycle.
  Result<Published> publish_cycle(const auth::Viewer& viewer, store::Id cycle);
  // The same for one decided case outside any cycle ("review.case-in-cycle" for a case in a
  // cycle: its cycle's decisions are published together; "review.case-state" if not decided;
  // "review.case-published" if already published).
  Result<Published> publish_case(const auth::Viewer& viewer, store::Id id,
                                 std::int64_t expected_version);
  // Where a URL points: whether case `id` exists and is `person`'s.
  Result<bool> case_belongs(store::Id person, store::Id id);

  // Calibration sessions (calibration.hpp, docs/calibration.md; calibration.cpp,
  // calibration_changes.cpp). Who may do what is in rules.hpp.
  //
  // Creates a session in `preparing` (admins). Errors: "review.not-found" (cycle, person),
  // "review.cycle-closed", "review.bad-session" (no name, an unknown track or level, an empty
  // band, a login no account has, no calibrators), "review.bad-guideline" (an unknown level, a
  // share outside 0..100, a level twice, shares not adding up to 100). Audit
  // "calibration.create".
  Result<store::CalibrationSession> create_session(const auth::Viewer& viewer,
                                                   const SessionRequest& request);
  // Changes a session's name, scope, facilitator, calibrators and guideline (admins, while it
  // prepares; its cycle stays). The request's cycle is ignored. Errors as create_session, and
  // "review.forbidden" (not an admin), "review.session-state" (the discussion opened or
  // closed), "review.conflict" (a stale version). Audit "calibration.edit".
  SaveResult<store::CalibrationSession> edit_session(const auth::Viewer& viewer, store::Id id,
                                                     std::int64_t expected_version,
                                                     const SessionRequest& request);
  // Deletes a session still preparing, with its pre-votes (admins); returns how many pre-votes
  // went. A session whose discussion opened is never deleted: its decisions are records
  // ("review.session-state"). Audit "calibration.delete" (the session and its vote count).
  SaveResult<std::size_t> delete_session(const auth::Viewer& viewer, store::Id id,
                                         std::int64_t expected_version);
  // The sessions of a cycle the viewer may read (admins: all), in id order
  // ("review.not-found" for an unknown cycle).
  Result<std::vector<store::CalibrationSession>> sessions_in_cycle(const auth::Viewer& viewer,
                                                                   store::Id cycle);
  // Every session the viewer facilitates or calibrates, newest first (for "your sessions").
  Result<std::vector<store::CalibrationSession>> my_sessions(const auth::Viewer& viewer);
  // The session as the viewer sees it ("review.not-found" for an unknown id and for a viewer
  // who may not read it). Reads the people, the cycle's manager assessments of them with their
  // snapshots, their cases, the votes and the decisions.
  Result<SessionView> session(const auth::Viewer& viewer, store::Id id);
  // Records or replaces the viewer's pre-vote on a subject of the session. Errors:
  // "review.not-found", "review.forbidden" (not a calibrator of the session),
  // "review.session-state" (the discussion opened: votes are closed), "review.bad-vote" (a
  // person not in the session, a case not of one of its people or not in its cycle, a note
  // over max_case_bytes or not UTF-8), "review.conflict" (a stale expected_version). Audit
  // "calibration.vote" (the vote itself is in the audit entry: admins can read it there).
  SaveResult<store::PreVote> vote(const auth::Viewer& viewer, store::Id session,
                                  const VoteRequest& request);
  // preparing -> discussing (facilitator or admin): votes become visible, the manager
  // assessments of the session's people are locked, and the submitted promotion cases of its
  // people in the cycle move to in_review (each with its "promotion.review" entry). Audit
  // "calibration.open".
  SaveResult<store::CalibrationSession> open_discussion(const auth::Viewer& viewer, store::Id id,
                                                        std::int64_t expected_version);
  // discussing -> closed (facilitator or admin): unlocks. Audit "calibration.close".
  SaveResult<store::CalibrationSession> close_session(const auth::Viewer& viewer, store::Id id,
                                                      std::int64_t expected_version);
  // Calibrates one rating or the outcome of a person of the session while it discusses
  // (facilitator or admin): a CalibrationDecision with before, after and the reason; the
  // submitted snapshot never changes. Errors: "review.not-found", "review.forbidden",
  // "review.session-state", "review.bad-reason" (blank, not UTF-8, too long),
  // "review.bad-calibration" (a person not in the session, no submitted manager assessment in
  // the cycle, an unknown statement or scale point or outcome, no change). Audit
  // "calibration.decide".
  Result<store::CalibrationDecision> calibrate(const auth::Viewer& viewer, store::Id session,
                                               const CalibrateRequest& request);

  // Moves every open draft outside review cycles and every growth plan from the ladder
  // `before` to the service's ladder, as the checked `plan` says (admins only,
  // "review.forbidden"): ratings, evidence and plan items of kept, reworded and moved statements
  // follow them to their new id; ratings and items of split and merged statements are taken out
  // and flagged for the rater (a rating is not guessed; their evidence goes to the first new
  // statement); those of dropped statements are archived in the audit entry. Submitted and
  // withdrawn assessments and their snapshots are never touched; drafts of a review cycle
  // stay. With `apply` false, only reports. All in one write, an audit entry per moved draft
  // ("assessment.migrate") and plan ("plan.migrate"). Errors: "migrate.wrong-ladder" (the
  // plan's digests are not `before` and the service's ladder), check_plan's first problem.
  Result<MigrationReport> migrate(const auth::Viewer& viewer, const model::Ladder& before,
                                  const migrate::Plan& plan, bool apply);

 private:
  store::Millis now() const;

  store::Store& m_store;
  const model::Ladder& m_ladder;
  Options m_options;
  LadderVersion m_version;    // the current ladder as snapshots name it
  LadderVersions m_versions;  // ladder versions of stored snapshots, parsed once each
  FigureCache m_figures;      // team readiness's figures of submitted assessments
};

}  // namespace rung::review
