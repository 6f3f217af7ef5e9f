#include "check.hpp"

#include <fmt/format.h>

#include "plan.hpp"
#include "report.hpp"
#include "verify.hpp"

namespace save_bench {

namespace {

struct Checked {
  RunReport report;
  Verdict verdict;
};

rung::Result<Checked> check_one(const Plan& plan, const std::filesystem::path& report_file,
                                const std::filesystem::path& database) {
  RUNG_TRY_ASSIGN(auto report, read_report(report_file));
  RUNG_TRY_ASSIGN(auto verdict, verify(database, plan, report));
  return Checked{std::move(report), std::move(verdict)};
}

void print_row(std::ostream& out, const RunReport& r) {
  out << fmt::format("{:<11} {:>9} {:>9.0f} {:>8.2f} {:>8.2f} {:>8.2f} {:>8.2f} {:>7} {:>7}\n",
                     r.name, r.ok, r.saves_per_second(), r.latency.p50_ms, r.latency.p90_ms,
                     r.latency.p99_ms, r.latency.max_ms, r.rejected, r.socket_errors);
}

bool print_verdict(std::ostream& out, const Checked& c) {
  const auto& v = c.verdict;
  out << fmt::format(
      "{}: {} saves acknowledged, {} counted in the database (versions), {} "
      "'assessment.rate' audit entries",
      c.report.name, c.report.ok, v.saves_stored, v.audit_entries);
  out << (v.mismatches.empty() ? ": every acknowledged save is stored\n" : ": MISMATCH\n");
  for (const auto& m : v.mismatches) {
    out << "  " << m << "\n";
  }
  return v.mismatches.empty() && c.report.errors() == 0 && c.report.ok > 0;
}

double ratio(double a, double b) {
  return b > 0 ? a / b : 0;
}

}  // namespace

rung::Result<bool> check_runs(const CheckOptions& options, std::ostream& out) {
  RUNG_TRY_ASSIGN(const Plan plan, read_plan(options.plan));
  RUNG_TRY_ASSIGN(const auto rung, check_one(plan, options.rung_report, options.rung_database));
  RUNG_TRY_ASSIGN(const auto raw, check_one(plan, options.raw_report, options.raw_database));
  out << fmt::format("{} writers, level {} ({} statements); seconds: rung {:.1f}, raw {:.1f}\n",
                     plan.writers.size(), plan.level, plan.statements.size(), rung.report.seconds,
                     raw.report.seconds);
  out << fmt::format("{:<11} {:>9} {:>9} {:>8} {:>8} {:>8} {:>8} {:>7} {:>7}\n", "run", "saves",
                     "saves/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "non-200", "socket");
  print_row(out, rung.report);
  print_row(out, raw.report);
  if (rung.report.reconnects > 0) {
    out << fmt::format(
        "rung-http reconnected {} times after a Connection: close "
        "(--max-requests-per-connection)\n",
        rung.report.reconnects);
  }
  out << fmt::format("ratio rung/raw: {:.3f}x the saves/s, {:.1f}x the p99\n",
                     ratio(rung.report.saves_per_second(), raw.report.saves_per_second()),
                     ratio(rung.report.latency.p99_ms, raw.report.latency.p99_ms));
  const bool rung_ok = print_verdict(out, rung);
  const bool raw_ok = print_verdict(out, raw);
  return rung_ok && raw_ok;
}

}  // namespace save_bench
