#include "rung/lint/diagnostic.hpp"

#include <tuple>

namespace rung::lint {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::note:
      return "note";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "warning";
}

bool comes_before(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.loc.line, a.loc.column, a.code, a.message) <
         std::tie(b.loc.line, b.loc.column, b.code, b.message);
}

}  // namespace rung::lint
