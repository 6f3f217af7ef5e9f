#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rung/core/error.hpp"

namespace rung::web {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// A request target split and decoded.
struct Target {
  std::string path;       // percent-decoded, valid UTF-8, starts with '/'
  std::string raw_query;  // as sent, without the '?'
  QueryParams query;      // decoded ('+' is a space), in order; repeated names kept
};

// Splits "/levels/swe-3?a=1" and decodes both parts. Errors (code "http.bad-target", message
// saying what is wrong): not starting with '/', a bad %-escape, bytes that are not UTF-8 or are
// control characters, and "." or ".." path segments (no path may climb out of its folder,
// even one the router would not match: a static file route must never see one).
Result<Target> parse_target(std::string_view target);

// "%41b+c" -> "Ab c" (when plus_is_space); nullopt for a '%' not followed by two hex digits.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

// The value of the one parameter called `name`: nullopt when absent.
std::optional<std::string_view> query_value(const QueryParams& query, std::string_view name);

// The query string with the value of every parameter whose name suggests a secret (token, key,
// password, secret, session, code, auth, state) replaced by "REDACTED", for the access log.
std::string redact_query(std::string_view raw_query);

}  // namespace rung::web
