#pragma once

#include <span>

#include "rung/web/http/router.hpp"

namespace rung::web {

// The routes of web/ladder/ (the ladder: overview, tracks, levels, compare, search, lint, and their
// API), in matching order: this folder's slice of the route table (web/routes.hpp).
std::span<const Route> ladder_routes();

}  // namespace rung::web
