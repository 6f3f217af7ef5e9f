#pragma once

#include <span>

#include "rung/web/http/router.hpp"

namespace rung::web {

// The routes of web/site/ (the site's own files, health and metrics, and the API description), in
// matching order: this folder's slice of the route table (web/routes.hpp).
std::span<const Route> site_routes();

}  // namespace rung::web
