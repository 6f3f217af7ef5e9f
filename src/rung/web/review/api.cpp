#include <string>

#include <fmt/format.h>

#include "rung/review/service.hpp"
#include "rung/web/review/handlers.hpp"
#include "rung/web/review/json.hpp"
#include "rung/web/review/paths.hpp"
#include "rung/web/shell/body.hpp"
#include "rung/web/shell/http_errors.hpp"
#include "rung/web/shell/support.hpp"

// The writes on one draft under /api/v1/people/{id}/assessments/{aid}/...
// (docs/api-assessments.md): a rating, evidence, submit. access.cpp has already let the viewer see
// person {id}; the review service decides the rest (author, line, status, version).
namespace rung::web::handlers {

namespace {

Response no_assessment(const Call& call) {
  return json_error(404, "not-found", fmt::format("no API resource at {}", call.target.path));
}

}  // namespace

Response api_save_rating(const Resources& resources, const Call& call) {
  const auto assessment = assessment_of_person(resources, call);
  if (!assessment) {
    return no_assessment(call);
  }
  const auto version = integer_field(*call.json, "version");
  const auto rating = string_field(*call.json, "rating");
  if (!version || !rating) {
    return bad_body(R"({"version": <the assessment's version>, "rating": "<scale id>"})");
  }
  auto saved = resources.review.save_rating(*call.viewer, assessment->id, *version,
                                            call.param("statement"), *rating);
  if (!saved) {
    return review_json_error(saved.error());
  }
  return json_response(200, Json{{"assessment", assessment->id},
                                 {"statement", call.param("statement")},
                                 {"rating", *rating},
                                 {"version", *saved}});
}

Response api_add_evidence(const Resources& resources, const Call& call) {
  const auto assessment = assessment_of_person(resources, call);
  if (!assessment) {
    return no_assessment(call);
  }
  const Json& body = *call.json;
  const auto version = integer_field(body, "version");
  const auto statement = string_field(body, "statement");
  const auto text = string_field(body, "text");
  const auto date = string_field(body, "date");
  if (!version || !statement || !text || (!date && !absent(body, "date"))) {
    return bad_body(R"({"version": <the assessment's version>, "statement": "<statement id>", )"
                    R"("text": "...", "date": "YYYY-MM-DD" (optional)})");
  }
  auto added = resources.review.add_evidence(*call.viewer, assessment->id, *version, *statement,
                                             *text, date.value_or(""));
  if (!added) {
    return review_json_error(added.error());
  }
  return json_response(201, Json{{"assessment", assessment->id},
                                 {"statement", *statement},
                                 {"evidence", added->evidence},
                                 {"version", added->version}});
}

Response api_submit_assessment(const Resources& resources, const Call& call) {
  const auto assessment = assessment_of_person(resources, call);
  if (!assessment) {
    return no_assessment(call);
  }
  const auto version = integer_field(*call.json, "version");
  if (!version) {
    return bad_body(R"({"version": <the assessment's version>})");
  }
  auto submitted = resources.review.submit(*call.viewer, assessment->id, *version);
  if (!submitted) {
    return review_json_error(submitted.error());
  }
  return json_response(200, assessment_json(*submitted));
}

Response api_withdraw_assessment(const Resources& resources, const Call& call) {
  const auto assessment = assessment_of_person(resources, call);
  if (!assessment) {
    return no_assessment(call);
  }
  const auto reason = string_field(*call.json, "reason");
  if (!reason) {
    return bad_body(R"({"reason": "<why it is withdrawn>"})");
  }
  auto withdrawn = resources.review.withdraw(*call.viewer, assessment->id, *reason);
  if (!withdrawn) {
    return review_json_error(withdrawn.error());
  }
  return json_response(200, assessment_json(*withdrawn));
}

}  // namespace rung::web::handlers
