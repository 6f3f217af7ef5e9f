#include "rung/core/error.hpp"

#include <fmt/format.h>

namespace rung {

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid:
      return "invalid";
    case ErrorKind::not_found:
      return "not_found";
    case ErrorKind::forbidden:
      return "forbidden";
    case ErrorKind::conflict:
      return "conflict";
    case ErrorKind::too_large:
      return "too_large";
    case ErrorKind::unavailable:
      return "unavailable";
    case ErrorKind::internal:
      return "internal";
  }
  return "internal";
}

std::string format_location(const Location& where) {
  std::string out = where.file;
  if (where.line > 0) {
    out += fmt::format("{}{}", out.empty() ? "line " : ":", where.line);
    if (where.column > 0) {
      out += fmt::format(":{}", where.column);
    }
  }
  return out;
}

std::string Error::to_string() const {
  std::string out = format_location(where);
  if (!out.empty()) {
    out += ": ";
  }
  out += fmt::format("error[{}]: {}", code, message);
  if (!hint.empty()) {
    out += fmt::format("\n  hint: {}", hint);
  }
  return out;
}

}  // namespace rung
