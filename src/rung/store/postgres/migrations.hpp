#pragma once

#include <span>
#include <string>
#include <string_view>

#include "rung/core/error.hpp"
#include "rung/store/postgres/connection.hpp"

// The PostgreSQL schema: the same numbered migrations as the SQLite store's
// (sqlite/migrations.cpp), each written in PostgreSQL's dialect (BIGINT for ids and times,
// identity columns, trigger functions). The table rung_schema holds one row per migration
// applied; its largest version is the schema. Released migrations are never edited: a schema
// change is a new entry at the end of both lists, with the same number.
namespace rung::store::postgres {

struct Migration {
  int version = 0;       // 1, 2, 3, ... in order, no gaps
  std::string_view sql;  // one or more statements, no parameters
};

// Rung's migrations, oldest first (the same numbers as sqlite::schema_migrations()).
std::span<const Migration> schema_migrations();

// The schema version the list ends at (0 for an empty list).
int latest_version(std::span<const Migration> migrations);

// The schema version of the database (0: no rung tables yet).
Result<int> schema_version(Connection& connection);

// Brings the database to the end of `migrations` inside ONE transaction, holding an advisory
// lock so that two rung processes starting at once take turns: every step or none (PostgreSQL
// rolls DDL back with the rest). Returns the schema version afterwards. Errors:
// "store.too-new" when the database is at a version the list does not reach;
// "store.migration" when a step fails (naming it; nothing was changed).
Result<int> migrate(Connection& connection, std::span<const Migration> migrations,
                    std::string_view where);

}  // namespace rung::store::postgres
