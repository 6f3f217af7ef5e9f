#pragma once

#include <span>
#include <string>
#include <string_view>

#include "rung/core/error.hpp"
#include "rung/store/sqlite/connection.hpp"

// The SQLite schema as a numbered list of migrations. Migration N takes a database from schema
// N-1 to schema N; PRAGMA user_version holds the number of the last one applied (0: empty).
// Released migrations are never edited: a schema change is a new entry at the end, plus a
// snapshot tests/data/store/schema-N.sql (docs/store.md says how).
namespace rung::store::sqlite {

struct Migration {
  int version = 0;       // 1, 2, 3, ... in order, no gaps
  std::string_view sql;  // one or more statements, no parameters
};

// Rung's migrations, oldest first.
std::span<const Migration> schema_migrations();

// The schema version the list ends at (0 for an empty list).
int latest_version(std::span<const Migration> migrations);

// Brings the database of `connection` to the end of `migrations` inside ONE write transaction
// (BEGIN IMMEDIATE, waiting up to the connection's busy timeout): every step or none. Returns
// the schema version the database is at afterwards. Errors: "store.too-new" when the database
// is at a version the list does not reach; "store.migration" when a step fails (naming it);
// "store.busy" when another writer holds the database.
Result<int> migrate(Connection& connection, std::span<const Migration> migrations);

}  // namespace rung::store::sqlite
