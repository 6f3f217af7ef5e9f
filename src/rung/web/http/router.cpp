#include "rung/web/http/router.hpp"

namespace rung::web {

namespace {

// Splits off the next '/'-separated segment of `text` (which starts just after a '/').
std::string_view next_segment(std::string_view& text) {
  const std::size_t slash = text.find('/');
  const std::string_view segment = text.substr(0, slash);
  text = slash == std::string_view::npos ? std::string_view() : text.substr(slash + 1);
  return segment;
}

}  // namespace

std::string_view to_string(Access access) {
  switch (access) {
    case Access::anyone:
      return "anyone";
    case Access::ladder:
      return "ladder";
    case Access::signed_in:
      return "signed_in";
    case Access::person:
      return "person";
    case Access::admin:
      return "admin";
  }
  return "unknown";
}

std::string_view Call::field(std::string_view name) const {
  return form != nullptr ? form->value(name) : std::string_view();
}

std::string_view Call::param(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (key == name) {
      return value;
    }
  }
  return {};
}

bool match_pattern(std::string_view pattern, std::string_view path, PathParams& params) {
  if (!pattern.starts_with('/') || !path.starts_with('/')) {
    return false;
  }
  params.clear();
  if (pattern == "/" || path == "/") {
    return pattern == path;
  }
  pattern.remove_prefix(1);
  path.remove_prefix(1);
  while (!pattern.empty() || !path.empty()) {
    if (pattern.empty() || path.empty()) {
      return false;
    }
    const std::string_view expected = next_segment(pattern);
    const std::string_view actual = next_segment(path);
    if (expected.starts_with('{') && expected.ends_with('}')) {
      if (actual.empty()) {
        return false;
      }
      params.emplace_back(expected.substr(1, expected.size() - 2), std::string(actual));
    } else if (expected != actual) {
      return false;
    }
  }
  return true;
}

RouteMatch match_route(std::span<const Route> table, Method method, std::string_view path) {
  RouteMatch out;
  const Method wanted = method == Method::head ? Method::get : method;
  PathParams params;
  for (const Route& route : table) {
    if (!match_pattern(route.pattern, path, params)) {
      continue;
    }
    if (route.method == wanted) {
      out.route = &route;
      out.params = std::move(params);
      return out;
    }
    out.other_method_known = true;
  }
  return out;
}

}  // namespace rung::web
