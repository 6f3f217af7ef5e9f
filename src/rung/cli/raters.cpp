// `rung raters`: the rater statistics of a review cycle (review/raters.hpp, docs/raters.md) for
// the operator, who may read everything: no viewer, as `rung assess export`.
#include <map>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/data_store.hpp"
#include "rung/cli/ladder_source.hpp"
#include "rung/cli/terminal.hpp"
#include "rung/review/cycle_ratings.hpp"

namespace rung::cli {

namespace {

struct RatersArgs {
  store::Id cycle = 0;
  std::size_t min_people = review::RaterOptions{}.min_people;  // --min-people
  std::string format = "text";                                 // --format: text or json
  std::string data_dir;                                        // --data
  std::string ladder_path;                                     // --ladder
};

// A name without control characters, so a stored value cannot move the terminal's cursor.
std::string printable(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte < 0x20 || byte == 0x7f ? '?' : c;
  }
  return out;
}

std::string figure(const std::optional<double>& value, std::string_view spec = "{:.2f}") {
  return value ? fmt::format(fmt::runtime(spec), *value) : "-";
}

void print_text(std::ostream& out, const review::RaterReport& report,
                const std::map<store::Id, std::string>& names, const store::ReviewCycle& cycle) {
  out << fmt::format("{}: {} raters, {} people, {} manager ratings on a {}-point scale\n",
                     printable(cycle.name), report.raters, report.people, report.ratings,
                     report.scale_size);
  if (report.ratings == 0) {
    out << "no submitted manager assessment in this cycle yet\n";
    return;
  }
  out << fmt::format("{:<28} {:>6} {:>7} {:>8} {:>17} {:>6} {:>6} {:>6} {:>6}\n", "rater", "people",
                     "ratings", "leniency", "95% interval", "spread", "halo", "kappa", "gap");
  for (const review::RaterStats& s : report.by_rater) {
    const auto name = names.find(s.rater);
    const std::string who = printable(name != names.end() ? name->second : std::to_string(s.rater));
    if (s.hidden) {
      out << fmt::format("{:<28} {:>6} {:>7}  hidden: fewer than {} people\n", who, s.people,
                         s.ratings, report.options.min_people);
      continue;
    }
    const std::string interval =
        s.leniency ? fmt::format("[{:+.2f}, {:+.2f}]", *s.leniency_low, *s.leniency_high) : "-";
    out << fmt::format("{:<28} {:>6} {:>7} {:>8} {:>17} {:>6} {:>6} {:>6} {:>6}\n", who, s.people,
                       s.ratings, figure(s.leniency, "{:+.2f}"), interval, figure(s.spread),
                       figure(s.halo), figure(s.kappa_self), figure(s.gap_self, "{:+.2f}"));
  }
}

Outcome run_raters(const RatersArgs& args, Io io) {
  RUNG_TRY_ASSIGN(const model::Ladder ladder, open_ladder(args.ladder_path));
  RUNG_TRY_ASSIGN(const auto store, open_data_store(args.data_dir, StoreAccess::read_only));
  review::RaterOptions options;
  options.min_people = args.min_people;
  const review::LadderVersions versions;
  RUNG_TRY_ASSIGN(const auto report, review::cycle_raters(*store, versions, args.cycle,
                                                          ladder.data().scale.size(), options));
  if (args.format == "json") {
    Json body{{"cycle", args.cycle}};
    body.update(review::raters_json(report));
    io.out << body.dump(2) << '\n';
    return k_exit_ok;
  }
  RUNG_TRY_ASSIGN(const auto cycle, store->cycle(args.cycle));
  RUNG_TRY_ASSIGN(const auto people, store->people());
  std::map<store::Id, std::string> names;
  for (const store::Person& person : people) {
    names.emplace(person.id, person.name);
  }
  print_text(io.out, report, names, cycle.value_or(store::ReviewCycle{}));
  return k_exit_ok;
}

}  // namespace

Handler setup_raters(CLI::App& sub, Io io) {
  auto args = std::make_shared<RatersArgs>();
  sub.add_option("--cycle", args->cycle, "The review cycle, by id")->required()->option_text("ID");
  sub.add_option("--min-people", args->min_people,
                 "Withhold the figures of raters who rated fewer people")
      ->option_text("N")
      ->capture_default_str();
  add_format_option(sub, args->format);
  add_data_option(sub, args->data_dir);
  add_ladder_option(sub, args->ladder_path);
  sub.footer(
      "Per manager who submitted manager assessments in the cycle: leniency against the\n"
      "organisation (shrunk, with a 95% interval), spread, halo, weighted kappa and mean gap\n"
      "against self-assessments, all in steps of the rating scale (docs/raters.md). Read from\n"
      "the submitted snapshots only; reads the store, safe while `rung serve` runs.\n"
      "Exit status: 0 printed; 2 the cycle, ladder or store cannot be used.");
  return [args, io] { return run_raters(*args, io); };
}

}  // namespace rung::cli
