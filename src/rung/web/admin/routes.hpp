#pragma once

#include <span>

#include "rung/web/http/router.hpp"

namespace rung::web {

// The routes of web/admin/ (the admin pages: people import, users, the audit log), in matching
// order: this folder's slice of the route table (web/routes.hpp).
std::span<const Route> admin_routes();

}  // namespace rung::web
