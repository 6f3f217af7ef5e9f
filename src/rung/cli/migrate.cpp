// `rung migrate plan|check|apply`: moving drafts and growth plans to a new ladder version
// (docs/migrate.md).
#include "rung/cli/migrate.hpp"

#include <filesystem>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/ladder_source.hpp"
#include "rung/core/fs.hpp"
#include "rung/migrate/map.hpp"
#include "rung/migrate/plan.hpp"
#include "rung/review/snapshot.hpp"

namespace rung::cli {

namespace {

// Above this many statements, `migrate plan` says on stderr how far it is.
constexpr std::size_t k_progress_from = 2000;

struct PlanArgs {
  std::string before;
  std::string after;
  std::string output;  // -o; "" or "-": stdout
};

struct CheckArgs {
  std::string map;
  std::string before;  // --old: overrides the map's old file
  std::string after;   // --new
};

// "builtin" names the ladder compiled into rung, unless a file of that name is there.
Results<model::Ladder> open_named(const std::string& name) {
  if (name == "builtin" && !std::filesystem::exists(name)) {
    return open_ladder("");
  }
  return open_ladder(name);
}

std::size_t statement_count(const model::Ladder& ladder) {
  std::size_t count = 0;
  for (const auto& track : ladder.tracks()) {
    for (const auto& level : track.levels) {
      for (const auto& block : level.areas) {
        count += block.statements.size();
      }
    }
  }
  return count;
}

Outcome run_plan(const PlanArgs& args, Io io) {
  RUNG_TRY_ASSIGN(const model::Ladder before, open_named(args.before));
  RUNG_TRY_ASSIGN(const model::Ladder after, open_named(args.after));
  migrate::Progress progress;
  if (statement_count(before) + statement_count(after) >= k_progress_from) {
    progress = [&io, last = std::string(), step = std::size_t{0}](
                   std::string_view stage, std::size_t done, std::size_t total) mutable {
      const std::size_t tenth = total == 0 ? 10 : done * 10 / total;
      if (stage != last || tenth != step) {
        io.err << fmt::format("migrate plan: {} {}/{}\n", stage, done, total);
        last = std::string(stage);
        step = tenth;
      }
    };
  }
  migrate::Plan plan = migrate::make_plan(before, after, progress);
  plan.before = {args.before, review::ladder_version(before).digest};
  plan.after = {args.after, review::ladder_version(after).digest};
  const std::string map = migrate::render_map(plan, before, after);
  if (args.output.empty() || args.output == "-") {
    io.out << map;
  } else {
    RUNG_TRY(write_file_atomic(args.output, map));
    const auto counts = migrate::count(plan);
    io.err << fmt::format(
        "wrote {}: {} kept, {} reworded, {} moved, {} split, {} merged, {} dropped; {} added\n",
        args.output, counts.kept, counts.reworded, counts.moved, counts.split, counts.merged,
        counts.dropped, counts.added);
  }
  return k_exit_ok;
}

Result<model::Ladder> open_version(const std::string& given, const std::string& file,
                                   const std::string& digest, std::string_view side,
                                   const std::string& map) {
  const std::string name = given.empty() ? file : given;
  auto ladder = open_named(name);
  if (!ladder) {
    Error error = ladder.error().front();
    error.hint =
        fmt::format("the map names the {} ladder '{}'; give it with --{} FILE", side, file, side);
    return tl::unexpected(error);
  }
  if (const auto found = review::ladder_version(*ladder).digest; found != digest) {
    return fail(ErrorKind::conflict, "migrate.wrong-ladder",
                fmt::format("{} is not the {} ladder of {}: its digest is {}, the map's {}", name,
                            side, map, found, digest),
                {}, "make the map again with `rung migrate plan`");
  }
  return std::move(*ladder);
}

Failure map_problems(Errors problems) {
  return Failure(std::move(problems), "the map has problems: nothing changed", k_exit_findings);
}

}  // namespace

tl::expected<CheckedMap, Failure> read_checked_map(const std::string& map_file,
                                                   const std::string& before,
                                                   const std::string& after) {
  auto text = read_file(map_file);
  if (!text) {
    return tl::unexpected(Failure(text.error()));
  }
  auto plan = migrate::read_map(*text, map_file);
  if (!plan) {
    return tl::unexpected(map_problems(std::move(plan.error())));
  }
  auto old_ladder = open_version(before, plan->before.file, plan->before.digest, "old", map_file);
  if (!old_ladder) {
    return tl::unexpected(Failure(old_ladder.error()));
  }
  auto new_ladder = open_version(after, plan->after.file, plan->after.digest, "new", map_file);
  if (!new_ladder) {
    return tl::unexpected(Failure(new_ladder.error()));
  }
  if (Errors problems = migrate::check_plan(*plan, *old_ladder, *new_ladder); !problems.empty()) {
    return tl::unexpected(map_problems(std::move(problems)));
  }
  return CheckedMap{std::move(*plan), std::move(*old_ladder), std::move(*new_ladder)};
}

namespace {

Outcome run_check(const CheckArgs& args, Io io) {
  auto checked = read_checked_map(args.map, args.before, args.after);
  if (!checked) {
    return tl::unexpected(std::move(checked.error()));
  }
  const auto counts = migrate::count(checked->plan);
  io.out << fmt::format(
      "{}: fits both versions: {} kept, {} reworded, {} moved, {} split, {} merged, {} dropped; "
      "{} added\n",
      args.map, counts.kept, counts.reworded, counts.moved, counts.split, counts.merged,
      counts.dropped, counts.added);
  return k_exit_ok;
}

}  // namespace

Handler setup_migrate(CLI::App& sub, Io io) {
  sub.require_subcommand(1);
  auto chosen = std::make_shared<Handler>();

  auto plan_args = std::make_shared<PlanArgs>();
  CLI::App* plan = sub.add_subcommand(
      "plan", "Propose what became of every statement of OLD in NEW, as a map to review");
  plan->add_option("OLD", plan_args->before, "The version work was done on: a file, or 'builtin'")
      ->required();
  plan->add_option("NEW", plan_args->after, "The version to move to: a file, or 'builtin'")
      ->required();
  plan->add_option("-o,--output", plan_args->output, "Write the map to FILE (default: stdout)")
      ->option_text("FILE");
  plan->footer(
      "Each statement of OLD is kept, reworded, moved (another level or area), split (one\n"
      "old -> several new), merged (several old -> one new) or dropped, with the similarity\n"
      "of the texts; NEW's new statements are listed under 'added'. Edit the map where the\n"
      "proposal is wrong, then `rung migrate check MAP` and `rung migrate apply MAP`.\n"
      "Example:\n"
      "  rung migrate plan ladder-2025.yaml ladder-2026.yaml -o map.yaml");
  plan->callback(
      [chosen, plan_args, io] { *chosen = [plan_args, io] { return run_plan(*plan_args, io); }; });

  auto check_args = std::make_shared<CheckArgs>();
  CLI::App* check = sub.add_subcommand(
      "check", "Check a map: every statement once, known ids, fates that fit their targets");
  check->add_option("MAP", check_args->map, "The map `rung migrate plan` wrote")->required();
  check->add_option("--old", check_args->before, "The old ladder (default: the map's file)")
      ->option_text("FILE");
  check->add_option("--new", check_args->after, "The new ladder (default: the map's file)")
      ->option_text("FILE");
  check->footer(
      "Exit status: 0 the map fits both versions; 1 it has problems (each with\n"
      "file:line:col); 2 the map or a ladder cannot be read, or is not the version the\n"
      "map was made for.");
  check->callback([chosen, check_args, io] {
    *chosen = [check_args, io] { return run_check(*check_args, io); };
  });

  setup_migrate_apply(sub, io, chosen);
  return [chosen] { return *chosen ? (*chosen)() : k_exit_unusable; };
}

}  // namespace rung::cli
