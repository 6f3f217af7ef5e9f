#pragma once

#include <filesystem>
#include <ostream>

#include "rung/core/error.hpp"

// Step 5 of the save-load benchmark: both runs verified and side by side.
namespace save_bench {

struct CheckOptions {
  std::filesystem::path plan;
  std::filesystem::path rung_report;    // from `load`
  std::filesystem::path rung_database;  // the served data directory's rung.db, server stopped
  std::filesystem::path raw_report;     // from `raw`
  std::filesystem::path raw_database;   // the copy `raw` wrote to
};

// Verifies both databases against their runs (the rung one with its audit entries), prints
// throughput, latency percentiles, errors and counted saves of both, and the ratios rung/raw.
// Returns true when both runs had zero errors, at least one save, and verified cleanly.
rung::Result<bool> check_runs(const CheckOptions& options, std::ostream& out);

}  // namespace save_bench
