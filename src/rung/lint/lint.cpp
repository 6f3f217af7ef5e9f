#include "rung/lint/lint.hpp"

#include <algorithm>
#include <set>

#include "rung/lint/check.hpp"
#include "rung/lint/rules.hpp"

namespace rung::lint {

namespace {

// Codes turned off by the ladder file and by the run; entries that name no rule are skipped
// (L015 reports the file's, the CLI rejects the run's).
std::set<std::string> disabled_codes(const model::LadderData& data, const Options& options) {
  std::set<std::string> codes;
  for (const auto* list : {&data.lint_disabled, &options.disabled}) {
    for (const auto& entry : *list) {
      if (const RuleInfo* rule = find_rule(entry)) {
        codes.emplace(rule->code);
      }
    }
  }
  return codes;
}

}  // namespace

std::size_t Report::count(Severity severity) const {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [severity](const Diagnostic& d) { return d.severity == severity; }));
}

Report lint(const model::Ladder& ladder, const Options& options) {
  Report report;
  report.file = ladder.data().source_file;
  const std::set<std::string> disabled = disabled_codes(ladder.data(), options);
  report.disabled.assign(disabled.begin(), disabled.end());
  const Context context{ladder, options};
  for (const RuleInfo& rule : rules()) {
    if (!disabled.contains(std::string(rule.code))) {
      Sink sink(rule, report.diagnostics);
      rule.check(context, sink);
    }
  }
  std::stable_sort(report.diagnostics.begin(), report.diagnostics.end(), comes_before);
  return report;
}

bool passes(const Report& report, Strict strict) {
  if (report.count(Severity::error) > 0) {
    return false;
  }
  return strict == Strict::no || report.count(Severity::warning) == 0;
}

}  // namespace rung::lint
