// `rung migrate apply MAP [--apply]` (migrate.hpp): moves open drafts and growth plans to the
// new ladder version through review::Service::migrate, a dry run unless --apply.
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/auth/viewer.hpp"
#include "rung/cli/data_store.hpp"
#include "rung/cli/migrate.hpp"
#include "rung/cli/terminal.hpp"
#include "rung/cli/user.hpp"
#include "rung/review/service.hpp"

namespace rung::cli {

namespace {

struct ApplyArgs {
  std::string map;
  std::string before;  // --old
  std::string after;   // --new
  std::string data_dir;
  std::string format = "text";
  bool apply = false;
};

std::string counts_of(const review::MigrationLine& line) {
  if (!line.stays.empty()) {
    return "stays: " + line.stays;
  }
  if (!line.changes()) {
    return "nothing to move";
  }
  return fmt::format("{} follow{}, {} flagged for the rater, {} archived", line.followed,
                     line.followed == 1 ? "s" : "", line.flagged, line.archived);
}

void print_text(const review::MigrationReport& report, std::ostream& out) {
  std::size_t moved = 0;
  std::size_t stays = 0;
  store::Id person = -1;
  for (const auto& line : report.lines) {
    if (line.person != person) {
      person = line.person;
      out << fmt::format("{} (person {})\n", line.person_name, line.person);
    }
    out << fmt::format("  {} ({}): {}\n", line.what, line.subject, counts_of(line));
    for (const auto& flag : line.flags) {
      out << fmt::format("    ! {}\n", flag);
    }
    moved += line.stays.empty() && line.changes() ? 1 : 0;
    stays += line.stays.empty() ? 0 : 1;
  }
  if (report.lines.empty()) {
    out << "No open drafts or growth plans: nothing to move.\n";
  }
  out << fmt::format("{} {} draft{} and plan{}; {} stay{} on the old version.\n",
                     report.applied ? "Moved" : "Would move", moved, moved == 1 ? "" : "s",
                     moved == 1 ? "" : "s", stays, stays == 1 ? "s" : "");
  if (!report.applied) {
    out << "Dry run: nothing changed. Run again with --apply to move them.\n";
  }
}

void print_json(const review::MigrationReport& report, std::ostream& out) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& line : report.lines) {
    lines.push_back({{"person", line.person},
                     {"person_name", line.person_name},
                     {"subject", line.subject},
                     {"what", line.what},
                     {"followed", line.followed},
                     {"flagged", line.flagged},
                     {"archived", line.archived},
                     {"stays", line.stays},
                     {"flags", line.flags}});
  }
  out << nlohmann::json{{"applied", report.applied}, {"lines", lines}}.dump(2) << "\n";
}

Outcome run_apply(const ApplyArgs& args, Io io) {
  auto checked = read_checked_map(args.map, args.before, args.after);
  if (!checked) {
    return tl::unexpected(std::move(checked.error()));
  }
  if (!data_store_exists(args.data_dir)) {
    return tl::unexpected(
        Failure(Errors{Error{"store.missing",
                             fmt::format("there is no store at {}", args.data_dir),
                             {},
                             "give the data directory `rung serve` uses with --data DIR",
                             ErrorKind::not_found}},
                "nothing changed"));
  }
  RUNG_TRY_ASSIGN(const auto store,
                  open_data_store(args.data_dir,
                                  args.apply ? StoreAccess::read_write : StoreAccess::read_only));
  review::Service service(*store, checked->after);
  auth::Viewer viewer;
  viewer.account.login = cli_actor();
  viewer.account.admin = true;
  RUNG_TRY_ASSIGN(const auto report,
                  service.migrate(viewer, checked->before, checked->plan, args.apply));
  if (args.format == "json") {
    print_json(report, io.out);
  } else {
    print_text(report, io.out);
  }
  return k_exit_ok;
}

}  // namespace

void setup_migrate_apply(CLI::App& sub, Io io, const std::shared_ptr<Handler>& chosen) {
  auto args = std::make_shared<ApplyArgs>();
  CLI::App* apply = sub.add_subcommand(
      "apply", "Move open drafts and growth plans to the new version (a dry run unless --apply)");
  apply->add_option("MAP", args->map, "The map, checked first (`rung migrate check`)")->required();
  apply->add_flag("--apply", args->apply,
                  "Make the changes (all or nothing); without it, only "
                  "show them");
  apply->add_option("--old", args->before, "The old ladder (default: the map's file)")
      ->option_text("FILE");
  apply->add_option("--new", args->after, "The new ladder (default: the map's file)")
      ->option_text("FILE");
  add_data_option(*apply, args->data_dir);
  add_format_option(*apply, args->format);
  apply->footer(
      "Ratings, evidence and plan items of kept, reworded and moved statements follow them;\n"
      "those of split and merged statements are taken out and flagged for the rater; those\n"
      "of dropped statements are archived (kept in the audit entry). Submitted assessments\n"
      "and drafts of review cycles are not touched. One transaction, an audit entry per\n"
      "moved draft (assessment.migrate) and plan (plan.migrate).\n"
      "Exit status: 0 planned or applied; 1 the map has problems (nothing changed); 2 a file\n"
      "or the store cannot be used, or a ladder is not the one the map was made for.");
  apply->callback([chosen, args, io] { *chosen = [args, io] { return run_apply(*args, io); }; });
}

}  // namespace rung::cli
