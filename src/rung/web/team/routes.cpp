#include "rung/web/team/routes.hpp"

#include <array>

#include "rung/web/team/handlers.hpp"
#include "rung/web/team/query.hpp"

namespace rung::web {

std::span<const Route> team_routes() {
  using enum Method;
  using enum Kind;
  constexpr Access in = Access::signed_in;
  constexpr Access per = Access::person;
  namespace h = handlers;
  static const std::array table{
      Route{get, "/me/team", "me.team", in, html, false, "", h::my_team},
      Route{get, "/people/{id}/team/readiness", "team.readiness", per, html, false,
            team::k_page_params, h::team_readiness},
      Route{get, "/people/{id}/team/readiness.csv", "team.readiness.csv", per, text, false,
            team::k_params, h::team_readiness_csv},
      Route{get, "/api/v1/people/{id}/team/readiness", "api.team.readiness", per, json, false,
            team::k_params, h::api_team_readiness},
  };
  return table;
}

}  // namespace rung::web
