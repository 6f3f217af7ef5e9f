#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/data_store.hpp"
#include "rung/cli/ladder_source.hpp"
#include "rung/cli/terminal.hpp"
#include "rung/cli/user.hpp"
#include "rung/core/clock.hpp"
#include "rung/people/csv.hpp"
#include "rung/people/import.hpp"
#include "rung/people/person_json.hpp"
#include "rung/people/plan_report.hpp"
#include "rung/store/memory/store.hpp"

namespace rung::cli {

namespace {

struct ImportArgs {
  std::string file;             // the HRIS export (CSV)
  bool apply = false;           // --apply: make the changes; otherwise a dry run
  std::string data_dir;         // --data: where the store lives
  std::string ladder_path;      // --ladder: the ladder levels are checked against
  std::string format = "text";  // --format: text or json
  std::string title_map;        // --title-map: the company's spellings of job titles (CSV)
  // --accept-hr-level: emails whose HRIS level replaces a promotion's (docs/promotions.md)
  std::vector<std::string> accept_hr_level;
};

struct ListArgs {
  std::string data_dir;
  std::string format = "text";
};

// The store an import reads from. A dry run never creates anything: with no database yet, it
// plans against an empty store.
Result<std::unique_ptr<store::Store>> import_store(const ImportArgs& args) {
  if (args.apply) {
    return open_data_store(args.data_dir, StoreAccess::read_write);
  }
  if (!data_store_exists(args.data_dir)) {
    return store::memory::make_store();
  }
  return open_data_store(args.data_dir, StoreAccess::read_only);
}

void print_plan(const ImportArgs& args, const people::ImportPlan& plan, bool applied, Io io) {
  io.out << (args.format == "json" ? people::render_plan_json(plan, args.file, applied)
                                   : people::render_plan_text(plan, args.file, applied));
}

// The title map of --title-map, or none.
Results<people::TitleMap> title_map(const ImportArgs& args, const model::Ladder& ladder) {
  if (args.title_map.empty()) {
    return people::TitleMap{};
  }
  RUNG_TRY_ASSIGN(const people::CsvTable table, people::read_csv_file(args.title_map));
  return people::read_title_map(table, ladder);
}

Outcome run_import(const ImportArgs& args, Io io) {
  RUNG_TRY_ASSIGN(const model::Ladder ladder, open_ladder(args.ladder_path));
  auto titles = title_map(args, ladder);
  if (!titles) {
    return tl::unexpected(Failure(std::move(titles).error(),
                                  fmt::format("{}: not imported; nothing was changed", args.file)));
  }
  auto table = people::read_csv_file(args.file);
  if (!table) {
    return tl::unexpected(Failure(std::move(table).error(),
                                  fmt::format("{}: not imported; nothing was changed", args.file)));
  }
  RUNG_TRY_ASSIGN(const auto store, import_store(args));
  RUNG_TRY_ASSIGN(const auto current, store->people());
  RUNG_TRY_ASSIGN(const auto promoted, people::latest_approvals(*store, current));
  const auto plan = people::plan_import(ladder, current, std::move(*table), promoted,
                                        args.accept_hr_level, *titles);
  if (!plan.errors.empty()) {
    print_plan(args, plan, false, io);
    return k_exit_findings;
  }
  if (args.apply) {
    RUNG_TRY(people::apply_import(*store, plan, cli_actor(), system_now()));
  }
  print_plan(args, plan, args.apply, io);
  return k_exit_ok;
}

std::string manager_email(const std::vector<store::Person>& people, const store::Person& person) {
  if (!person.manager) {
    return {};
  }
  // People come ordered by id (Reader::people), so the manager is found by binary search.
  auto it = std::lower_bound(people.begin(), people.end(), *person.manager,
                             [](const store::Person& p, store::Id id) { return p.id < id; });
  return it != people.end() && it->id == *person.manager ? it->email : std::string();
}

void print_people_text(const std::vector<store::Person>& people, std::ostream& out) {
  out << fmt::format("{:>5}  {:<24} {:<30} {:<8} {:<30} {}\n", "ID", "NAME", "EMAIL", "LEVEL",
                     "MANAGER", "STATUS");
  for (const auto& person : people) {
    out << fmt::format("{:>5}  {:<24} {:<30} {:<8} {:<30} {}\n", person.id, person.name,
                       person.email, person.level, manager_email(people, person),
                       store::to_string(person.status));
  }
  out << fmt::format("{} {}\n", people.size(), people.size() == 1 ? "person" : "people");
}

void print_people_json(const std::vector<store::Person>& people, std::ostream& out) {
  auto json = nlohmann::ordered_json::array();
  for (const auto& person : people) {
    auto item = nlohmann::ordered_json::parse(people::person_json(person));
    item["manager_email"] = manager_email(people, person);
    json.push_back(std::move(item));
  }
  out << json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

Outcome run_list(const ListArgs& args, Io io) {
  std::vector<store::Person> people;
  if (data_store_exists(args.data_dir)) {
    RUNG_TRY_ASSIGN(const auto store, open_data_store(args.data_dir, StoreAccess::read_only));
    RUNG_TRY_ASSIGN(people, store->people());
  }
  if (args.format == "json") {
    print_people_json(people, io.out);
  } else {
    print_people_text(people, io.out);
  }
  return k_exit_ok;
}

}  // namespace

Handler setup_people(CLI::App& sub, Io io) {
  sub.require_subcommand(1);
  auto chosen = std::make_shared<Handler>();

  auto import_args = std::make_shared<ImportArgs>();
  CLI::App* import_command = sub.add_subcommand(
      "import", "Plan (or with --apply, make) the changes an HRIS export (CSV) brings");
  import_command->add_option("FILE", import_args->file, "The HRIS export, CSV in UTF-8")
      ->required();
  import_command->add_flag("--apply", import_args->apply,
                           "Make the changes (all or nothing); without it, only show them");
  import_command
      ->add_option("--accept-hr-level", import_args->accept_hr_level,
                   "Emails (comma-separated) whose level in the file replaces the level of their "
                   "approved promotion: each conflict listed is applied and audited")
      ->delimiter(',')
      ->option_text("EMAIL,...");
  add_data_option(*import_command, import_args->data_dir);
  add_ladder_option(*import_command, import_args->ladder_path);
  add_format_option(*import_command, import_args->format);
  import_command
      ->add_option("--title-map", import_args->title_map,
                   "A CSV (Title,Level) of the company's own spellings of job titles, for rows "
                   "that name a job title instead of a level")
      ->option_text("FILE");
  import_command->footer(
      "The file is the whole company: people missing from it are marked as left.\n"
      "Columns are found by name (any case): Name, Email, Manager Email, Level, Track, Start\n"
      "Date, Status and the names HR systems use for them (docs/people-import.md).\n"
      "A row without a level takes it from its Job Title: the ladder's titles (Senior\n"
      "Software Engineer), and the spellings of --title-map (Sr. SWE,swe-3).\n"
      "Exit status: 0 planned or applied; 1 the file has problems (all listed; nothing\n"
      "changed); 2 the file or the store cannot be used.");
  import_command->callback([chosen, import_args, io] {
    *chosen = [import_args, io] { return run_import(*import_args, io); };
  });

  auto list_args = std::make_shared<ListArgs>();
  CLI::App* list = sub.add_subcommand("list", "List the people rung knows, ordered by id");
  add_data_option(*list, list_args->data_dir);
  add_format_option(*list, list_args->format);
  list->callback(
      [chosen, list_args, io] { *chosen = [list_args, io] { return run_list(*list_args, io); }; });

  return [chosen] { return *chosen ? (*chosen)() : k_exit_unusable; };
}

}  // namespace rung::cli
