// `rung lint`: the contract is in commands_list.hpp.
#include "rung/lint/lint.hpp"

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "rung/cli/commands_list.hpp"
#include "rung/cli/ladder_source.hpp"
#include "rung/core/text.hpp"
#include "rung/lint/render.hpp"
#include "rung/lint/rules.hpp"

namespace rung::cli {

namespace {

struct LintArgs {
  std::string file;
  std::string format = "text";
  bool strict = false;
  bool list_rules = false;
  std::vector<std::string> disabled;
};

void print_rules(std::ostream& out) {
  for (const lint::RuleInfo& rule : lint::rules()) {
    out << fmt::format("{}  {:<7}  {:<19} {}\n", rule.code, lint::to_string(rule.severity),
                       rule.name, rule.summary);
  }
}

// Every --disable entry must name a rule; the first that does not is the failure, in a line of
// its own (lint's own words, not an error[code] line).
tl::expected<void, Failure> check_disabled(const std::vector<std::string>& disabled) {
  std::vector<std::string> known;
  for (const lint::RuleInfo& rule : lint::rules()) {
    known.emplace_back(rule.code);
    known.emplace_back(rule.name);
  }
  for (const auto& entry : disabled) {
    if (lint::find_rule(entry) == nullptr) {
      auto best = closest_match(entry, known);
      return tl::unexpected(
          Failure({}, fmt::format("rung lint: --disable {}: no such lint rule{}", entry,
                                  best ? fmt::format("; did you mean '{}'?", *best)
                                       : std::string("; rung lint --list-rules shows them"))));
    }
  }
  return {};
}

Outcome run_lint(const LintArgs& args, Io io) {
  if (args.list_rules) {
    print_rules(io.out);
    return k_exit_ok;
  }
  RUNG_TRY(check_disabled(args.disabled));
  RUNG_TRY_ASSIGN(const model::Ladder ladder, open_ladder(args.file));
  lint::Options options;
  options.disabled = args.disabled;
  const lint::Report report = lint::lint(ladder, options);
  io.out << (args.format == "json" ? lint::to_json(report) : lint::to_text(report));
  return lint::passes(report, args.strict ? lint::Strict::yes : lint::Strict::no) ? k_exit_ok
                                                                                  : k_exit_findings;
}

}  // namespace

Handler setup_lint(CLI::App& sub, Io io) {
  auto args = std::make_shared<LintArgs>();
  sub.add_option("FILE", args->file, "Ladder YAML file to lint (default: the built-in ladder)");
  sub.add_option("--format", args->format, "Output format (default: text)")
      ->check(CLI::IsMember({"text", "json"}))
      ->option_text("text|json");
  sub.add_flag("--strict", args->strict, "Fail (exit 1) on warnings too, not only on errors");
  sub.add_option("--disable", args->disabled,
                 "Turn a rule off for this run, by code or name (repeatable)")
      ->option_text("CODE")
      ->allow_extra_args(false);
  sub.add_flag("--list-rules", args->list_rules, "List the lint rules and exit");
  return [args, io] { return run_lint(*args, io); };
}

}  // namespace rung::cli
