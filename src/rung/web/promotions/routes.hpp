#pragma once

#include <span>

#include "rung/web/http/router.hpp"

namespace rung::web {

// The routes of web/promotions/ (promotion cases: pages, admin pages, API), in matching order:
// this folder's slice of the route table (web/routes.hpp).
std::span<const Route> promotion_routes();

}  // namespace rung::web
