#include <filesystem>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/ladder_source.hpp"
#include "rung/cli/terminal.hpp"
#include "rung/compare/ladder_diff.hpp"
#include "rung/compare/ladder_diff_report.hpp"

namespace rung::cli {

namespace {

struct DiffArgs {
  std::string before;           // OLD: a ladder file, or "builtin"
  std::string after;            // NEW
  std::string format = "text";  // --format: text, json or markdown
  std::string color = "auto";   // --color
  double threshold = compare::k_default_threshold;
  bool exit_code = false;  // --exit-code: exit 1 when the versions differ
};

// "builtin" names the ladder compiled into rung, unless a file of that name is there.
Results<model::Ladder> open_version(const std::string& name) {
  if (name == "builtin" && !std::filesystem::exists(name)) {
    return open_ladder("");
  }
  return open_ladder(name);
}

Outcome run_diff(const DiffArgs& args, Io io) {
  RUNG_TRY_ASSIGN(const model::Ladder before, open_version(args.before));
  RUNG_TRY_ASSIGN(const model::Ladder after, open_version(args.after));
  const compare::LadderDiff diff = compare::diff_ladders(before, after, args.threshold);
  if (args.format == "json") {
    io.out << compare::render_diff_json(diff);
  } else if (args.format == "markdown") {
    io.out << compare::render_diff_markdown(diff);
  } else {
    io.out << compare::render_diff_text(diff, {use_color(args.color, io.out)});
  }
  return args.exit_code && !diff.unchanged() ? k_exit_findings : k_exit_ok;
}

}  // namespace

Handler setup_diff(CLI::App& sub, Io io) {
  auto args = std::make_shared<DiffArgs>();
  sub.add_option("OLD", args->before, "The earlier version: a ladder file, or 'builtin'")
      ->required();
  sub.add_option("NEW", args->after, "The later version: a ladder file, or 'builtin'")->required();
  sub.add_option("--format", args->format,
                 "Output format: text, json (every statement, for tools) or markdown (for a "
                 "pull request's review comment)")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  add_color_option(sub, args->color);
  sub.add_option("--threshold", args->threshold,
                 "Lowest similarity (0-1) at which two different statements of a level pair as "
                 "reworded; a move to another level needs at least 0.6")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  sub.add_flag("--exit-code", args->exit_code, "Exit 1 when the two versions differ");
  sub.footer(
      "Compares two versions of a ladder: levels added, removed or renamed, and every\n"
      "statement kept, reworded, moved (to another level or area), new or dropped.\n"
      "  ~ reworded ([-old words-] {+new words+}, similarity)   > moved   + new   - dropped\n"
      "Examples:\n"
      "  rung diff builtin ladders/engineering.yaml\n"
      "  rung diff old.yaml new.yaml --format markdown > comment.md\n"
      "  git show main:ladder.yaml > /tmp/old.yaml && rung diff /tmp/old.yaml ladder.yaml");
  return [args, io] { return run_diff(*args, io); };
}

}  // namespace rung::cli
