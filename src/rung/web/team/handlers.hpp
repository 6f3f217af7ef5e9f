#pragma once

#include "rung/web/http/router.hpp"
#include "rung/web/shell/resources.hpp"

// The handlers of web/team/ (team readiness: the page, its CSV, its API, and the header's
// "Team" link). Private to this folder: only its own files include this header; the rest of
// web/ reaches them through team_routes() (routes.hpp).
namespace rung::web::handlers {

Response team_readiness(const Resources& resources, const Call& call);
Response team_readiness_csv(const Resources& resources, const Call& call);
Response api_team_readiness(const Resources& resources, const Call& call);
// The header's "Team" link: a 303 to the viewer's own team, or for an account that is not a
// person's a page that says so.
Response my_team(const Resources& resources, const Call& call);

}  // namespace rung::web::handlers
