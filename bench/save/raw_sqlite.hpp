#pragma once

#include <chrono>
#include <filesystem>

#include "rung/core/error.hpp"

#include "plan.hpp"
#include "report.hpp"

// Step 3 of the save-load benchmark: the same saves straight into SQLite, as the yardstick.
namespace save_bench {

struct RawOptions {
  std::filesystem::path database;             // a copy of the database `setup` wrote
  std::chrono::milliseconds duration{30000};  // no save starts after this; default 30 s
  bool sync_full = true;  // PRAGMA synchronous FULL (rung's default) or NORMAL (--sync normal)
};

// One thread per writer of the plan, all sharing ONE connection and its prepared statements
// (the rating upsert that rung's store runs, INSERT OR REPLACE INTO rating, and the version
// bump, UPDATE assessment ... WHERE version = expected), taking turns through a mutex as
// rung's store does with its writer connection. Each save is its own BEGIN IMMEDIATE ...
// COMMIT with rung's pragmas (WAL, synchronous as `sync_full` says, foreign keys). What it leaves
// out is exactly rung's work: HTTP, sessions, CSRF, JSON, authorisation, ladder checks, the reads
// before the write and the audit entry. Latency: from asking for the lock to the COMMIT.
// A failed save counts as rejected and stops its thread. Errors: "bench.raw" when the
// database cannot be opened or a statement prepared.
rung::Result<RunReport> run_raw(const Plan& plan, const RawOptions& options);

}  // namespace save_bench
