#include "rung/web/review/http_errors.hpp"

#include <stdexcept>

#include "rung/web/shell/resources.hpp"

namespace rung::web {

int review_status(std::string_view code) {
  if (code == "review.forbidden") {
    return 403;
  }
  if (code == "review.not-found" || code == "ladder.unknown-level") {
    return 404;
  }
  if (code == "review.conflict" || code == "review.submitted" || code == "review.cycle-closed" ||
      code == "review.not-submitted") {
    return 409;
  }
  if (code == "review.evidence-too-large") {
    return 413;
  }
  if (code.starts_with("assess.") || code.starts_with("review.bad-") ||
      code == "review.cycle-track") {
    return 422;
  }
  return 500;
}

Json conflict_json(const review::Conflict& conflict) {
  return Json{{"current_version", conflict.current_version},
              {"sent_version", conflict.sent_version},
              {"statement", conflict.statement},
              {"current_rating",
               conflict.current_rating ? Json(conflict.current_rating->scale) : Json(nullptr)},
              {"sent_rating", conflict.sent_scale}};
}

Response review_json_error(const Error& error) {
  return review_json_error(review::SaveError{error, std::nullopt});
}

Response review_json_error(const review::SaveError& error) {
  const int status = review_status(error.error.code);
  if (status == 500) {
    throw std::runtime_error(error.error.message);
  }
  Json body{{"code", error.error.code}, {"message", error.error.message}};
  if (!error.error.hint.empty()) {
    body["hint"] = error.error.hint;
  }
  if (error.conflict) {
    body["conflict"] = conflict_json(*error.conflict);
  }
  return json_response(status, Json{{"error", std::move(body)}});
}

}  // namespace rung::web
