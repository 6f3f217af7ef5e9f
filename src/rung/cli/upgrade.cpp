#include <filesystem>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/data_store.hpp"
#include "rung/core/clock.hpp"
#include "rung/core/utc.hpp"
#include "rung/store/postgres/store.hpp"
#include "rung/store/postgres/uri.hpp"

namespace rung::cli {

namespace {

struct UpgradeArgs {
  std::string data_dir;  // --data: the data directory
};

// DIR/rung-schema-N-20261204T210503Z.db: says what it holds and sorts by time.
std::filesystem::path copy_name(const std::string& data_dir, int schema) {
  std::string stamp = format_utc(system_now());
  std::erase(stamp, '-');
  std::erase(stamp, ':');
  return std::filesystem::path(data_dir) / fmt::format("rung-schema-{}-{}.db", schema, stamp);
}

// PostgreSQL: no copy of the database is made (pg_dump's job); the migration is one
// transaction, as in SQLite.
Outcome run_upgrade_database(const UpgradeArgs& args, Io io) {
  const auto shown = store::postgres::redact_uri(args.data_dir);
  RUNG_TRY_ASSIGN(const auto versions, store::postgres::schema_versions(args.data_dir));
  if (versions.database >= versions.latest) {
    io.out << fmt::format(
        "rung upgrade: {} has schema {}, the newest this rung knows; nothing to do\n", shown,
        versions.database);
    return k_exit_ok;
  }
  RUNG_TRY_ASSIGN(const auto upgraded, open_data_store(args.data_dir, StoreAccess::read_write));
  io.out << fmt::format("rung upgrade: upgraded {} from schema {} to {}\n", shown,
                        versions.database, versions.latest);
  return k_exit_ok;
}

Outcome run_upgrade(const UpgradeArgs& args, Io io) {
  if (is_database_uri(args.data_dir)) {
    return run_upgrade_database(args, io);
  }
  const auto file = data_store_file(args.data_dir);
  RUNG_TRY_ASSIGN(const auto versions, store::sqlite::schema_versions(file));
  if (versions.file >= versions.latest) {
    io.out << fmt::format(
        "rung upgrade: {} has schema {}, the newest this rung knows; nothing "
        "to do\n",
        file.string(), versions.file);
    return k_exit_ok;
  }
  const auto copy = copy_name(args.data_dir, versions.file);
  {
    RUNG_TRY_ASSIGN(const auto old, open_data_store(args.data_dir, StoreAccess::copy_only));
    RUNG_TRY(old->backup(copy));
  }
  io.out << fmt::format("rung upgrade: copied {} as it was to {}\n", file.string(), copy.string());
  RUNG_TRY_ASSIGN(const auto upgraded, open_data_store(args.data_dir, StoreAccess::read_write));
  io.out << fmt::format("rung upgrade: upgraded {} from schema {} to {}\n", file.string(),
                        versions.file, versions.latest);
  return k_exit_ok;
}

}  // namespace

Handler setup_upgrade(CLI::App& sub, Io io) {
  auto args = std::make_shared<UpgradeArgs>();
  add_data_option(sub, args->data_dir);
  sub.footer(
      "Brings the database of the data directory (DIR/rung.db) to this rung's schema, after\n"
      "copying it as it was to DIR/rung-schema-N-TIME.db (as `rung backup` would; remove the\n"
      "copy once you are satisfied). The upgrade is one transaction: if a step fails, nothing\n"
      "changes. `rung serve` and the commands that write upgrade by themselves; the read-only\n"
      "commands (audit, raters, assess export) do not, and point here instead.\n"
      "With --database (PostgreSQL) no copy is made: take one with pg_dump first.\n"
      "Stop `rung serve` first if an older rung is serving this directory.\n"
      "Examples:\n"
      "  rung upgrade\n"
      "  rung upgrade --data /srv/rung");
  return [args, io] { return run_upgrade(*args, io); };
}

}  // namespace rung::cli
