#pragma once

#include "rung/core/error.hpp"

// The one table from an error's kind (core/error.hpp) to an HTTP status. Handlers that answer
// an error with its own status (the review pages and API, the growth plans) ask here instead
// of comparing codes, so that a new code gets the status of its kind.
namespace rung::web {

// invalid 422, not_found 404, forbidden 403, conflict 409, too_large 413, unavailable 503,
// internal 500. The review service's codes thus answer: review.forbidden 403;
// review.not-found, ladder.unknown-level 404; review.conflict, review.submitted,
// review.cycle-closed, review.not-submitted 409; review.evidence-too-large 413; assess.*,
// review.bad-*, review.cycle-track 422; store.busy 503; other store failures 500.
int http_status(ErrorKind kind);
inline int http_status(const Error& error) {
  return http_status(error.kind);
}

}  // namespace rung::web
