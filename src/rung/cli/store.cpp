#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/store/copy/copy.hpp"
#include "rung/store/postgres/uri.hpp"

namespace rung::cli {

namespace {

struct CopyArgs {
  std::string from;  // --from sqlite:PATH | postgresql://...
  std::string to;    // --to likewise
};

Outcome run_copy(const CopyArgs& args, Io io) {
  RUNG_TRY_ASSIGN(const auto tables, store::copy::copy_store(args.from, args.to));
  std::int64_t rows = 0;
  for (const auto& table : tables) {
    io.out << fmt::format("  {:<22} {:>8} rows  {}\n", table.table, table.rows,
                          table.digest.substr(0, 16));
    rows += table.rows;
  }
  io.out << fmt::format(
      "rung store copy: copied {} rows from {} to {}; every table's count and digest read back "
      "the same\n",
      rows, store::postgres::redact_uri(args.from), store::postgres::redact_uri(args.to));
  return k_exit_ok;
}

}  // namespace

Handler setup_store(CLI::App& sub, Io io) {
  auto args = std::make_shared<CopyArgs>();
  sub.require_subcommand(1);
  CLI::App* copy = sub.add_subcommand(
      "copy", "Copy everything from one store to another, empty one (SQLite <-> PostgreSQL)");
  copy->add_option("--from", args->from, "The store to copy: sqlite:PATH or postgresql://...")
      ->option_text("STORE")
      ->required();
  copy->add_option("--to", args->to,
                   "The empty store to fill: sqlite:PATH (created) or postgresql://...")
      ->option_text("STORE")
      ->required();
  copy->footer(
      "Copies people, accounts, sessions, the audit log, review cycles, assessments (ratings,\n"
      "evidence, snapshots, withdrawals), frozen ladders, growth plans and promotion cases,\n"
      "each row with its id, in one transaction on the target; then reads every table back and\n"
      "commits only when its count and content digest equal the source's. The target must be\n"
      "empty (a new file, or a database or schema with no rung rows). Stop `rung serve` on the\n"
      "source first, or writes made during the copy stay behind.\n"
      "Examples:\n"
      "  rung store copy --from sqlite:var/rung.db --to postgresql://rung@db/rung\n"
      "  rung store copy --from postgresql://rung@db/rung --to sqlite:/srv/rung/rung.db");
  return [args, io, copy]() -> Outcome {
    (void)copy;
    return run_copy(*args, io);
  };
}

}  // namespace rung::cli
