#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rung/web/http.hpp"
#include "rung/web/url.hpp"

namespace rung::web {

struct Resources;

// Who may call a route. Today every route is public and read-only; sign-in (issue 5) adds
// roles here, and the authorization matrix test walks the table by this field.
enum class Access { public_read };

// What a route answers with, which decides how errors on that route are shaped (an HTML page
// or {"error": {code, message}}).
enum class Kind { html, json, text };

// Values captured by {name} segments of a route pattern, in pattern order.
using PathParams = std::vector<std::pair<std::string_view, std::string>>;

// Everything a handler gets about its request.
struct Call {
  const Request& request;
  const Target& target;  // decoded path and query
  const PathParams& params;

  // The captured value of `{name}`; "" when the pattern has no such name.
  std::string_view param(std::string_view name) const;
};

using RouteHandler = Response (*)(const Resources& resources, const Call& call);

struct Route {
  Method method;
  std::string_view pattern;  // "/levels/{id}": literal segments and {name} captures
  std::string_view name;     // stable label for metrics and logs ("level", "api.level")
  Access access;
  Kind kind;
  bool cacheable;           // the answer depends only on the target and the ladder
  std::string_view params;  // query parameters it takes, space-separated ("a b"); others: 400
  RouteHandler handler;
};

// The table every request is routed through (routes.cpp), in matching order. The same list
// drives the /metrics labels and the OpenAPI test.
std::span<const Route> routes();

struct RouteMatch {
  const Route* route = nullptr;     // nullptr when nothing matched
  PathParams params;                // captures of the matched route
  bool other_method_known = false;  // no route for this method, but one for another method
};

// The first route whose method and pattern fit; HEAD matches GET routes.
RouteMatch match_route(std::span<const Route> table, Method method, std::string_view path);

// Whether `path` fits `pattern`, filling `params` with the captures when it does.
bool match_pattern(std::string_view pattern, std::string_view path, PathParams& params);

}  // namespace rung::web
