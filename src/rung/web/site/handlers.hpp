#pragma once

#include "rung/auth/viewer.hpp"
#include "rung/web/http/router.hpp"
#include "rung/web/shell/resources.hpp"

// The handlers of web/site/ (the site's own files, health and metrics, and the API description).
// Private to this folder: only its own files include this header; the rest of web/ reaches them
// through site_routes() (routes.hpp).
namespace rung::web::handlers {

Response static_file(const Resources& resources, const Call& call);
Response healthz(const Resources& resources, const Call& call);
Response metrics(const Resources& resources, const Call& call);
Response api_openapi(const Resources& resources, const Call& call);

}  // namespace rung::web::handlers
