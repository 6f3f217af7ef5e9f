#pragma once

#include <string_view>

#include "rung/core/error.hpp"
#include "rung/html/template.hpp"
#include "rung/review/records.hpp"
#include "rung/web/http/http.hpp"

// How the review service's errors (review/service.hpp) are answered over HTTP, shared by the
// assessment pages and the /api/v1 routes so both give the same status for the same problem.
namespace rung::web {

// The status for a review error code:
//   review.forbidden 403; review.not-found, ladder.unknown-level 404;
//   review.conflict, review.submitted, review.cycle-closed, review.not-submitted 409;
//   review.evidence-too-large 413;
//   assess.*, review.bad-*, review.cycle-track 422;
//   anything else (store.*) 500.
int review_status(std::string_view code);

// The conflict as JSON: current_version, sent_version, statement, current_rating (scale id or
// null when unrated), sent_rating ("" for evidence).
Json conflict_json(const review::Conflict& conflict);

// {"error": {"code", "message"}} with review_status(code); a conflict adds "conflict".
// Throws for a 500 (a store that cannot be read or written), as handlers::unwrap does.
Response review_json_error(const Error& error);
Response review_json_error(const review::SaveError& error);

}  // namespace rung::web
