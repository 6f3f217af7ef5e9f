#include "rung/web/http/metrics.hpp"

#include <fmt/format.h>

namespace rung::web {

Metrics::Metrics(std::vector<std::string_view> route_names) {
  route_names.push_back("unmatched");
  for (std::string_view name : route_names) {
    auto series = std::make_unique<Series>();
    series->name = name;
    series->by_status = std::make_unique<std::atomic<std::uint64_t>[]>(k_status_count);
    m_series.push_back(std::move(series));
  }
}

Metrics::Series& Metrics::series_for(std::string_view route) {
  for (auto& series : m_series) {
    if (series->name == route) {
      return *series;
    }
  }
  return *m_series.back();
}

void Metrics::record(std::string_view route, int status, double seconds) {
  Series& series = series_for(route);
  if (status >= k_first_status && status < k_first_status + k_status_count) {
    series.by_status[status - k_first_status].fetch_add(1, std::memory_order_relaxed);
  }
  std::size_t bucket = 0;
  while (bucket < k_buckets.size() && seconds > k_buckets[bucket]) {
    ++bucket;
  }
  series.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
  series.micros.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
  series.count.fetch_add(1, std::memory_order_relaxed);
}

std::string Metrics::prometheus_text(std::string_view extra) const {
  std::string out =
      "# HELP rung_http_requests_total HTTP requests answered, by route and status.\n"
      "# TYPE rung_http_requests_total counter\n";
  for (const auto& series : m_series) {
    for (int i = 0; i < k_status_count; ++i) {
      const std::uint64_t value = series->by_status[i].load(std::memory_order_relaxed);
      if (value != 0) {
        out += fmt::format("rung_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n",
                           series->name, i + k_first_status, value);
      }
    }
  }
  out +=
      "# HELP rung_http_request_duration_seconds Time to answer a request, by route.\n"
      "# TYPE rung_http_request_duration_seconds histogram\n";
  for (const auto& series : m_series) {
    const std::uint64_t count = series->count.load(std::memory_order_relaxed);
    if (count == 0) {
      continue;
    }
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b <= k_buckets.size(); ++b) {
      cumulative += series->buckets[b].load(std::memory_order_relaxed);
      const std::string le = b < k_buckets.size() ? fmt::format("{}", k_buckets[b]) : "+Inf";
      out += fmt::format("rung_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                         series->name, le, cumulative);
    }
    out += fmt::format("rung_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", series->name,
                       static_cast<double>(series->micros.load(std::memory_order_relaxed)) / 1e6);
    out += fmt::format("rung_http_request_duration_seconds_count{{route=\"{}\"}} {}\n",
                       series->name, count);
  }
  out += extra;
  return out;
}

}  // namespace rung::web
