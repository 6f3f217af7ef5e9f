#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace rung {

// Where something is in an input file. Lines and columns are 1-based; 0 means "unknown".
struct Location {
  std::string file;  // path as the user gave it, or a pseudo name such as "<built-in>"
  int line = 0;
  int column = 0;

  friend bool operator==(const Location&, const Location&) = default;
};

// An expected failure: bad input, an unknown id, a file that cannot be written.
// `code` is stable and machine-readable ("yaml.unknown-key"); `message` is for people;
// `hint` (optional) says what to do about it.
struct Error {
  std::string code;
  std::string message;
  Location where;
  std::string hint;

  // "file:line:col: error[code]: message" plus "  hint: ..." on a second line when there is one.
  // Parts of the location that are unknown are left out.
  std::string to_string() const;
};

using Errors = std::vector<Error>;

template <class T>
using Result = tl::expected<T, Error>;

// A result that may carry several problems at once (a loader reports every problem it finds).
template <class T>
using Results = tl::expected<T, Errors>;

inline tl::unexpected<Error> fail(std::string code, std::string message, Location where = {},
                                  std::string hint = {}) {
  return tl::unexpected(
      Error{std::move(code), std::move(message), std::move(where), std::move(hint)});
}

// Formats a location as "file:line:col" leaving out unknown parts.
std::string format_location(const Location& where);

}  // namespace rung

// Returns early with the error when `expr` (a tl::expected) holds one.
#define RUNG_TRY(expr)                                 \
  do {                                                 \
    auto rung_try_result_ = (expr);                    \
    if (!rung_try_result_) {                           \
      return tl::unexpected(rung_try_result_.error()); \
    }                                                  \
  } while (false)

#define RUNG_CONCAT_IMPL(a, b) a##b
#define RUNG_CONCAT(a, b) RUNG_CONCAT_IMPL(a, b)

// `RUNG_TRY_ASSIGN(auto x, f());` declares x from f()'s value or returns f()'s error.
#define RUNG_TRY_ASSIGN(decl, expr) \
  RUNG_TRY_ASSIGN_IMPL(RUNG_CONCAT(rung_try_value_, __LINE__), decl, expr)
#define RUNG_TRY_ASSIGN_IMPL(tmp, decl, expr) \
  auto tmp = (expr);                          \
  if (!tmp) {                                 \
    return tl::unexpected(tmp.error());       \
  }                                           \
  decl = std::move(*tmp)
