#include "rung/web/site/routes.hpp"

#include <array>

#include "rung/web/site/handlers.hpp"

namespace rung::web {

std::span<const Route> site_routes() {
  using enum Method;
  using enum Kind;
  constexpr Access any = Access::anyone;
  namespace h = handlers;
  static const std::array table{
      Route{get, "/static/{file}", "static", any, text, true, "v", h::static_file},
      Route{get, "/healthz", "healthz", any, text, false, "", h::healthz},
      Route{get, "/metrics", "metrics", any, text, false, "", h::metrics},
      Route{get, "/api/v1/openapi.json", "api.openapi", any, json, true, "", h::api_openapi},
  };
  return table;
}

}  // namespace rung::web
