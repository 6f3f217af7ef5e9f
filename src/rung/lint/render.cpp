#include "rung/lint/render.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/core/error.hpp"
#include "rung/core/text.hpp"
#include "rung/lint/rules.hpp"

namespace rung::lint {

namespace {

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string summary(const Report& report) {
  std::string line = report.file.empty() ? std::string("ladder") : report.file;
  if (report.diagnostics.empty()) {
    line += ": no findings";
  } else {
    line += fmt::format(": {}, {}, {}", plural(report.count(Severity::error), "error"),
                        plural(report.count(Severity::warning), "warning"),
                        plural(report.count(Severity::note), "note"));
  }
  if (!report.disabled.empty()) {
    line += fmt::format(" (turned off: {})", join(report.disabled));
  }
  return line;
}

std::string_view rule_name(std::string_view code) {
  const RuleInfo* rule = find_rule(code);
  return rule != nullptr ? rule->name : std::string_view();
}

}  // namespace

std::string to_text(const Report& report) {
  std::string out;
  for (const Diagnostic& d : report.diagnostics) {
    const std::string where = format_location(Location{report.file, d.loc.line, d.loc.column});
    if (!where.empty()) {
      out += where + ": ";
    }
    out += fmt::format("{}[{}]: {}\n", to_string(d.severity), d.code, d.message);
    if (!d.hint.empty()) {
      out += fmt::format("  hint: {}\n", d.hint);
    }
  }
  out += summary(report) + "\n";
  return out;
}

std::string to_json(const Report& report) {
  nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
  for (const Diagnostic& d : report.diagnostics) {
    diagnostics.push_back({{"code", d.code},
                           {"rule", rule_name(d.code)},
                           {"severity", to_string(d.severity)},
                           {"file", report.file},
                           {"line", d.loc.line},
                           {"column", d.loc.column},
                           {"element", d.element},
                           {"message", d.message},
                           {"hint", d.hint}});
  }
  nlohmann::ordered_json json{
      {"file", report.file},
      {"diagnostics", std::move(diagnostics)},
      {"summary",
       {{"errors", report.count(Severity::error)},
        {"warnings", report.count(Severity::warning)},
        {"notes", report.count(Severity::note)}}},
      {"disabled", report.disabled},
  };
  return json.dump(2) + "\n";
}

}  // namespace rung::lint
