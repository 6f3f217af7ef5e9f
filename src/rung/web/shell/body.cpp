#include "rung/web/shell/body.hpp"

#include <charconv>
#include <string>

#include <fmt/format.h>

#include "rung/web/shell/resources.hpp"

namespace rung::web {

namespace {

const Json* find(const Json& body, std::string_view name) {
  const auto found = body.find(std::string(name));
  return found == body.end() ? nullptr : &*found;
}

}  // namespace

std::optional<std::int64_t> parse_id(std::string_view text) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || id <= 0) {
    return std::nullopt;
  }
  return id;
}

std::optional<std::string> string_field(const Json& body, std::string_view name) {
  const Json* value = find(body, name);
  if (value == nullptr || !value->is_string()) {
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<std::int64_t> integer_field(const Json& body, std::string_view name) {
  const Json* value = find(body, name);
  if (value == nullptr || !value->is_number_integer()) {
    return std::nullopt;
  }
  return value->get<std::int64_t>();
}

std::optional<bool> bool_field(const Json& body, std::string_view name) {
  const Json* value = find(body, name);
  if (value == nullptr || !value->is_boolean()) {
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<std::vector<std::string>> strings_field(const Json& body, std::string_view name) {
  const Json* value = find(body, name);
  if (value == nullptr || !value->is_array()) {
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const Json& item : *value) {
    if (!item.is_string()) {
      return std::nullopt;
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

bool absent(const Json& body, std::string_view name) {
  const Json* value = find(body, name);
  return value == nullptr || value->is_null();
}

Response bad_body(std::string_view shape) {
  return json_error(422, "bad-request", fmt::format("send {}", shape));
}

}  // namespace rung::web
