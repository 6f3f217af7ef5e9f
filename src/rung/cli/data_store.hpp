#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "rung/core/error.hpp"
#include "rung/store/sqlite/store.hpp"
#include "rung/store/store.hpp"

namespace CLI {
class App;
}

namespace rung::cli {

// The data directory when --data is not given.
inline constexpr std::string_view k_default_data_dir = "./var";

// Adds the `--data DIR` option shared by every command that uses the store (serve, people,
// user, audit, backup). An empty `dir` is set to k_default_data_dir first.
void add_data_option(CLI::App& sub, std::string& dir);

// The database file of a data directory: DIR/rung.db.
std::filesystem::path data_store_file(const std::string& data_dir);

enum class StoreAccess {
  read_write,  // creates DIR and DIR/rung.db when missing, migrates the schema
  read_only,   // the database must exist with the current schema; writes are refused
  copy_only,   // read_only, but an older schema is accepted too: for `rung backup` alone
};

// Opens the store of a data directory (store::sqlite::open_store on DIR/rung.db). Errors:
// "store.data-dir" when DIR cannot be created or is not a directory, or open_store's errors
// (each names the file and says what to do; "store.old-schema" points at `rung upgrade` with
// this --data). `sync`: see store::sqlite::Sync.
Result<std::unique_ptr<store::Store>> open_data_store(
    const std::string& data_dir, StoreAccess access = StoreAccess::read_write,
    store::sqlite::Sync sync = store::sqlite::Sync::full);

}  // namespace rung::cli
