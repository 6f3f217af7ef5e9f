#pragma once

#include <span>

#include "rung/web/http/router.hpp"

namespace rung::web {

// The routes of web/review/ (assessments, side by side, growth plans and review cycles: pages and
// API), in matching order: this folder's slice of the route table (web/routes.hpp).
std::span<const Route> review_routes();

}  // namespace rung::web
