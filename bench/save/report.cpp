#include "report.hpp"

#include <algorithm>
#include <cmath>
#include <exception>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/core/fs.hpp"

namespace save_bench {

namespace {

using Json = nlohmann::json;

double rank_ms(const std::vector<std::chrono::nanoseconds>& sorted, double fraction) {
  const auto n = static_cast<double>(sorted.size());
  const auto rank = static_cast<std::size_t>(std::max(1.0, std::ceil(fraction * n)));
  return std::chrono::duration<double, std::milli>(sorted[rank - 1]).count();
}

Json writer_json(const WriterOutcome& w) {
  return Json{{"assessment", w.assessment},
              {"acknowledged", w.acknowledged},
              {"version", w.version},
              {"unanswered", w.unanswered},
              {"last_rating", w.last_rating}};
}

WriterOutcome writer_from(const Json& j) {
  return WriterOutcome{j.at("assessment").get<std::int64_t>(),
                       j.at("acknowledged").get<std::int64_t>(),
                       j.at("version").get<std::int64_t>(), j.at("unanswered").get<std::int64_t>(),
                       j.at("last_rating").get<std::map<std::string, std::string>>()};
}

}  // namespace

Latencies summarise(std::vector<std::chrono::nanoseconds>& samples) {
  if (samples.empty()) {
    return {};
  }
  std::sort(samples.begin(), samples.end());
  return Latencies{rank_ms(samples, 0.50), rank_ms(samples, 0.90), rank_ms(samples, 0.99),
                   rank_ms(samples, 1.0)};
}

rung::Result<void> write_report(const std::filesystem::path& file, const RunReport& report) {
  Json writers = Json::array();
  for (const WriterOutcome& w : report.writers) {
    writers.push_back(writer_json(w));
  }
  const Json out{{"name", report.name},
                 {"seconds", report.seconds},
                 {"ok", report.ok},
                 {"rejected", report.rejected},
                 {"socket_errors", report.socket_errors},
                 {"reconnects", report.reconnects},
                 {"saves_per_second", report.saves_per_second()},
                 {"latency_ms",
                  {{"p50", report.latency.p50_ms},
                   {"p90", report.latency.p90_ms},
                   {"p99", report.latency.p99_ms},
                   {"max", report.latency.max_ms}}},
                 {"writers", writers}};
  return rung::write_file_atomic(file, out.dump(2) + "\n");
}

rung::Result<RunReport> read_report(const std::filesystem::path& file) {
  RUNG_TRY_ASSIGN(const std::string text, rung::read_file(file));
  try {
    const Json j = Json::parse(text);
    RunReport report;
    report.name = j.at("name").get<std::string>();
    report.seconds = j.at("seconds").get<double>();
    report.ok = j.at("ok").get<std::int64_t>();
    report.rejected = j.at("rejected").get<std::int64_t>();
    report.socket_errors = j.at("socket_errors").get<std::int64_t>();
    report.reconnects = j.value("reconnects", std::int64_t{0});
    const Json& latency = j.at("latency_ms");
    report.latency = Latencies{latency.at("p50").get<double>(), latency.at("p90").get<double>(),
                               latency.at("p99").get<double>(), latency.at("max").get<double>()};
    for (const Json& w : j.at("writers")) {
      report.writers.push_back(writer_from(w));
    }
    return report;
  } catch (const std::exception& e) {
    return rung::fail("bench.report", fmt::format("{}: {}", file.string(), e.what()));
  }
}

}  // namespace save_bench
