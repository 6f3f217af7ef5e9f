#pragma once

#include <span>

#include "rung/web/http/router.hpp"

namespace rung::web {

// The routes of web/team/ (team readiness: the page, its CSV, its API, /me/team), in matching
// order: this folder's slice of the route table (web/routes.hpp).
std::span<const Route> team_routes();

}  // namespace rung::web
