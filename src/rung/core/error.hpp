#pragma once

#include <optional>
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

// What kind of failure an error is: what callers that answer differently by kind go by (the
// HTTP status of web/error_status.hpp, some commands' exit codes), so that they need not
// know every code. A new code only has to choose its kind.
enum class ErrorKind {
  invalid,      // the input breaks a rule: syntax, a value out of range, a malformed request
  not_found,    // what was named does not exist: an unknown id, level, person or file
  forbidden,    // it exists, but this caller may not see it or do this (wrong credentials too)
  conflict,     // clashes with the current state: taken, already submitted, closed, stale
  too_large,    // over a size limit
  unavailable,  // cannot be done now, may work later: a busy store, throttling (retry_after)
  internal,     // the system failed (I/O, a store that cannot be read): not the caller's doing
};

// "invalid", "not_found", ... (for logs and tests).
std::string_view to_string(ErrorKind kind);

// An expected failure: bad input, an unknown id, a file that cannot be written.
// `code` is stable and machine-readable ("yaml.unknown-key"); `message` is for people;
// `hint` (optional) says what to do about it; `kind` says what sort of failure it is.
//
// `kind` defaults to invalid, the kind of most errors (parse and validation problems), so
// that they need not say it. Everything that is not the caller's input going wrong must set
// its kind: a store, file or system failure is internal (or unavailable when waiting may
// help), never the default, which would show its message to a web client as a 422.
struct Error {
  Error() = default;
  Error(std::string code, std::string message, Location where = {}, std::string hint = {},
        ErrorKind kind = ErrorKind::invalid, std::optional<long> retry_after = std::nullopt)
      : code(std::move(code)),
        message(std::move(message)),
        where(std::move(where)),
        hint(std::move(hint)),
        kind(kind),
        retry_after(retry_after) {}

  std::string code;
  std::string message;
  Location where;
  std::string hint;
  ErrorKind kind = ErrorKind::invalid;
  // Seconds after which trying again may succeed (throttling); nullopt when unknown or when
  // trying again will not help. HTTP sends it as Retry-After.
  std::optional<long> retry_after;

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

// The same with a kind other than invalid: fail(ErrorKind::not_found, "review.not-found", ...).
inline tl::unexpected<Error> fail(ErrorKind kind, std::string code, std::string message,
                                  Location where = {}, std::string hint = {}) {
  return tl::unexpected(
      Error{std::move(code), std::move(message), std::move(where), std::move(hint), kind});
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
