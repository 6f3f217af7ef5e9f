#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rung/html/template.hpp"
#include "rung/web/http/http.hpp"

// Reading the ids in URLs and the JSON bodies of the API (App has already parsed the body as an
// object). A field is either absent, or present with the right type, or the body is bad: each
// reader answers nullopt for a missing or mistyped field, and `bad_body` is the 422 that says which
// shape to send.
namespace rung::web {

// The whole of `text` as a positive id; nullopt for anything else ("12x", "", "-1"): the ids
// in URLs ({id}, {aid}, {case}, ...).
std::optional<std::int64_t> parse_id(std::string_view text);

std::optional<std::string> string_field(const Json& body, std::string_view name);
std::optional<std::int64_t> integer_field(const Json& body, std::string_view name);
std::optional<bool> bool_field(const Json& body, std::string_view name);
// Every element a string; nullopt when absent or anything else.
std::optional<std::vector<std::string>> strings_field(const Json& body, std::string_view name);

// Whether `name` is absent (or null): an optional field not sent.
bool absent(const Json& body, std::string_view name);

// 422 {"error": {"code": "bad-request", "message": "send <shape>"}}.
Response bad_body(std::string_view shape);

}  // namespace rung::web
