#pragma once

#include <filesystem>
#include <memory>

#include "rung/core/error.hpp"
#include "rung/store/sqlite/connection.hpp"
#include "rung/store/sqlite/store.hpp"

// Opening a SQLite store's connections, with errors that say what to do. Internal to store/.
namespace rung::store::sqlite {

struct OpenedDatabase {
  std::unique_ptr<Connection> writer;  // migrated; read-only when the store is
  std::unique_ptr<Connection> watch;   // never writes: for PRAGMA data_version
  int schema = 0;                      // the schema version after migrating
};

// Opens the writer connection, sets WAL / foreign keys / synchronous / busy timeout, migrates
// (or, read_only, checks the schema), and opens the watch connection. Errors as open_store.
Result<OpenedDatabase> open_database(const std::filesystem::path& file, const Options& options);

// One more connection for reads (query_only; the busy timeout of `options`).
Result<std::unique_ptr<Connection>> open_reader(const std::filesystem::path& file,
                                                const Options& options);

}  // namespace rung::store::sqlite
