#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "rung/core/error.hpp"

// What one timed run (the HTTP loader or the raw SQLite baseline) saw, as the verification
// step and the summary read it back.
namespace save_bench {

// One writer's acknowledged saves. Saves of a writer are sequential: the k-th is sent only
// after the (k-1)-th was answered.
struct WriterOutcome {
  std::int64_t assessment = 0;
  std::int64_t acknowledged = 0;  // saves answered 200 (committed, as far as the writer knows)
  std::int64_t version = 1;       // the version the last acknowledged save answered (1: none)
  // A save sent whose answer never came (the connection broke, or the run ended first): it may
  // or may not be stored. 0 or 1; verification allows for it.
  std::int64_t unanswered = 0;
  std::map<std::string, std::string> last_rating;  // statement -> scale of its last ack'd save
};

struct Latencies {
  double p50_ms = 0;
  double p90_ms = 0;
  double p99_ms = 0;
  double max_ms = 0;
};

struct RunReport {
  std::string name;                // "rung-http" or "raw-sqlite"
  double seconds = 0;              // from the first save sent to the last answer
  std::int64_t ok = 0;             // saves acknowledged
  std::int64_t rejected = 0;       // answers other than 200 (and 200s that contradict the save)
  std::int64_t socket_errors = 0;  // connect/read/write failures, malformed answers, timeouts
  std::int64_t reconnects = 0;     // new connections after an answer with "Connection: close"
  Latencies latency;
  std::vector<WriterOutcome> writers;  // in plan order

  std::int64_t errors() const { return rejected + socket_errors; }
  double saves_per_second() const { return seconds > 0 ? static_cast<double>(ok) / seconds : 0; }
};

// Percentiles (nearest rank) of the samples, in milliseconds; sorts `samples`.
Latencies summarise(std::vector<std::chrono::nanoseconds>& samples);

rung::Result<void> write_report(const std::filesystem::path& file, const RunReport& report);
rung::Result<RunReport> read_report(const std::filesystem::path& file);

}  // namespace save_bench
