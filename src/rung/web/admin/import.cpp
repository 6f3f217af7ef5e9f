#include "rung/people/import.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rung/auth/accounts.hpp"
#include "rung/html/views.hpp"
#include "rung/people/csv.hpp"
#include "rung/people/plan_report.hpp"
#include "rung/web/admin/handlers.hpp"
#include "rung/web/shell/imports.hpp"
#include "rung/web/shell/people_snapshot.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

// "level: swe-2 → swe-3" for every field that differs.
Json field_changes(const store::Person& before, const store::Person& after) {
  Json out = Json::array();
  auto add = [&](std::string_view field, const std::string& from, const std::string& to) {
    if (from != to) {
      out.push_back({{"field", field}, {"before", from}, {"after", to}});
    }
  };
  add("name", before.name, after.name);
  add("email", before.email, after.email);
  add("track", before.track, after.track);
  add("level", before.level, after.level);
  add("start date", before.start_date, after.start_date);
  add("status", std::string(store::to_string(before.status)),
      std::string(store::to_string(after.status)));
  return out;
}

// Every field of a new person, so that levels and managers can be checked before Apply.
Json new_person_fields(const model::Ladder& ladder, const people::PersonChange& change) {
  const store::Person& p = change.after;
  const model::Level* level = ladder.find_level(p.level);
  const model::Track* track = ladder.find_track(p.track);
  Json out = Json::array();
  out.push_back({{"field", "title"}, {"value", level != nullptr ? level->title : p.level}});
  out.push_back({{"field", "level"}, {"value", p.level}});
  out.push_back({{"field", "track"}, {"value", track != nullptr ? track->name : p.track}});
  out.push_back({{"field", "manager"},
                 {"value", change.after_manager_email.empty() ? std::string("none")
                                                              : change.after_manager_email}});
  out.push_back({{"field", "start date"}, {"value", p.start_date}});
  return out;
}

Json change_json(const model::Ladder& ladder, const people::PersonChange& change) {
  const bool gone = change.kind == people::ChangeKind::deactivate;
  const store::Person& shown = gone ? change.before : change.after;
  Json fields = Json::array();
  Json values = Json::array();
  if (change.kind == people::ChangeKind::create) {
    values = new_person_fields(ladder, change);
  } else {
    fields = field_changes(change.before, change.after);
    if (change.before_manager_email != change.after_manager_email) {
      fields.push_back({{"field", "manager"},
                        {"before", change.before_manager_email},
                        {"after", change.after_manager_email}});
    }
  }
  return Json{{"kind", people::to_string(change.kind)},
              {"row", change.row == 0 ? Json("—") : Json(change.row)},
              {"name", shown.name},
              {"email", shown.email},
              {"fields", std::move(fields)},
              {"values", std::move(values)}};
}

Json conflicts_json(const people::ImportPlan& plan) {
  Json out = Json::array();
  for (const people::LevelConflict& conflict : plan.conflicts) {
    out.push_back({{"row", conflict.row},
                   {"name", conflict.name},
                   {"email", conflict.email},
                   {"file_level", conflict.file_level},
                   {"stored_level", conflict.stored_level},
                   {"message", people::conflict_message(conflict)}});
  }
  return out;
}

// The conflicts whose HR level the admin accepted (docs/promotions.md).
Json accepted_json(const people::ImportPlan& plan) {
  Json out = Json::array();
  for (const people::LevelConflict& c : plan.accepted) {
    out.push_back({{"row", c.row},
                   {"name", c.name},
                   {"email", c.email},
                   {"file_level", c.file_level},
                   {"stored_level", c.stored_level}});
  }
  return out;
}

Json plan_json(const model::Ladder& ladder, const people::ImportPlan& plan) {
  Json counts;
  for (auto kind : {people::ChangeKind::create, people::ChangeKind::update,
                    people::ChangeKind::deactivate, people::ChangeKind::reactivate}) {
    counts[std::string(people::to_string(kind))] = plan.count(kind);
  }
  Json changes = Json::array();
  for (const people::PersonChange& change : plan.changes) {
    changes.push_back(change_json(ladder, change));
  }
  Json errors = Json::array();
  for (const people::RowError& error : plan.errors) {
    errors.push_back({{"row", error.row},
                      {"column", error.column},
                      {"message", error.message},
                      {"hint", error.hint}});
  }
  return Json{{"counts", std::move(counts)},
              {"unchanged", plan.unchanged},
              {"skipped", plan.skipped},
              {"notes", plan.notes},
              {"conflicts", conflicts_json(plan)},
              {"accepted", accepted_json(plan)},
              {"changes", std::move(changes)},
              {"errors", std::move(errors)},
              {"has_errors", !plan.errors.empty()},
              {"has_changes", !plan.changes.empty()}};
}

Response import_page(const Resources& resources, const Call& call, int status, Json extra) {
  Json view = admin_view(resources, call, "Import people", "import");
  view.update(extra);
  return page(resources, call, status, "import", std::move(view));
}

// The plan of `bytes` against the store as it is now; a file that is not readable CSV gives
// the reader's errors.
Results<people::ImportPlan> plan_for(const Resources& resources, std::string_view bytes,
                                     std::string_view filename,
                                     const std::vector<std::string>& accept_hr_level = {},
                                     std::int64_t* people_version = nullptr) {
  RUNG_TRY_ASSIGN(people::CsvTable table, people::read_csv(bytes, filename));
  // The version before the people: a plan is never newer than the version it is kept with.
  const std::int64_t version = unwrap(resources.store.people_version());
  if (people_version != nullptr) {
    *people_version = version;
  }
  const auto current = unwrap(resources.store.people());
  const auto promoted = unwrap(people::latest_approvals(resources.store, current));
  return people::plan_import(resources.ladder, current, std::move(table), promoted,
                             accept_hr_level);
}

// The emails of the conflicts the admin ticked on the dry run.
std::vector<std::string> accepted_levels(const Call& call) {
  std::vector<std::string> out;
  if (call.form != nullptr) {
    for (const FormField& field : call.form->fields()) {
      if (field.name == "accept_hr_level" && !field.filename) {
        out.push_back(field.value);
      }
    }
  }
  return out;
}

Json error_lines(const Errors& errors) {
  Json out = Json::array();
  for (const Error& error : errors) {
    out.push_back(error.to_string());
  }
  return out;
}

}  // namespace

Response admin_import(const Resources& resources, const Call& call) {
  return import_page(resources, call, 200, Json::object());
}

Response admin_import_upload(const Resources& resources, const Call& call) {
  const FormField* file = call.form != nullptr ? call.form->file("file") : nullptr;
  if (file == nullptr || file->value.empty()) {
    return import_page(resources, call, 400, Json{{"error", "Choose a CSV file to upload."}});
  }
  const std::string filename = file->filename.value_or("people.csv");
  std::int64_t version = 0;
  auto plan = plan_for(resources, file->value, filename, {}, &version);
  if (!plan) {
    return import_page(resources, call, 400,
                       Json{{"error", fmt::format("{} is not a readable CSV file.", filename)},
                            {"file_errors", error_lines(plan.error())}});
  }
  Json shown = plan_json(resources.ladder, *plan);
  shown["filename"] = filename;
  if (plan->errors.empty() && (!plan->changes.empty() || !plan->conflicts.empty())) {
    shown["upload"] = unwrap(resources.imports.put(
        filename, file->value, call.viewer->account.login, version, resources.now()));
  }
  return import_page(resources, call, plan->errors.empty() ? 200 : 422, Json{{"plan", shown}});
}

Response admin_import_apply(const Resources& resources, const Call& call) {
  const std::string_view token = call.field("upload");
  const auto upload =
      unwrap(resources.imports.find(token, call.viewer->account.login, resources.now()));
  if (!upload) {
    return import_page(resources, call, 409,
                       Json{{"error",
                             "That upload is no longer here (it expired after an hour, or it "
                             "was made by someone else). Upload the file again."}});
  }
  if (upload->applied_at != 0) {
    return import_page(resources, call, 409,
                       Json{{"error",
                             "This file was applied already (perhaps from another tab or by a "
                             "second click); nothing was changed now. Upload it again to see "
                             "what it would change today."}});
  }
  // Planned again: the store may have changed since the dry run was shown (through this
  // instance, another one, or `rung people import`).
  std::int64_t version = 0;
  auto plan = plan_for(resources, upload->bytes, upload->filename, accepted_levels(call), &version);
  if (!plan || !plan->errors.empty()) {
    Json extra{{"error", "The file no longer applies cleanly; here is the new dry run."}};
    if (plan) {
      extra["plan"] = plan_json(resources.ladder, *plan);
      extra["plan"]["filename"] = upload->filename;
    }
    return import_page(resources, call, 409, std::move(extra));
  }
  if (version != upload->people_version) {
    // What would be applied is not what was shown: show it, and let the admin apply that.
    if (auto kept = resources.imports.shown_again(token, version); !kept) {
      throw std::runtime_error(kept.error().message);
    }
    Json shown = plan_json(resources.ladder, *plan);
    shown["filename"] = upload->filename;
    shown["upload"] = std::string(token);
    return import_page(resources, call, 409,
                       Json{{"error",
                             "People changed since this dry run was made (someone edited or "
                             "imported people meanwhile). Nothing was applied; here is the dry "
                             "run against the people as they are now. Apply it if it is right."},
                            {"plan", std::move(shown)}});
  }
  auto applied =
      people::apply_import(resources.store, *plan, call.viewer->account.login, resources.now(),
                           [&](store::Writer& writer) {
                             return PendingImports::mark_applied(writer, token, resources.now());
                           });
  if (!applied) {
    return import_page(resources, call, 409, Json{{"error", applied.error().message}});
  }
  Json done = plan_json(resources.ladder, *plan);
  done["filename"] = upload->filename;
  done["without_accounts"] = unwrap(auth::people_without_accounts(resources.store)).size();
  return import_page(resources, call, 200, Json{{"applied", std::move(done)}});
}

}  // namespace rung::web::handlers
