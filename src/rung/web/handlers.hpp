#pragma once

#include "rung/web/resources.hpp"
#include "rung/web/router.hpp"

// The route handlers that routes.cpp puts in the table. Each answers one route; the App has
// already checked the method, the target and the query parameter names.
namespace rung::web::handlers {

// HTML pages (page_handlers.cpp).
Response overview(const Resources& resources, const Call& call);
Response track(const Resources& resources, const Call& call);
Response level(const Resources& resources, const Call& call);
Response static_file(const Resources& resources, const Call& call);
Response healthz(const Resources& resources, const Call& call);
Response metrics(const Resources& resources, const Call& call);

// Pages and API over compare/, search/ and lint/ (tool_handlers.cpp).
Response compare(const Resources& resources, const Call& call);
Response search(const Resources& resources, const Call& call);
Response lint(const Resources& resources, const Call& call);
Response api_compare(const Resources& resources, const Call& call);
Response api_search(const Resources& resources, const Call& call);
Response api_lint(const Resources& resources, const Call& call);

// JSON API under /api/v1 (api_handlers.cpp).
Response api_index(const Resources& resources, const Call& call);
Response api_openapi(const Resources& resources, const Call& call);
Response api_ladder(const Resources& resources, const Call& call);
Response api_tracks(const Resources& resources, const Call& call);
Response api_track(const Resources& resources, const Call& call);
Response api_levels(const Resources& resources, const Call& call);
Response api_level(const Resources& resources, const Call& call);
Response api_statements(const Resources& resources, const Call& call);
Response api_statement(const Resources& resources, const Call& call);

}  // namespace rung::web::handlers
