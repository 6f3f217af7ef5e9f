#include "rung/web/people/routes.hpp"

#include <array>

#include "rung/web/people/handlers.hpp"

namespace rung::web {

std::span<const Route> people_routes() {
  using enum Method;
  using enum Kind;
  constexpr Access in = Access::signed_in;
  constexpr Access per = Access::person;
  namespace h = handlers;
  static const std::array table{
      Route{get, "/people", "people", in, html, false, "q", h::people},
      Route{get, "/people/{id}", "person", per, html, false, "", h::person},
      Route{get, "/people/{id}/team", "team", per, html, false, "", h::team},
      Route{get, "/api/v1/me", "api.me", in, json, false, "", h::api_me},
      Route{get, "/api/v1/people", "api.people", in, json, false, "q", h::api_people},
      Route{get, "/api/v1/people/{id}", "api.person", per, json, false, "", h::api_person},
  };
  return table;
}

}  // namespace rung::web
