#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"
#include "rung/people/csv.hpp"
#include "rung/people/titles.hpp"
#include "rung/store/store.hpp"

namespace rung::people {

// A problem with one row of the file (row 1 is the header; problems with the header itself are
// at row 1 with an empty column).
struct RowError {
  int row = 0;
  std::string column;  // the file's header name of the column at fault; "" for the whole row
  std::string message;
  std::string hint;  // what to do about it; may be empty

  friend bool operator==(const RowError&, const RowError&) = default;
};

enum class ChangeKind { create, update, deactivate, reactivate };

// "create", "update", "deactivate", "reactivate".
std::string_view to_string(ChangeKind kind);

// What an import does to one person. `before` is the stored person (empty for a create);
// `after` is the person as the import leaves them. Managers are named by email here, because a
// new manager has no id until the import is applied: after.manager is left unset for a create,
// and apply_import resolves after_manager_email.
struct PersonChange {
  ChangeKind kind = ChangeKind::create;
  store::Person before;
  store::Person after;
  int row = 0;                       // the row of the file; 0 for people missing from the file
  std::string before_manager_email;  // "" when none
  std::string after_manager_email;   // "" when none
};

// A row that would set a promoted person back to the level they held before a published
// approval (docs/promotions.md): the plan keeps rung's track and level for that person and
// applies the rest of the row.
struct LevelConflict {
  int row = 0;
  std::string name;
  std::string email;
  std::string stored_level;  // what rung holds: the level the person was promoted to
  std::string file_level;    // what the file says: the level before the promotion
  store::Id promotion = 0;   // the approved promotion case
  std::string effective_date;

  friend bool operator==(const LevelConflict&, const LevelConflict&) = default;
};

struct ImportPlan {
  std::vector<PersonChange> changes;     // in row order, then the people missing from the file
  std::vector<RowError> errors;          // in row order; a plan with errors must not be applied
  std::size_t unchanged = 0;             // rows that match what is stored
  std::size_t skipped = 0;               // rows of people who have left and were never in rung
  std::vector<std::string> notes;        // what the reader should know: ignored columns, ...
  std::vector<LevelConflict> conflicts;  // rows whose level was not applied, in row order
  // Conflicts whose HR level the admin accepted (plan_import's accept_hr_level): the file's
  // level is applied, and apply_import audits each as "person.level-override" with the
  // promotion it overrides. In row order.
  std::vector<LevelConflict> accepted;
  std::uint64_t basis = 0;  // fingerprint of the stored people the plan was made from

  std::size_t count(ChangeKind kind) const;
};

// Plans importing an HRIS export (`rows`, from read_csv) against the people stored now
// (`current`, from Reader::people()). Pure: reads nothing else, changes nothing.
//
// The file is the whole company: a person is matched by email (trimmed, compared lower-case);
// a row with a new email is created, a row that differs from the stored person updates them,
// a stored active person missing from the file is deactivated (status "left"), a stored person
// who left and is active in the file is reactivated. A row whose status says the person left
// deactivates them, or is skipped when they were never in rung.
//
// Every problem is reported with its row: a missing required column (name, email, level), an
// empty required field, an email that is not one, a duplicate email (naming both rows), a
// manager email that is not an active row of the file, a manager cycle (listing the chain), an
// unknown level id (with "did you mean"), a track that does not exist or does not hold the
// level, a start date not in YYYY-MM-DD form (dates like 03/04/2020 are refused: day and
// month order is ambiguous), an unknown status. Without a track column the track is the
// level's own.
//
// `promotions` guards promoted people: for each person, the latest published approved case
// (latest_approvals) whose target is the person's stored track and level. A row that would
// set such a person's level back to the case's `from_level` is a LevelConflict: the level and
// track stay, the rest of the row applies. Unless the person's email is in `accept_hr_level`
// (compared lower-case): the admin accepts HR's level over the promotion, the row applies
// whole, and the conflict is listed in `accepted` instead.
//
// A row with no level (no level column, or an empty cell) takes its level from its job title
// column: the ladder's titles and detail titles, and the company's own spellings in `titles`
// (titles.hpp). A title no level has, or one several levels share that neither a track column
// nor the map decides, is a problem of its row.
ImportPlan plan_import(const model::Ladder& ladder, const std::vector<store::Person>& current,
                       CsvTable rows, std::span<const store::PromotionCase> promotions = {},
                       std::span<const std::string> accept_hr_level = {},
                       const TitleMap& titles = {});

// For each of `people`, their latest published approved promotion case (if any), in person
// order: what plan_import guards. One read for everyone.
Result<std::vector<store::PromotionCase>> latest_approvals(
    store::Reader& reader, const std::vector<store::Person>& people);

struct ApplySummary {
  std::size_t created = 0;
  std::size_t updated = 0;
  std::size_t deactivated = 0;
  std::size_t reactivated = 0;

  friend bool operator==(const ApplySummary&, const ApplySummary&) = default;
};

// Applies a plan in ONE Store::write: managers are inserted before their reports, so the order
// of the file does not matter, and an audit entry for each change ("person.create", ".update",
// ".deactivate", ".reactivate"; subject "person:<id>"; before and after as person_json) is
// appended in the same transaction by `actor` at `now`, and for each accepted conflict a
// "person.level-override" entry (before: the promoted level and the case; after: HR's level).
// All or nothing.
// Errors: "people.plan-has-errors" (nothing written); "people.stale-plan" when the stored
// people changed since the plan was made (plan again); store errors.
// `also`, when given, runs first in the same write (the web page marks its upload applied
// there, so that two applies of one upload cannot both land); its error undoes everything.
Result<ApplySummary> apply_import(store::Store& store, const ImportPlan& plan,
                                  std::string_view actor, store::Millis now,
                                  const store::WriteBody& also = {});

}  // namespace rung::people
