#include "rung/web/shell/http_errors.hpp"

#include <stdexcept>
#include <string>

#include "rung/web/shell/error_status.hpp"
#include "rung/web/shell/resources.hpp"

namespace rung::web {

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
  const int status = http_status(error.error);
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
  Response out = json_response(status, Json{{"error", std::move(body)}});
  if (error.error.retry_after) {
    out.headers.set("Retry-After", std::to_string(*error.error.retry_after));
  }
  return out;
}

}  // namespace rung::web
