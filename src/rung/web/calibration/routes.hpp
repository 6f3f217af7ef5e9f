#pragma once

#include <span>

#include "rung/web/http/router.hpp"

namespace rung::web {

// The routes of web/calibration/ (calibration sessions: pages and API), in matching order:
// this folder's slice of the route table (web/routes.hpp).
std::span<const Route> calibration_routes();

}  // namespace rung::web
