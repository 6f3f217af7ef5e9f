#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// Request counters and latency histograms per route, in the Prometheus text format.
namespace rung::web {

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds (the last bucket, +Inf, is implicit).
  static constexpr std::array<double, 11> k_buckets{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                    0.01,   0.025,   0.05,   0.1,   0.5};

  // One series set per route name; requests that matched no route go to "unmatched".
  explicit Metrics(std::vector<std::string_view> route_names);

  // Records one answered request. Lock-free; callable from any thread.
  void record(std::string_view route, int status, double seconds);

  // rung_http_requests_total{route,status}, rung_http_request_duration_seconds{route} (a
  // histogram), plus the `extra` lines (already in the text format) at the end.
  std::string prometheus_text(std::string_view extra = {}) const;

 private:
  static constexpr int k_first_status = 100;
  static constexpr int k_status_count = 500;  // 100..599

  struct Series {
    std::string_view name;
    std::unique_ptr<std::atomic<std::uint64_t>[]> by_status;  // k_status_count counters
    std::array<std::atomic<std::uint64_t>, k_buckets.size() + 1> buckets{};
    std::atomic<std::uint64_t> micros{0};  // sum of latencies in microseconds
    std::atomic<std::uint64_t> count{0};
  };

  Series& series_for(std::string_view route);

  std::vector<std::unique_ptr<Series>> m_series;  // the last one is "unmatched"
};

}  // namespace rung::web
