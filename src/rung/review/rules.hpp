#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "rung/auth/viewer.hpp"
#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"
#include "rung/review/promotions.hpp"
#include "rung/store/store.hpp"

// The shared rules of the review service: who may read or write a person's assessments, the
// lookups that fail with review errors, and the audit entries. Internal to rung::review.
namespace rung::review {

// Error "review.forbidden".
tl::unexpected<Error> forbidden(std::string message);
// Error "review.not-found".
tl::unexpected<Error> not_found(std::string message);

// The viewer is the person (their account belongs to that Person).
bool is_self(const auth::Viewer& viewer, store::Id person);

// The viewer is above the person in the reporting line, as the store holds it now.
Result<bool> is_above(store::Reader& reader, const auth::Viewer& viewer, store::Id person);

// The person, the people above them, and admins may read the person's assessments and plans.
Result<void> require_reader(store::Reader& reader, const auth::Viewer& viewer, store::Id person);

// Growth plans: the person, anyone above them, and admins may start a plan, tick its items
// (the tick records who), write their notes and target dates and link evidence: the readers of
// the person's plans, so that a manager can plan with their report and the page says who
// ticked what. Else "review.forbidden".
Result<void> require_plan_writer(store::Reader& reader, const auth::Viewer& viewer,
                                 store::Id person);

// The person themselves for a self-assessment; someone above them for a manager assessment.
Result<void> require_author(store::Reader& reader, const auth::Viewer& viewer,
                            store::AuthorRole role, store::Id person);

// The viewer wrote the assessment and may still write it (require_author).
Result<void> require_own(store::Reader& reader, const auth::Viewer& viewer,
                         const store::Assessment& assessment);

// Promotion cases (docs/promotions.md), the rules in one place:
// - reading a case: the person, anyone above them, admins (everyone else: not found);
// - its outcome: admins always, the others once it is published;
// - opening, writing and submitting the manager's case: anyone above the person, or an admin;
// - the person's statement: the person, while the case is not decided;
// - moving to review, deciding, publishing: admins.
Result<bool> may_read_case(store::Reader& reader, const auth::Viewer& viewer,
                           const store::PromotionCase& promotion);
bool decision_visible(const auth::Viewer& viewer, const store::PromotionCase& promotion);
// Anyone above the person, or an admin; else "review.forbidden".
Result<void> require_case_writer(store::Reader& reader, const auth::Viewer& viewer,
                                 store::Id person);
// What the viewer may do with the case now; `above`: the viewer is above the person.
CaseActions case_actions(const auth::Viewer& viewer, bool above,
                         const store::PromotionCase& promotion);
// The case as a viewer who may not see its outcome yet sees it: outcome, rationale, decider,
// decision time and effective date cleared.
store::PromotionCase without_decision(store::PromotionCase promotion);
// The case, or "review.not-found".
Result<store::PromotionCase> find_case(store::Reader& reader, store::Id id);
// The case's fields as JSON (audit log, API).
nlohmann::json promotion_case_json(const store::PromotionCase& promotion);
// Who may withdraw a submitted assessment: the account that wrote it, or an admin.
Result<void> require_withdrawer(const auth::Viewer& viewer, const store::Assessment& assessment);

// Calibration sessions (docs/calibration.md), the rules in one place:
// - creating one: admins;
// - reading it (its people, votes as visible, decisions): admins, its facilitator and its
//   calibrators (everyone else: not found);
// - a pre-vote: each calibrator their own, while the session prepares;
// - other calibrators' votes: hidden from calibrators while the session prepares (the
//   facilitator and admins see how many were cast, not what they say); visible to every
//   reader of the session once the discussion opens;
// - opening the discussion, calibrating, closing: the facilitator or an admin;
// - while a session discusses, the manager assessments of its people in its cycle are locked.
bool is_facilitator(const auth::Viewer& viewer, const store::CalibrationSession& session);
bool is_calibrator(const auth::Viewer& viewer, const store::CalibrationSession& session);
bool may_read_session(const auth::Viewer& viewer, const store::CalibrationSession& session);
bool votes_visible(const auth::Viewer& viewer, const store::CalibrationSession& session,
                   const store::PreVote& vote);
// The facilitator or an admin, else "review.forbidden".
Result<void> require_session_runner(const auth::Viewer& viewer,
                                    const store::CalibrationSession& session);
// The session, or "review.not-found" (also for a viewer who may not read it).
Result<store::CalibrationSession> find_session(store::Reader& reader, const auth::Viewer& viewer,
                                               store::Id id);
// Whether the person is one of the session's: active, on a track the cycle covers, and in the
// scope (below the scope's person; on its track; at one of its levels).
Result<bool> in_session(store::Reader& reader, const store::CalibrationSession& session,
                        const store::ReviewCycle& cycle, const store::Person& person);
// "review.locked" when the assessment is a manager assessment of a person in a session of its
// cycle that is discussing: what saving, submitting and withdrawing check first.
Result<void> check_not_calibrating(store::Reader& reader, const store::Assessment& assessment);
// The session's fields as JSON (audit log, API).
nlohmann::json calibration_session_json(const store::CalibrationSession& session);
// The conversation (docs/review.md): the manager records, the person sees. Anyone above the
// person records agreements (admins only read them); "review.forbidden" otherwise.
Result<void> may_record_agreement(store::Reader& reader, const auth::Viewer& viewer,
                                  store::Id person);
// The person's submitted self-assessment is shown beside a manager assessment to the readers of
// that manager assessment (the same readers as side by side's): true for a manager assessment.
bool self_beside_visible(const store::Assessment& assessment);

// The cycle exists ("review.not-found"), is open ("review.cycle-closed") and covers the track
// of `level` ("review.cycle-track"): what starting a draft or opening a case in it needs.
Result<void> check_cycle_open(store::Reader& reader, const model::Ladder& ladder, store::Id id,
                              const std::string& level);

// The statement is one of the level's (through `shares`), else "assess.unknown-statement"
// (also when the ladder no longer has the level). Drafts and growth plans check with it.
Result<void> check_statement(const model::Ladder& ladder, const std::string& level_id,
                             std::string_view statement);

// A note (an agreement's, a plan item's) is UTF-8 text of at most `limit` bytes, else
// "review.bad-note".
Result<void> check_note(std::string_view note, std::size_t limit);

// The person, or "review.not-found".
Result<store::Person> find_person(store::Reader& reader, store::Id id);
// The assessment, or "review.not-found".
Result<store::Assessment> find_assessment(store::Reader& reader, store::Id id);

// An audit entry by the viewer; `before` / `after` are null for "nothing" ("").
store::AuditEntry audit_entry(const auth::Viewer& viewer, store::Millis at, std::string action,
                              std::string subject, const nlohmann::json& before,
                              const nlohmann::json& after);

// The assessment's fields as JSON (for the audit log and snapshots).
nlohmann::json assessment_json(const store::Assessment& assessment);

}  // namespace rung::review
