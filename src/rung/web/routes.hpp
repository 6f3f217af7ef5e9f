#pragma once

#include <span>

#include "rung/web/http/router.hpp"

namespace rung::web {

// The table every request is routed through, in matching order: the slices of the feature
// folders (site, ladder, account, people, review, admin), each from its own routes.hpp. The same
// list drives the /metrics labels, the OpenAPI test and the authorization matrix.
std::span<const Route> routes();

}  // namespace rung::web
