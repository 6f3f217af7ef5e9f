#include <string>

#include <fmt/format.h>

#include "rung/review/service.hpp"
#include "rung/web/handlers.hpp"
#include "rung/web/review_http.hpp"
#include "rung/web/review_paths.hpp"

// The assessments API under /api/v1/people/{id}/... (docs/api.md). access.cpp has already let
// the viewer see person {id}; the review service decides the rest (author, line, status).
namespace rung::web::handlers {

Response api_save_rating(const Resources& resources, const Call& call) {
  const auto assessment = assessment_of_person(resources, call);
  if (!assessment) {
    return json_error(404, "not-found", fmt::format("no API resource at {}", call.target.path));
  }
  const Json& body = *call.json;
  const auto version = body.find("version");
  const auto rating = body.find("rating");
  if (version == body.end() || !version->is_number_integer() || rating == body.end() ||
      !rating->is_string()) {
    return json_error(422, "bad-request",
                      R"(send {"version": <the assessment's version>, "rating": "<scale id>"})");
  }
  auto saved =
      resources.review.save_rating(*call.viewer, assessment->id, version->get<std::int64_t>(),
                                   call.param("statement"), rating->get<std::string>());
  if (!saved) {
    return review_json_error(saved.error());
  }
  return json_response(200, Json{{"assessment", assessment->id},
                                 {"statement", call.param("statement")},
                                 {"rating", *rating},
                                 {"version", *saved}});
}

}  // namespace rung::web::handlers
