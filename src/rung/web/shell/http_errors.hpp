#pragma once

#include "rung/core/error.hpp"
#include "rung/html/template.hpp"
#include "rung/review/records.hpp"
#include "rung/web/http/http.hpp"

// How the review service's errors (review/service.hpp) are answered over HTTP, shared by the
// assessment pages and the /api/v1 routes so both give the same status for the same problem.
namespace rung::web {

// The conflict as JSON: current_version, sent_version, statement, current_rating (scale id or
// null when unrated), sent_rating ("" for evidence).
Json conflict_json(const review::Conflict& conflict);

// {"error": {"code", "message"}} with the status of the error's kind (http_status of
// web/error_status.hpp); a conflict adds "conflict", a retry_after the Retry-After header.
// Throws for a 500 (a store that cannot be read or written), as handlers::unwrap does.
Response review_json_error(const Error& error);
Response review_json_error(const review::SaveError& error);

}  // namespace rung::web
