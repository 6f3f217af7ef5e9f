#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "rung/core/error.hpp"

#include "plan.hpp"
#include "report.hpp"

// Step 4 of the save-load benchmark: what the database holds after a run, with the server
// stopped, against what the run had acknowledged.
namespace save_bench {

struct Verdict {
  std::int64_t saves_stored = 0;        // sum over the writers of (stored version - 1)
  std::int64_t audit_entries = 0;       // "assessment.rate" entries of the writers' assessments
  std::vector<std::string> mismatches;  // empty: every acknowledged save is there, and no other
};

// Reads `database` with plain SQLite (read-only, not through rung's store) and checks, for
// every writer of `report`: the assessment's version is 1 + its acknowledged saves (+1 when
// its last save went unanswered and was stored); its ratings are exactly the last acknowledged
// rating of each statement it saved (plus the unanswered save when stored), and nothing for
// the others; and one "assessment.rate" audit entry per stored save.
// Errors: "bench.verify" when the database cannot be read.
rung::Result<Verdict> verify(const std::filesystem::path& database, const Plan& plan,
                             const RunReport& report);

}  // namespace save_bench
