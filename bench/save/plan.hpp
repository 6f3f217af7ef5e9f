#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "rung/core/error.hpp"

// What the save-load benchmark (bench/save/README.md) shares between its steps: the plan that
// `setup` writes (who saves what, with which session) and the order of the saves.
namespace save_bench {

// One writer: a person with a session and a self-assessment draft (version 1, no ratings).
struct Writer {
  std::int64_t person = 0;
  std::int64_t assessment = 0;
  std::string token;  // the rung_session cookie
  std::string csrf;   // the session's CSRF token (X-CSRF-Token header)
};

struct Plan {
  std::string level;                    // every draft is against this level
  std::vector<std::string> statements;  // the level's statement ids, in the order saves use them
  std::vector<std::string> scale;       // the ladder's scale ids, lowest first
  std::vector<Writer> writers;
};

// The k-th save (k = 0, 1, ...) of a writer: statement k mod S rated with scale point
// (k div S) mod P, for S statements and P >= 2 scale points. Each pass over the statements
// moves every rating one point (wrapping around), so every save changes a stored rating.
struct Save {
  const std::string& statement;
  const std::string& scale;
};
Save nth_save(const Plan& plan, std::int64_t k);

// The plan as JSON. Errors: "bench.plan" naming the file.
rung::Result<void> write_plan(const std::filesystem::path& file, const Plan& plan);
rung::Result<Plan> read_plan(const std::filesystem::path& file);

}  // namespace save_bench
