#pragma once

#include <chrono>
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

// Adds the options that say where the store is, shared by every command that uses it (serve,
// people, user, audit, backup, ...): `--data DIR` (SQLite, DIR/rung.db) or `--database URI`
// (PostgreSQL, "postgresql://..."). Both fill `where` (one string: a directory or a URI);
// giving both is an error. An empty `where` is set to k_default_data_dir first.
void add_data_option(CLI::App& sub, std::string& where);

// Whether `where` (as add_data_option fills it) names a PostgreSQL database.
bool is_database_uri(std::string_view where);

// Whether the store at `where` may already hold data: DIR/rung.db exists, or a database URI
// (which the server holds). Commands that plan against an empty store when there is none
// (`rung people import` without --apply) ask this.
bool data_store_exists(const std::string& where);

// The database file of a data directory: DIR/rung.db.
std::filesystem::path data_store_file(const std::string& data_dir);

enum class StoreAccess {
  read_write,  // creates DIR and DIR/rung.db when missing, migrates the schema
  read_only,   // the database must exist with the current schema; writes are refused
  copy_only,   // read_only, but an older schema is accepted too: for `rung backup` alone
};

// Opens the store at `where`: a database URI with store::postgres::open_store, else the data
// directory's DIR/rung.db with store::sqlite::open_store (`sync` applies to SQLite only).
// Errors:
// "store.data-dir" when DIR cannot be created or is not a directory, or open_store's errors
// (each names the file and says what to do; "store.old-schema" points at `rung upgrade` with
// this --data). `sync`: see store::sqlite::Sync. `busy_timeout` (SQLite only): how long a write
// waits for another process's (store::sqlite::Options::busy_timeout).
Result<std::unique_ptr<store::Store>> open_data_store(
    const std::string& data_dir, StoreAccess access = StoreAccess::read_write,
    store::sqlite::Sync sync = store::sqlite::Sync::full,
    std::chrono::milliseconds busy_timeout = store::sqlite::Options{}.busy_timeout);

}  // namespace rung::cli
