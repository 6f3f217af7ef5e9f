#pragma once

#include <chrono>
#include <string>

#include "rung/core/error.hpp"

#include "plan.hpp"
#include "report.hpp"

// Step 2 of the save-load benchmark: the HTTP load on a running `rung serve`.
namespace save_bench {

struct LoadOptions {
  std::string host = "127.0.0.1";             // where rung serve listens (IPv4 address)
  int port = 8080;                            // and its port
  std::chrono::milliseconds duration{30000};  // no save is sent after this; default 30 s
  // How long the saves in flight at the end may take to be answered; later ones count as
  // socket errors and as unanswered. Default 10 s.
  std::chrono::milliseconds grace{10000};
};

// One keep-alive connection per writer of the plan, all driven by one thread with poll(2).
// Each connection sends its writer's saves one after another (nth_save: every save changes a
// rating), each with the version the previous 200 answered, and records its latency from the
// first byte written to the last byte of the answer. A connection stops at its first answer
// other than a 200 that echoes the save (the body is printed to stderr) or at a socket error.
// Errors: "bench.load" when no connection could be made at all.
rung::Result<RunReport> run_load(const Plan& plan, const LoadOptions& options);

}  // namespace save_bench
