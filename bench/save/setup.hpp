#pragma once

#include <string>

#include "rung/core/error.hpp"

#include "plan.hpp"

// Step 1 of the save-load benchmark: a fresh data directory for `rung serve`.
namespace save_bench {

struct SetupOptions {
  std::string data_dir;         // must not hold a database yet; created when missing
  int writers = 64;             // people, each with an account, a session and a draft
  std::string level = "swe-2";  // the built-in ladder's level every draft assesses
};

// Writes DIR/rung.db through rung's own store and services, as the web would: `writers`
// people on `level` of the built-in ladder, each with an account (cheapest Argon2id: the
// benchmark is about saves, not sign-in), a session from auth::Sessions::sign_in, and a
// self-assessment draft from review::Service::start (version 1, nothing rated). Returns the
// plan. Errors: "bench.setup" (a database is already there, an unknown level), store errors.
rung::Result<Plan> set_up(const SetupOptions& options);

}  // namespace save_bench
