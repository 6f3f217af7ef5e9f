#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rung/core/error.hpp"

// Moving everything between the SQLite and the PostgreSQL store (`rung store copy`,
// docs/store.md): people, accounts, sessions, the audit log, cycles, assessments with their
// ratings, evidence, snapshots and withdrawals, frozen ladders, growth plans and promotion
// cases, every row with its id, in one transaction on the target. Names both backends, so it
// lives beside them and no caller names either.
namespace rung::store::copy {

// One table as copied: its rows, and a digest (BLAKE2b-256, hex) of their content, the same
// for a table that holds the same rows in either store.
struct TableCopy {
  std::string table;
  std::int64_t rows = 0;
  std::string digest;
};

// A store's address: "sqlite:PATH" (a rung.db file) or a PostgreSQL URI ("postgresql://...").
// The source must exist with the current schema; the target is created (SQLite) or migrated,
// and must hold no rows. Reads the source in one consistent snapshot, writes the target in
// one transaction, then reads the target back inside it and commits only when every table's
// count and digest equal the source's. Errors: "store.copy" (an address that is neither,
// the same store twice, a target that is not empty, a mismatch after copying: nothing
// written), or the stores' own errors at open. Messages show URIs with passwords masked.
Result<std::vector<TableCopy>> copy_store(std::string_view from, std::string_view to);

}  // namespace rung::store::copy
