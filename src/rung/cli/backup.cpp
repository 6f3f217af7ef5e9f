#include <filesystem>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/data_store.hpp"
#include "rung/cli/ladder_source.hpp"

namespace rung::cli {

namespace {

struct BackupArgs {
  std::string target;    // FILE: the copy to write (must not exist)
  std::string data_dir;  // --data: the data directory
};

Outcome run_backup(const BackupArgs& args, Io io) {
  RUNG_TRY_ASSIGN(const auto store, open_data_store(args.data_dir, StoreAccess::copy_only));
  RUNG_TRY(store->backup(args.target));
  std::error_code ignored;
  const auto bytes = std::filesystem::file_size(args.target, ignored);
  io.out << fmt::format("rung backup: copied {} to {} ({} bytes)\n", store->describe(), args.target,
                        bytes);
  return k_exit_ok;
}

}  // namespace

Handler setup_backup(CLI::App& sub, Io io) {
  auto args = std::make_shared<BackupArgs>();
  sub.add_option("FILE", args->target, "Where to write the copy (a new file)")->required();
  add_data_option(sub, args->data_dir);
  sub.footer(
      "Copies the database of the data directory (DIR/rung.db) into FILE: one consistent\n"
      "snapshot, taken while `rung serve` keeps running. FILE must not exist. To restore, stop\n"
      "rung and put the copy in place of DIR/rung.db (removing any rung.db-wal and -shm).\n"
      "A database of an older schema is copied as it is (`rung upgrade` keeps such a copy\n"
      "before it upgrades).\n"
      "Examples:\n"
      "  rung backup backups/rung-$(date +%F).db\n"
      "  rung backup /srv/backup/rung.db --data /srv/rung");
  return [args, io] { return run_backup(*args, io); };
}

}  // namespace rung::cli
