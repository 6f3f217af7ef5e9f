#pragma once

#include <span>

#include "rung/web/http/router.hpp"

namespace rung::web {

// The routes of web/people/ (the people directory, a person, a manager's team, and the people API),
// in matching order: this folder's slice of the route table (web/routes.hpp).
std::span<const Route> people_routes();

}  // namespace rung::web
