#include "rung/compare/compare.hpp"

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/ladder_source.hpp"
#include "rung/cli/terminal.hpp"
#include "rung/compare/report.hpp"

namespace rung::cli {

namespace {

struct CompareArgs {
  std::string ladder_path;      // --ladder: ladder file; the built-in ladder when empty
  std::string a;                // the level to compare from
  std::string b;                // the level to compare with; the next level up when empty
  std::string format = "text";  // --format: text or json
  std::string color = "auto";   // --color: auto, always or never
  double threshold = compare::k_default_threshold;  // --threshold: lowest score that pairs
};

Outcome run_compare(const CompareArgs& args, Io io) {
  RUNG_TRY_ASSIGN(const model::Ladder ladder, open_ladder(args.ladder_path));
  const compare::Similarity similarity(ladder);
  const compare::CompareOptions options{args.threshold};
  RUNG_TRY_ASSIGN(const auto result,
                  args.b.empty()
                      ? compare::compare_with_next(ladder, similarity, args.a, options)
                      : compare::compare_levels(ladder, similarity, args.a, args.b, options));
  if (args.format == "json") {
    io.out << compare::render_json(result);
  } else {
    io.out << compare::render_text(result, {use_color(args.color, io.out)});
  }
  return k_exit_ok;
}

}  // namespace

Handler setup_compare(CLI::App& sub, Io io) {
  auto args = std::make_shared<CompareArgs>();
  sub.add_option("A", args->a, "The level to compare from (e.g. swe-2)")->required();
  sub.add_option("B", args->b, "The level to compare with; the next level in A's track if omitted");
  add_ladder_option(sub, args->ladder_path);
  add_format_option(sub, args->format);
  add_color_option(sub, args->color);
  sub.add_option("--threshold", args->threshold,
                 "Lowest similarity (0-1) at which two different statements pair as reworded")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  sub.footer(
      "Each area lists B's statements, then those only A has:\n"
      "  = unchanged   ~ reworded ([-A's words-] {+B's words+}, similarity)   + new at B"
      "   - only at A\n"
      "Examples:\n"
      "  rung compare swe-2          what changes from swe-2 to the next level (swe-3)\n"
      "  rung compare swe-3 mgr-1    across tracks\n"
      "  rung compare sre-3 sre-4 --format json");
  return [args, io] { return run_compare(*args, io); };
}

}  // namespace rung::cli
