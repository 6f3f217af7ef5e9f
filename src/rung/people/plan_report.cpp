#include "rung/people/plan_report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/core/text.hpp"

namespace rung::people {

namespace {

using store::PersonStatus;

void add_if_changed(std::vector<FieldDiff>& out, std::string field, const std::string& before,
                    const std::string& after) {
  if (before != after) {
    out.push_back(FieldDiff{std::move(field), before, after});
  }
}

std::string_view verb(ChangeKind kind, bool applied) {
  switch (kind) {
    case ChangeKind::create:
      return applied ? "created" : "create";
    case ChangeKind::update:
      return applied ? "updated" : "update";
    case ChangeKind::deactivate:
      return applied ? "deactivated" : "deactivate";
    case ChangeKind::reactivate:
      return applied ? "reactivated" : "reactivate";
  }
  return "?";
}

std::string change_line(const PersonChange& change) {
  std::vector<std::string> parts;
  for (const auto& field : diff(change)) {
    if (change.kind == ChangeKind::create) {
      if (field.field == "name") {
        continue;  // the line names the person already
      }
      parts.push_back(fmt::format("{} {}", field.field, field.after));
    } else {
      parts.push_back(fmt::format("{} {} -> {}", field.field,
                                  field.before.empty() ? "(none)" : field.before,
                                  field.after.empty() ? "(none)" : field.after));
    }
  }
  if (change.row == 0) {
    parts.emplace_back("not in the file");
  }
  const std::string row = change.row == 0 ? "-" : fmt::format("row {}", change.row);
  return fmt::format("  {:<11} {:<8} {} <{}>: {}\n", to_string(change.kind), row, change.after.name,
                     change.after.email, join(parts, ", "));
}

}  // namespace

std::string conflict_message(const LevelConflict& c) {
  return fmt::format(
      "the file sets level {}, but the person was promoted from {} to {}{}; "
      "the level stays {}",
      c.file_level, c.file_level, c.stored_level,
      c.effective_date.empty() ? "" : fmt::format(" (effective {})", c.effective_date),
      c.stored_level);
}

std::vector<FieldDiff> diff(const PersonChange& change) {
  const store::Person& a = change.before;
  const store::Person& b = change.after;
  const bool create = change.kind == ChangeKind::create;
  std::vector<FieldDiff> out;
  add_if_changed(out, "name", a.name, b.name);
  add_if_changed(out, "track", a.track, b.track);
  add_if_changed(out, "level", a.level, b.level);
  add_if_changed(out, "manager", change.before_manager_email, change.after_manager_email);
  add_if_changed(out, "start_date", a.start_date, b.start_date);
  if (!create && a.status != b.status) {
    out.push_back(FieldDiff{"status", std::string(store::to_string(a.status)),
                            std::string(store::to_string(b.status))});
  }
  return out;
}

std::string summary_line(const ImportPlan& plan, bool applied) {
  std::vector<std::string> counts;
  for (auto kind :
       {ChangeKind::create, ChangeKind::update, ChangeKind::deactivate, ChangeKind::reactivate}) {
    counts.push_back(fmt::format("{} {}", verb(kind, applied), plan.count(kind)));
  }
  std::string line = (applied ? "" : "would ") + join(counts, ", ");
  line += fmt::format(" ({} unchanged", plan.unchanged);
  if (plan.skipped > 0) {
    line += fmt::format(", {} skipped: left before rung knew them", plan.skipped);
  }
  return line + ")";
}

std::string render_plan_text(const ImportPlan& plan, std::string_view file, bool applied) {
  std::string out;
  if (!plan.errors.empty()) {
    for (const auto& error : plan.errors) {
      out += fmt::format("{}:{}: {}", file, error.row, error.message);
      out += error.column.empty() ? "\n" : fmt::format(" (column {})\n", error.column);
      if (!error.hint.empty()) {
        out += fmt::format("  hint: {}\n", error.hint);
      }
    }
    out += fmt::format("{}: {} problem{}; nothing was changed\n", file, plan.errors.size(),
                       plan.errors.size() == 1 ? "" : "s");
    return out;
  }
  out += fmt::format("{}: {}\n", file, summary_line(plan, applied));
  for (const auto& note : plan.notes) {
    out += fmt::format("note: {}\n", note);
  }
  for (const auto& change : plan.changes) {
    out += change_line(change);
  }
  for (const auto& c : plan.conflicts) {
    out +=
        fmt::format("conflict: row {} {} <{}>: {}\n", c.row, c.name, c.email, conflict_message(c));
  }
  if (!plan.conflicts.empty()) {
    out +=
        "  hint: update the HRIS to the promoted level; rung keeps it until then, or accept "
        "HR's level with --accept-hr-level EMAIL,...\n";
  }
  for (const auto& c : plan.accepted) {
    out += fmt::format(
        "accepted: row {} {} <{}>: HR's level {} replaces {}, the level of the promotion "
        "(case {}, effective {})\n",
        c.row, c.name, c.email, c.file_level, c.stored_level, c.promotion, c.effective_date);
  }
  if (!applied && !plan.changes.empty()) {
    out += "dry run: nothing was changed; add --apply to make these changes\n";
  }
  return out;
}

std::string render_plan_json(const ImportPlan& plan, std::string_view file, bool applied) {
  nlohmann::ordered_json json;
  json["file"] = file;
  json["applied"] = applied;
  json["ok"] = plan.errors.empty();
  auto& counts = json["counts"];
  for (auto kind :
       {ChangeKind::create, ChangeKind::update, ChangeKind::deactivate, ChangeKind::reactivate}) {
    counts[std::string(to_string(kind))] = plan.count(kind);
  }
  counts["unchanged"] = plan.unchanged;
  counts["skipped"] = plan.skipped;
  json["notes"] = plan.notes;
  json["changes"] = nlohmann::ordered_json::array();
  for (const auto& change : plan.changes) {
    nlohmann::ordered_json item{{"kind", to_string(change.kind)},
                                {"row", change.row},
                                {"name", change.after.name},
                                {"email", change.after.email},
                                {"fields", nlohmann::ordered_json::array()}};
    for (const auto& field : diff(change)) {
      item["fields"].push_back(
          {{"field", field.field}, {"before", field.before}, {"after", field.after}});
    }
    json["changes"].push_back(std::move(item));
  }
  json["conflicts"] = nlohmann::ordered_json::array();
  for (const auto& c : plan.conflicts) {
    json["conflicts"].push_back({{"row", c.row},
                                 {"email", c.email},
                                 {"field", "level"},
                                 {"stored", c.stored_level},
                                 {"file", c.file_level},
                                 {"promotion", c.promotion},
                                 {"effective_date", c.effective_date},
                                 {"message", conflict_message(c)}});
  }
  json["accepted"] = nlohmann::ordered_json::array();
  for (const auto& c : plan.accepted) {
    json["accepted"].push_back({{"row", c.row},
                                {"email", c.email},
                                {"field", "level"},
                                {"stored", c.stored_level},
                                {"file", c.file_level},
                                {"promotion", c.promotion},
                                {"effective_date", c.effective_date}});
  }
  json["errors"] = nlohmann::ordered_json::array();
  for (const auto& error : plan.errors) {
    json["errors"].push_back({{"row", error.row},
                              {"column", error.column},
                              {"message", error.message},
                              {"hint", error.hint}});
  }
  return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace rung::people
