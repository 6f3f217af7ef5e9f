// rung_save_bench: the steps of the save-load benchmark (bench/save/README.md), one subcommand
// each; bench/save/run.sh runs them in order around `rung serve`.
#include <chrono>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "check.hpp"
#include "loader.hpp"
#include "plan.hpp"
#include "raw_sqlite.hpp"
#include "setup.hpp"

namespace {

using namespace save_bench;

// Prints the error and gives the exit code; 0 when there is none.
int report_error(const rung::Result<void>& result) {
  if (result) {
    return 0;
  }
  std::cerr << "rung_save_bench: " << result.error().to_string() << "\n";
  return 2;
}

struct Args {
  SetupOptions setup;
  LoadOptions load;
  RawOptions raw;
  CheckOptions check;
  std::string plan;
  std::string out;
  double seconds = 30;
};

std::chrono::milliseconds millis(double seconds) {
  return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
}

int setup(const Args& a) {
  return report_error(
      set_up(a.setup).and_then([&](const Plan& p) { return write_plan(a.plan, p); }));
}

int load(Args a) {
  a.load.duration = millis(a.seconds);
  return report_error(read_plan(a.plan)
                          .and_then([&](const Plan& p) { return run_load(p, a.load); })
                          .and_then([&](const RunReport& r) { return write_report(a.out, r); }));
}

int raw(Args a) {
  a.raw.duration = millis(a.seconds);
  return report_error(read_plan(a.plan)
                          .and_then([&](const Plan& p) { return run_raw(p, a.raw); })
                          .and_then([&](const RunReport& r) { return write_report(a.out, r); }));
}

int check(const Args& a) {
  const auto passed = check_runs(a.check, std::cout);
  if (!passed) {
    return report_error(tl::unexpected(passed.error()));
  }
  return *passed ? 0 : 1;
}

struct Command {
  const char* name;
  const char* help;
  std::function<void(CLI::App&, Args&)> options;
  std::function<int(const Args&)> run;
};

void add_run_options(CLI::App& sub, Args& a) {
  sub.add_option("--plan", a.plan, "The plan `setup` wrote")->required();
  sub.add_option("--seconds", a.seconds, "How long saves are sent")->capture_default_str();
  sub.add_option("--out", a.out, "Where to write the run's report (JSON)")->required();
}

const std::vector<Command>& commands() {
  static const std::vector<Command> table{
      {"setup", "Write a fresh data directory and the plan",
       [](CLI::App& sub, Args& a) {
         sub.add_option("--data", a.setup.data_dir, "Data directory (no rung.db yet)")->required();
         sub.add_option("--writers", a.setup.writers, "People / connections")
             ->capture_default_str();
         sub.add_option("--level", a.setup.level, "Built-in ladder level")->capture_default_str();
         sub.add_option("--plan", a.plan, "Where to write the plan (JSON)")->required();
       },
       setup},
      {"load", "Save ratings over HTTP against a running rung serve",
       [](CLI::App& sub, Args& a) {
         add_run_options(sub, a);
         sub.add_option("--host", a.load.host, "IPv4 address")->capture_default_str();
         sub.add_option("--port", a.load.port, "Port")->required();
       },
       load},
      {"raw", "The same saves straight into a copy of the database",
       [](CLI::App& sub, Args& a) {
         add_run_options(sub, a);
         sub.add_option("--database", a.raw.database, "The copy of rung.db")->required();
         sub.add_flag("!--sync-normal", a.raw.sync_full,
                      "PRAGMA synchronous = NORMAL, as rung serve --sync normal (default FULL)");
       },
       raw},
      {"check", "Verify both databases and print the figures (exit 1 on any error)",
       [](CLI::App& sub, Args& a) {
         sub.add_option("--plan", a.check.plan, "The plan")->required();
         sub.add_option("--rung-report", a.check.rung_report, "From load")->required();
         sub.add_option("--rung-database", a.check.rung_database, "Served rung.db")->required();
         sub.add_option("--raw-report", a.check.raw_report, "From raw")->required();
         sub.add_option("--raw-database", a.check.raw_database, "Raw copy")->required();
       },
       check},
  };
  return table;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"The steps of rung's save-load benchmark (bench/save/README.md)"};
  app.require_subcommand(1);
  Args args;
  const Command* chosen = nullptr;
  for (const Command& command : commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    command.options(*sub, args);
    sub->callback([&chosen, &command] { chosen = &command; });
  }
  CLI11_PARSE(app, argc, argv);
  return chosen->run(args);
}
