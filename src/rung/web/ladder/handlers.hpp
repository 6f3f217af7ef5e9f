#pragma once

#include "rung/auth/viewer.hpp"
#include "rung/web/http/router.hpp"
#include "rung/web/shell/resources.hpp"

// The handlers of web/ladder/ (the ladder: overview, tracks, levels, compare, search, lint, its
// history, and their API). Private to this folder: only its own files include this header; the rest
// of web/ reaches them through ladder_routes() (routes.hpp).
namespace rung::web::handlers {

Response overview(const Resources& resources, const Call& call);
Response track(const Resources& resources, const Call& call);
Response level(const Resources& resources, const Call& call);
Response compare(const Resources& resources, const Call& call);
Response search(const Resources& resources, const Call& call);
Response lint(const Resources& resources, const Call& call);
Response api_index(const Resources& resources, const Call& call);
Response api_ladder(const Resources& resources, const Call& call);
Response api_tracks(const Resources& resources, const Call& call);
Response api_track(const Resources& resources, const Call& call);
Response api_levels(const Resources& resources, const Call& call);
Response api_level(const Resources& resources, const Call& call);
Response api_statements(const Resources& resources, const Call& call);
Response api_statement(const Resources& resources, const Call& call);
Response api_compare(const Resources& resources, const Call& call);
Response api_search(const Resources& resources, const Call& call);
Response api_lint(const Resources& resources, const Call& call);
Response history(const Resources& resources, const Call& call);
Response api_history(const Resources& resources, const Call& call);

}  // namespace rung::web::handlers
