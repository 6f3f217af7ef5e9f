#include "rung/web/ladder/routes.hpp"

#include <array>

#include "rung/web/ladder/handlers.hpp"

namespace rung::web {

std::span<const Route> ladder_routes() {
  using enum Method;
  using enum Kind;
  constexpr Access lad = Access::ladder;
  namespace h = handlers;
  static const std::array table{
      Route{get, "/", "overview", lad, html, true, "", h::overview},
      Route{get, "/tracks/{id}", "track", lad, html, true, "", h::track},
      Route{get, "/levels/{id}", "level", lad, html, true, "", h::level},
      Route{get, "/compare", "compare", lad, html, true, "a b", h::compare},
      Route{get, "/search", "search", lad, html, true, "q", h::search},
      Route{get, "/lint", "lint", lad, html, true, "", h::lint},
      // Not cached: another instance on the same store may add a version.
      Route{get, "/ladder/history", "history", lad, html, false, "", h::history},
      Route{get, "/api/v1", "api.index", lad, json, true, "", h::api_index},
      Route{get, "/api/v1/ladder", "api.ladder", lad, json, true, "", h::api_ladder},
      Route{get, "/api/v1/tracks", "api.tracks", lad, json, true, "", h::api_tracks},
      Route{get, "/api/v1/tracks/{id}", "api.track", lad, json, true, "", h::api_track},
      Route{get, "/api/v1/levels", "api.levels", lad, json, true, "track", h::api_levels},
      Route{get, "/api/v1/levels/{id}", "api.level", lad, json, true, "", h::api_level},
      Route{get, "/api/v1/statements", "api.statements", lad, json, true, "level area track",
            h::api_statements},
      Route{get, "/api/v1/statements/{id}", "api.statement", lad, json, true, "", h::api_statement},
      Route{get, "/api/v1/compare", "api.compare", lad, json, true, "a b", h::api_compare},
      Route{get, "/api/v1/search", "api.search", lad, json, true, "q", h::api_search},
      Route{get, "/api/v1/lint", "api.lint", lad, json, true, "", h::api_lint},
      Route{get, "/api/v1/ladder/history", "api.history", lad, json, false, "", h::api_history},
  };
  return table;
}

}  // namespace rung::web
