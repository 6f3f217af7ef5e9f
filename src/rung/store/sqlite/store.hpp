#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <span>

#include "rung/core/error.hpp"
#include "rung/store/sqlite/migrations.hpp"
#include "rung/store/store.hpp"

namespace rung::store::sqlite {

// When a commit counts as done (SQLite's `synchronous`, with the file in WAL mode).
enum class Sync {
  full,    // the log is synced to disk at every commit: an acknowledged write survives a power
           // loss or an OS crash
  normal,  // synced at checkpoints only: faster, but a power loss can undo the last commits
           // (the file stays consistent). A crash of rung alone loses nothing either way.
};

struct Options {
  // How long a write (and the open) waits for another writer, in this or another process,
  // before failing with "store.busy" ("store.open" at open). Default 5 s.
  std::chrono::milliseconds busy_timeout{5000};
  // Open an existing database for reading only: no file is created, nothing is migrated,
  // write() fails with "store.read-only". Default false.
  bool read_only = false;
  // With read_only: accept a file of an older schema too (for `rung backup`, which copies
  // pages and reads no table). Default false: read_only refuses an older schema.
  bool any_schema = false;
  // How commits reach the disk. Default Sync::full.
  Sync sync = Sync::full;
  // The schema to bring the file to. Default: rung's own migrations; tests pass others.
  std::span<const Migration> migrations = schema_migrations();
};

// Opens (creating it unless read_only) the SQLite database at `file` and brings its schema up
// to date inside one transaction. Connections use WAL, foreign keys, `options.sync` and the
// busy timeout. Errors:
// - "store.too-new": the file has a schema newer than this rung knows;
// - "store.open": the file is not a SQLite database, cannot be written (read-only file or
//   directory), stayed locked by another writer beyond the busy timeout, or (read_only) does
//   not exist or has an older schema. The message names the file; the hint says what to do;
// - "store.migration": a migration step failed (nothing was changed).
//
// The store is thread-safe: writes are serialised on one connection (BEGIN IMMEDIATE, so two
// processes on the same file also take turns); reads run concurrently on a pool of read
// connections, each seeing the last committed state. generation() also moves when another
// process commits to the file. backup() uses SQLite's online backup while others keep working.
Result<std::unique_ptr<Store>> open_store(const std::filesystem::path& file,
                                          const Options& options = {});

// The schema version of the database at `file` next to the newest `options.migrations` reach
// (for `rung upgrade`). Opens the file read-only and changes nothing. Errors as open_store's
// with read_only (a missing file, not a database).
struct SchemaVersions {
  int file = 0;
  int latest = 0;
};
Result<SchemaVersions> schema_versions(const std::filesystem::path& file,
                                       const Options& options = {});

}  // namespace rung::store::sqlite
