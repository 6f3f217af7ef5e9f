#include <array>

#include "rung/web/handlers.hpp"
#include "rung/web/router.hpp"

namespace rung::web {

std::span<const Route> routes() {
  using enum Method;
  constexpr Access pub = Access::public_read;
  namespace h = handlers;
  static const std::array table{
      Route{get, "/", "overview", pub, Kind::html, true, "", h::overview},
      Route{get, "/tracks/{id}", "track", pub, Kind::html, true, "", h::track},
      Route{get, "/levels/{id}", "level", pub, Kind::html, true, "", h::level},
      Route{get, "/compare", "compare", pub, Kind::html, true, "a b", h::compare},
      Route{get, "/search", "search", pub, Kind::html, true, "q", h::search},
      Route{get, "/lint", "lint", pub, Kind::html, true, "", h::lint},
      Route{get, "/static/{file}", "static", pub, Kind::text, true, "v", h::static_file},
      Route{get, "/healthz", "healthz", pub, Kind::text, false, "", h::healthz},
      Route{get, "/metrics", "metrics", pub, Kind::text, false, "", h::metrics},
      Route{get, "/api/v1", "api.index", pub, Kind::json, true, "", h::api_index},
      Route{get, "/api/v1/openapi.json", "api.openapi", pub, Kind::json, true, "", h::api_openapi},
      Route{get, "/api/v1/ladder", "api.ladder", pub, Kind::json, true, "", h::api_ladder},
      Route{get, "/api/v1/tracks", "api.tracks", pub, Kind::json, true, "", h::api_tracks},
      Route{get, "/api/v1/tracks/{id}", "api.track", pub, Kind::json, true, "", h::api_track},
      Route{get, "/api/v1/levels", "api.levels", pub, Kind::json, true, "track", h::api_levels},
      Route{get, "/api/v1/levels/{id}", "api.level", pub, Kind::json, true, "", h::api_level},
      Route{get, "/api/v1/statements", "api.statements", pub, Kind::json, true, "level area track",
            h::api_statements},
      Route{get, "/api/v1/statements/{id}", "api.statement", pub, Kind::json, true, "",
            h::api_statement},
      Route{get, "/api/v1/compare", "api.compare", pub, Kind::json, true, "a b", h::api_compare},
      Route{get, "/api/v1/search", "api.search", pub, Kind::json, true, "q", h::api_search},
      Route{get, "/api/v1/lint", "api.lint", pub, Kind::json, true, "", h::api_lint},
  };
  return table;
}

}  // namespace rung::web
