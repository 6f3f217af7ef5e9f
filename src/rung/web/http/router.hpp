#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "rung/web/http/form.hpp"
#include "rung/web/http/http.hpp"
#include "rung/web/http/url.hpp"

namespace rung::auth {
struct Viewer;
}

namespace rung::web {

struct Resources;

// Who may call a route. App::route enforces it in one place, before any handler runs or the
// response cache is consulted; the authorization matrix test (tests/unit/web/access_test.cpp)
// walks the route table by this field.
enum class Access {
  anyone,     // no session needed: the sign-in page, static files, health, the API description
  ladder,     // the ladder's pages and API: signed-in viewers, or anyone with --public-ladder
  signed_in,  // any signed-in viewer (their account, the people they may see)
  person,     // a route with {id} naming a person: that person, anyone above them in the
              // reporting line, or an admin. Anyone else gets 404, as for an id that does not
              // exist, so the answer does not tell who works here.
  admin,      // admins only: 403 for other signed-in viewers
};

// "anyone", "ladder", ... for tests and logs.
std::string_view to_string(Access access);

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
  const auth::Viewer* viewer = nullptr;  // who is signed in; nullptr: nobody
  const Form* form = nullptr;            // the parsed body of a POST; nullptr for GET and HEAD
  // The parsed JSON body of a write to an API route (Kind::json); nullptr otherwise. An empty
  // body is an empty object.
  const nlohmann::ordered_json* json = nullptr;

  // The submitted form field, or "" (also for GET).
  std::string_view field(std::string_view name) const;
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
  bool cacheable;  // the answer depends only on the target, the ladder and the viewer's shape
                   // (signed in, admin, has a person: the response cache's key)
  std::string_view params;  // query parameters it takes, space-separated ("a b"); others: 400
  RouteHandler handler;
};

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
