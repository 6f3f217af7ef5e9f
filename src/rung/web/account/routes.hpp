#pragma once

#include <span>

#include "rung/web/http/router.hpp"

namespace rung::web {

// The routes of web/account/ (signing in and out, and the viewer's own account), in matching order:
// this folder's slice of the route table (web/routes.hpp).
std::span<const Route> account_routes();

}  // namespace rung::web
