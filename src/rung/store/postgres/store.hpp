#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>

#include "rung/core/error.hpp"
#include "rung/store/postgres/migrations.hpp"
#include "rung/store/store.hpp"

// The PostgreSQL store (docs/store.md): the same schema, migrations and behaviour as the
// SQLite store, for several rung processes on one database its operators already run.
namespace rung::store::postgres {

struct Options {
  // Open an existing database for reading only: nothing is migrated, write() fails with
  // "store.read-only". Default false.
  bool read_only = false;
  // With read_only: accept an older schema too. Default false.
  bool any_schema = false;
  // How many times a write runs when PostgreSQL cannot serialise it with the writes running
  // beside it (SQLSTATE 40001, 40P01, or two inserts taking the same new id) before it fails
  // with "store.busy". Default 16.
  int attempts = 16;
  // Connections kept open between uses. More are opened while more threads use the store at
  // once, and closed after. Default 8.
  std::size_t pool_size = 8;
  // The schema to bring the database to. Default: rung's own migrations; tests pass others.
  std::span<const Migration> migrations = schema_migrations();
};

// Opens the database at `uri` (a libpq URI or connection string: "postgresql://host/db",
// "postgresql:///rung?host=/run/postgresql") and brings its schema up to date in one
// transaction (tables go in the connection's current schema, search_path's first). Errors:
// - "store.open": the server cannot be reached or refuses the user; (read_only) the database
//   has no rung tables or an older schema. Messages show the URI with any password masked;
// - "store.too-new": the database has a schema newer than this rung knows;
// - "store.migration": a migration step failed (nothing was changed).
//
// Thread-safe. Each read is one statement on a pooled connection (no connection is used by
// two threads at once). Each write is one SERIALIZABLE transaction on a pooled connection:
// when PostgreSQL cannot serialise it with writes running beside it (in this or another
// process), it is rolled back and `body` runs again, up to options.attempts times; so `body`
// may run more than once and must keep its effects inside the Writer. A statement that fails
// inside a write (a duplicate email) leaves the transaction usable, as in SQLite.
// generation() counts this store's commits and, through LISTEN/NOTIFY, other processes'
// commits to the same database and schema. backup() is not supported: use pg_dump.
Result<std::unique_ptr<Store>> open_store(const std::string& uri, const Options& options = {});

// The schema version of the database at `uri` next to the newest `options.migrations` reach
// (for `rung upgrade`). Changes nothing.
struct SchemaVersions {
  int database = 0;
  int latest = 0;
};
Result<SchemaVersions> schema_versions(const std::string& uri, const Options& options = {});

}  // namespace rung::store::postgres
