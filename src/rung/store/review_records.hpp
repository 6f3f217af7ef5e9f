#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rung/core/clock.hpp"

// The value types of assessments (schema 2): review cycles, assessments with their ratings and
// evidence, the frozen snapshot written at submit, and growth plans. Plain values; store.hpp
// declares the Reader / Writer operations on them. Rules (who may do what, versions, size
// limits) live in rung::review, not here: the store only keeps references consistent.
namespace rung::store {

using Id = std::int64_t;
using Millis = rung::Millis;  // milliseconds since the Unix epoch, UTC (core/clock.hpp)

enum class CycleStatus { open, closed };
enum class AuthorRole { self, manager };
// withdrawn: submitted, then taken back by its author or an admin with a reason (Withdrawal).
// Its snapshot stays; nothing that reads "submitted" assessments counts it.
enum class AssessmentStatus { draft, submitted, withdrawn };

std::string_view to_string(CycleStatus status);       // "open" / "closed"
std::string_view to_string(AuthorRole role);          // "self" / "manager"
std::string_view to_string(AssessmentStatus status);  // "draft" / "submitted" / "withdrawn"

// A promotion case moves draft -> submitted -> in_review -> decided (schema 4). in_review is
// where a calibration session takes it up; decided carries an outcome.
enum class CaseStatus { draft, submitted, in_review, decided };
enum class CaseOutcome { approved, not_now, withdrawn };

std::string_view to_string(CaseStatus status);    // "draft" / "submitted" / "in_review" / "decided"
std::string_view to_string(CaseOutcome outcome);  // "approved" / "not_now" / "withdrawn"
// The value named by to_string, or nullopt.
std::optional<CaseStatus> case_status_from(std::string_view text);
std::optional<CaseOutcome> case_outcome_from(std::string_view text);

// A review period an admin opens for some tracks.
struct ReviewCycle {
  Id id = 0;                        // assigned by the store on insert
  std::string name;                 // "2026 H2"
  std::string starts;               // "YYYY-MM-DD"
  std::string ends;                 // "YYYY-MM-DD"
  std::vector<std::string> tracks;  // ladder track ids; empty means every track
  CycleStatus status = CycleStatus::open;

  friend bool operator==(const ReviewCycle&, const ReviewCycle&) = default;
};

// One assessment of a person against one level, by the person themselves or a manager.
struct Assessment {
  Id id = 0;      // assigned by the store on insert
  Id person = 0;  // the Person assessed
  AuthorRole role = AuthorRole::self;
  Id author_account = 0;            // the Account that writes it
  std::optional<Id> author_person;  // the Person behind that account, when there is one
  std::string level;                // ladder level id assessed against
  std::optional<Id> cycle;          // the ReviewCycle, or none for a running assessment
  AssessmentStatus status = AssessmentStatus::draft;
  std::int64_t version = 1;  // +1 on every change; optimistic concurrency
  Millis created_at = 0;
  Millis updated_at = 0;
  Millis submitted_at = 0;  // 0 while a draft

  friend bool operator==(const Assessment&, const Assessment&) = default;
};

// The rating of one statement in one assessment (one per assessment and statement).
struct Rating {
  Id assessment = 0;
  std::string statement;  // statement id
  std::string scale;      // scale point id
  Millis updated_at = 0;

  friend bool operator==(const Rating&, const Rating&) = default;
};

// A piece of evidence for one statement of an assessment.
struct Evidence {
  Id id = 0;  // assigned by the store on insert
  Id assessment = 0;
  std::string statement;  // statement id
  std::string text;       // free text with links
  std::string date;       // "YYYY-MM-DD" the evidence is from; may be empty
  Millis created_at = 0;

  friend bool operator==(const Evidence&, const Evidence&) = default;
};

// What an assessment was at submit: JSON text (review::snapshot_json documents the shape),
// written once and never changed.
struct Snapshot {
  Id assessment = 0;
  std::string content;  // JSON
  Millis created_at = 0;

  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

// A ladder as it was when an assessment was submitted, stored once per version (content
// address: the digest of its JSON) and shared by every snapshot of that version. Written once.
struct FrozenLadder {
  std::string digest;   // "fnv1a64:<16 hex>" of `content` (review/snapshot.hpp)
  std::string content;  // the ladder's JSON
  Millis created_at = 0;

  friend bool operator==(const FrozenLadder&, const FrozenLadder&) = default;
};

// Why and by whom a submitted assessment was withdrawn; written once, with the assessment's
// status set to withdrawn in the same transaction. No update or delete.
struct Withdrawal {
  Id assessment = 0;
  Id account = 0;      // who withdrew it
  std::string reason;  // required, free text
  Millis at = 0;

  friend bool operator==(const Withdrawal&, const Withdrawal&) = default;
};

// What a manager and a person agreed in their conversation about one statement, after both
// submitted (schema 8): the pair of assessments talked about, a note and the rating agreed on.
// Recorded by the manager (rung::review's rule); recording again replaces it.
struct Agreement {
  Id self_assessment = 0;     // the person's submitted self-assessment
  Id manager_assessment = 0;  // the manager's submitted assessment of the same level
  std::string statement;      // statement id of that level
  std::string scale;          // the rating agreed on (a scale id); "" while not agreed
  std::string note;           // what was said; may be ""
  Id account = 0;             // who recorded it
  Millis at = 0;              // when

  friend bool operator==(const Agreement&, const Agreement&) = default;
};

// A person's plan towards a target level.
struct GrowthPlanRecord {
  Id id = 0;  // assigned by the store on insert
  Id person = 0;
  std::string target_level;
  Millis created_at = 0;

  friend bool operator==(const GrowthPlanRecord&, const GrowthPlanRecord&) = default;
};

// The checklist state of one statement of a growth plan.
struct PlanItem {
  Id plan = 0;
  std::string statement;      // statement id of the target level
  bool done = false;          // ticked by the person or someone above them
  std::vector<Id> evidence;   // Evidence ids linked to it, in the order linked
  std::string note{};         // what the person plans to do, free text (schema 9)
  std::string target_date{};  // YYYY-MM-DD by which to do it, or ""
  std::string done_by{};      // login of the account that ticked it; "" while not done
  Millis done_at = 0;         // when it was ticked; 0 while not done

  friend bool operator==(const PlanItem&, const PlanItem&) = default;
};

// A case for promoting a person to a target level, opened by a manager above them or an admin.
struct PromotionCase {
  Id id = 0;               // assigned by the store on insert
  Id person = 0;           // the Person the case is for
  std::string from_track;  // the person's track and level when the case was opened
  std::string from_level;
  std::string target_track;  // the level asked for (its track may differ from from_track)
  std::string target_level;
  std::optional<Id> cycle;             // the ReviewCycle it belongs to, or none
  Id opened_by_account = 0;            // the Account that opened it
  std::optional<Id> opened_by_person;  // the Person behind that account, when there is one
  std::string manager_case;            // the manager's written case
  std::string statement;               // the person's own statement
  CaseStatus status = CaseStatus::draft;
  std::optional<CaseOutcome> outcome;  // set when decided
  std::string rationale;               // why, set when decided
  std::optional<Id> decided_by;        // the Account that decided
  Millis decided_at = 0;               // 0 until decided
  std::string effective_date;          // "YYYY-MM-DD" an approval takes effect; "" otherwise
  bool published = false;              // the decision is visible to the person
  Millis published_at = 0;             // 0 until published
  std::int64_t version = 1;            // +1 on every change; optimistic concurrency
  Millis created_at = 0;
  Millis updated_at = 0;

  friend bool operator==(const PromotionCase&, const PromotionCase&) = default;
};

}  // namespace rung::store
