#include "rung/people/import.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/people/hris.hpp"
#include "rung/people/import_rows.hpp"
#include "rung/people/person_json.hpp"

namespace rung::people {

std::string_view to_string(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::create:
      return "create";
    case ChangeKind::update:
      return "update";
    case ChangeKind::deactivate:
      return "deactivate";
    case ChangeKind::reactivate:
      return "reactivate";
  }
  return "?";
}

std::size_t ImportPlan::count(ChangeKind kind) const {
  return static_cast<std::size_t>(
      std::count_if(changes.begin(), changes.end(),
                    [&](const PersonChange& change) { return change.kind == kind; }));
}

namespace {

// Keyed by views of the emails of rows and people that outlive the maps (plan_import's locals
// and its `current`), which saves a copy of every email.
using RowsByEmail = std::unordered_map<std::string_view, const ImportRow*>;
using StoredByEmail = std::unordered_map<std::string_view, const store::Person*>;

// Keeps the first row of each email; reports every later one, naming both rows.
std::vector<ImportRow> drop_duplicates(std::vector<ImportRow> rows, const ColumnMap& columns,
                                       std::vector<RowError>& errors) {
  std::unordered_map<std::string, int> first_row;
  std::vector<ImportRow> kept;
  kept.reserve(rows.size());
  for (auto& row : rows) {
    auto [it, inserted] = first_row.emplace(row.person.email, row.row);
    if (!inserted) {
      errors.push_back(RowError{
          row.row, columns.header_of(Field::email),
          fmt::format("duplicate email '{}' (also on row {})", row.person.email, it->second),
          "each person must appear once"});
      continue;
    }
    kept.push_back(std::move(row));
  }
  return kept;
}

using EmailSet = std::unordered_map<std::string, int>;

// Every email the file names in its email column, valid rows or not, with its first row.
EmailSet file_emails(const CsvTable& table, const ColumnMap& columns) {
  EmailSet emails;
  const std::size_t column = *columns.column(Field::email);
  for (const auto& row : table.rows) {
    emails.emplace(ascii_lower(trim(row.fields[column])), row.row);
  }
  return emails;
}

// A manager must be an active row of the file. A manager whose own row has a problem is not
// reported again here: that row's problem is.
void check_managers(const std::vector<ImportRow>& rows, const RowsByEmail& by_email,
                    const EmailSet& in_file, const StoredByEmail& stored, const ColumnMap& columns,
                    std::vector<RowError>& errors) {
  const std::string column = columns.header_of(Field::manager_email);
  for (const auto& row : rows) {
    const std::string& manager = row.manager_email;
    if (manager.empty()) {
      continue;
    }
    auto report = [&](std::string message, std::string hint = {}) {
      errors.push_back(RowError{row.row, column, std::move(message), std::move(hint)});
    };
    if (manager == row.person.email) {
      report(fmt::format("'{}' is their own manager", manager));
      continue;
    }
    auto it = by_email.find(manager);
    if (it == by_email.end()) {
      // Someone who left may have reported to someone long gone: their manager stays as stored.
      if (in_file.contains(manager) || row.person.status == store::PersonStatus::left) {
        continue;
      }
      if (stored.contains(manager)) {
        report(fmt::format("manager email '{}' is not in the file", manager),
               "they are in rung, but the file lists the whole company: people missing from it "
               "are marked as left");
      } else {
        report(fmt::format("unknown manager email '{}'", manager),
               "a manager must have a row of their own in the file");
      }
    } else if (it->second->person.status == store::PersonStatus::left &&
               row.person.status == store::PersonStatus::active) {
      report(fmt::format("manager '{}' has left (row {})", manager, it->second->row));
    }
  }
}

// Reports each manager cycle once, at its first row: "a -> b -> c -> a".
void check_cycles(const std::vector<ImportRow>& rows, const RowsByEmail& by_email,
                  const ColumnMap& columns, std::vector<RowError>& errors) {
  enum class Mark : unsigned char { unseen, on_path, done };
  std::vector<Mark> marks(rows.size(), Mark::unseen);
  auto mark = [&](const ImportRow* row) -> Mark& {
    return marks[static_cast<std::size_t>(row - rows.data())];
  };
  std::vector<const ImportRow*> path;
  for (const auto& start : rows) {
    path.clear();
    const ImportRow* at = &start;
    while (at != nullptr && mark(at) == Mark::unseen) {
      mark(at) = Mark::on_path;
      path.push_back(at);
      auto next = by_email.find(at->manager_email);
      at = (next == by_email.end() || next->second == at) ? nullptr : next->second;
    }
    if (at != nullptr && mark(at) == Mark::on_path) {
      auto first = std::find(path.begin(), path.end(), at);
      std::vector<std::string> chain;
      std::vector<std::string> row_numbers;
      int lowest = (*first)->row;
      for (auto it = first; it != path.end(); ++it) {
        chain.push_back((*it)->person.email);
        row_numbers.push_back(std::to_string((*it)->row));
        lowest = std::min(lowest, (*it)->row);
      }
      chain.push_back(at->person.email);
      errors.push_back(RowError{
          lowest, columns.header_of(Field::manager_email),
          fmt::format("manager cycle: {} (rows {})", join(chain, " -> "), join(row_numbers, ", ")),
          "someone in the chain must report outside it, or to no one"});
    }
    for (const auto* done : path) {
      mark(done) = Mark::done;
    }
  }
}

bool same_fields(const store::Person& a, const store::Person& b) {
  return a.name == b.name && a.track == b.track && a.level == b.level &&
         a.start_date == b.start_date && a.status == b.status;
}

struct Planner {
  const std::vector<store::Person>& current;
  StoredByEmail stored;
  std::unordered_map<store::Id, const store::Person*> by_id;
  std::unordered_map<store::Id, const store::PromotionCase*> promoted;
  ImportPlan& plan;
  std::set<std::string> accepted;  // emails, lower-case: HR's level wins over the promotion

  // Keeps a promoted person's level when the row would set it back to the one before.
  void guard_promotion(PersonChange& change) {
    auto it = promoted.find(change.before.id);
    if (it == promoted.end()) {
      return;
    }
    const store::PromotionCase& c = *it->second;
    if (change.before.level != c.target_level || change.before.track != c.target_track ||
        change.after.level != c.from_level) {
      return;
    }
    LevelConflict conflict{change.row,          change.after.name,  change.after.email,
                           change.before.level, change.after.level, c.id,
                           c.effective_date};
    if (accepted.contains(ascii_lower(change.after.email))) {
      plan.accepted.push_back(std::move(conflict));
      return;
    }
    plan.conflicts.push_back(std::move(conflict));
    change.after.level = change.before.level;
    change.after.track = change.before.track;
  }

  std::string email_of(const std::optional<store::Id>& id) const {
    if (!id) {
      return {};
    }
    auto it = by_id.find(*id);
    return it == by_id.end() ? std::string() : it->second->email;
  }

  std::optional<store::Id> id_of(const std::string& email) const {
    auto it = stored.find(email);
    return it == stored.end() ? std::nullopt : std::optional<store::Id>(it->second->id);
  }

  // Whether the row's manager is in the file or in rung (check_managers reports the others).
  bool manager_known(const ImportRow& row, const RowsByEmail& in_file) const {
    return row.manager_email.empty() || in_file.contains(row.manager_email) ||
           stored.contains(row.manager_email);
  }

  void add_row(ImportRow&& row, bool manager_known) {
    auto it = stored.find(row.person.email);
    PersonChange change;
    change.row = row.row;
    change.after = std::move(row.person);
    change.after_manager_email = std::move(row.manager_email);
    if (it == stored.end()) {
      if (change.after.status == store::PersonStatus::left) {
        ++plan.skipped;
        return;
      }
      change.kind = ChangeKind::create;
      plan.changes.push_back(std::move(change));
      return;
    }
    change.before = *it->second;
    change.before_manager_email = email_of(change.before.manager);
    change.after.id = change.before.id;
    if (!manager_known) {  // only for someone who left (check_managers)
      change.after_manager_email = change.before_manager_email;
    }
    change.after.manager = id_of(change.after_manager_email);
    guard_promotion(change);
    const bool was_active = change.before.status == store::PersonStatus::active;
    const bool is_active = change.after.status == store::PersonStatus::active;
    if (was_active != is_active) {
      change.kind = is_active ? ChangeKind::reactivate : ChangeKind::deactivate;
    } else if (!same_fields(change.before, change.after) ||
               change.before_manager_email != change.after_manager_email) {
      change.kind = ChangeKind::update;
    } else {
      ++plan.unchanged;
      return;
    }
    plan.changes.push_back(std::move(change));
  }

  void add_missing(const EmailSet& in_file) {
    std::size_t missing = 0;
    for (const auto& person : current) {
      if (person.status != store::PersonStatus::active || in_file.contains(person.email)) {
        continue;
      }
      PersonChange change{ChangeKind::deactivate,  person, person, 0, email_of(person.manager),
                          email_of(person.manager)};
      change.after.status = store::PersonStatus::left;
      plan.changes.push_back(std::move(change));
      ++missing;
    }
    if (missing > 0) {
      plan.notes.push_back(
          fmt::format("{} active {} in rung {} not in the file: the import marks them as left",
                      missing, missing == 1 ? "person" : "people", missing == 1 ? "is" : "are"));
    }
  }
};

void add_column_notes(const ColumnMap& columns, ImportPlan& plan) {
  if (!columns.ignored.empty()) {
    plan.notes.push_back(fmt::format("ignored columns: {}", join(columns.ignored, ", ")));
  }
  if (!columns.has(Field::track)) {
    plan.notes.push_back("no track column: each person's track is their level's");
  }
}

}  // namespace

ImportPlan plan_import(const model::Ladder& ladder, const std::vector<store::Person>& current,
                       CsvTable rows, std::span<const store::PromotionCase> promotions,
                       std::span<const std::string> accept_hr_level, const TitleMap& titles) {
  ImportPlan plan;
  plan.basis = fingerprint(current);
  auto columns = map_columns(rows.header, rows.file);
  if (!columns) {
    plan.errors.push_back(RowError{1, "", columns.error().message, columns.error().hint});
    return plan;
  }
  add_column_notes(*columns, plan);
  const EmailSet in_file = file_emails(rows, *columns);
  auto valid =
      drop_duplicates(read_rows(ladder, TitleMatcher(ladder, titles), *columns, rows, plan.errors),
                      *columns, plan.errors);
  std::vector<CsvRow>().swap(rows.rows);  // read: free the text fields before planning
  RowsByEmail by_email;
  for (const auto& row : valid) {
    by_email.emplace(row.person.email, &row);
  }
  Planner planner{current, {}, {}, {}, plan, {}};
  for (const auto& email : accept_hr_level) {
    planner.accepted.insert(ascii_lower(trim(email)));
  }
  for (const auto& promotion : promotions) {
    planner.promoted[promotion.person] = &promotion;
  }
  for (const auto& person : current) {
    planner.stored.emplace(person.email, &person);
    planner.by_id.emplace(person.id, &person);
  }
  check_managers(valid, by_email, in_file, planner.stored, *columns, plan.errors);
  check_cycles(valid, by_email, *columns, plan.errors);
  std::vector<bool> known;
  known.reserve(valid.size());
  for (const auto& row : valid) {
    known.push_back(planner.manager_known(row, by_email));
  }
  by_email.clear();  // its keys view the emails that add_row moves away
  plan.changes.reserve(valid.size() + current.size());
  for (std::size_t i = 0; i < valid.size(); ++i) {
    planner.add_row(std::move(valid[i]), known[i]);
  }
  planner.add_missing(in_file);
  std::stable_sort(plan.errors.begin(), plan.errors.end(),
                   [](const RowError& a, const RowError& b) { return a.row < b.row; });
  return plan;
}

Result<std::vector<store::PromotionCase>> latest_approvals(
    store::Reader& reader, const std::vector<store::Person>& people) {
  std::vector<store::Id> ids;
  ids.reserve(people.size());
  for (const auto& person : people) {
    ids.push_back(person.id);
  }
  RUNG_TRY_ASSIGN(const auto cases, reader.promotion_cases_of_people(ids));
  std::map<store::Id, store::PromotionCase> latest;  // cases come in id order: the last wins
  for (const auto& c : cases) {
    if (c.published && c.outcome == store::CaseOutcome::approved) {
      latest[c.person] = c;
    }
  }
  std::vector<store::PromotionCase> out;
  out.reserve(latest.size());
  for (auto& entry : latest) {
    out.push_back(std::move(entry.second));
  }
  return out;
}

}  // namespace rung::people
