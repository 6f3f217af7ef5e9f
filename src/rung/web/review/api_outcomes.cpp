#include <string>

#include <fmt/format.h>

#include "rung/review/service.hpp"
#include "rung/web/http/url.hpp"
#include "rung/web/review/handlers.hpp"
#include "rung/web/review/json.hpp"
#include "rung/web/review/paths.hpp"
#include "rung/web/shell/http_errors.hpp"
#include "rung/web/shell/support.hpp"

// What the assessments of a person add up to: the outcome of one submitted assessment, self and
// manager side by side, and progress over cycles. Every figure comes from the review service.
namespace rung::web::handlers {

Response api_assessment_outcome(const Resources& resources, const Call& call) {
  const auto assessment = assessment_of_person(resources, call);
  if (!assessment) {
    return json_error(404, "not-found", fmt::format("no API resource at {}", call.target.path));
  }
  auto outcome = resources.review.outcome(*call.viewer, assessment->id);
  if (!outcome) {
    return review_json_error(outcome.error());
  }
  return json_response(200, outcome_json(*outcome));
}

Response api_side_by_side(const Resources& resources, const Call& call) {
  const store::Id person = parse_id(call.param("id")).value_or(0);
  const auto level = query_value(call.target.query, "level").value_or("");
  auto view = resources.review.side_by_side(*call.viewer, person, level);
  if (!view) {
    return review_json_error(view.error());
  }
  return json_response(200, side_by_side_json(*view));
}

Response api_progress(const Resources& resources, const Call& call) {
  const store::Id person = parse_id(call.param("id")).value_or(0);
  auto points = resources.review.progress(*call.viewer, person);
  if (!points) {
    return review_json_error(points.error());
  }
  return json_response(200, progress_json(person, *points));
}

}  // namespace rung::web::handlers
