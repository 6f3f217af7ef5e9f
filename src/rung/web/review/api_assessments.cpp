#include <optional>
#include <string>

#include <fmt/format.h>

#include "rung/review/service.hpp"
#include "rung/web/review/handlers.hpp"
#include "rung/web/review/json.hpp"
#include "rung/web/review/paths.hpp"
#include "rung/web/shell/body.hpp"
#include "rung/web/shell/http_errors.hpp"
#include "rung/web/shell/support.hpp"

// A person's assessments under /api/v1/people/{id}/assessments: the list, starting (or resuming)
// a draft, and one assessment with its ratings and evidence.
namespace rung::web::handlers {

namespace {

constexpr std::string_view k_start_shape =
    R"({"role": "self" | "manager", "level": "<level id>" (optional: the person's own), )"
    R"("cycle": <open cycle id> (optional)})";

std::optional<store::AuthorRole> role_named(std::string_view name) {
  if (name == "self") {
    return store::AuthorRole::self;
  }
  if (name == "manager") {
    return store::AuthorRole::manager;
  }
  return std::nullopt;
}

// The start request the body asks for, or nullopt for a body of another shape.
std::optional<review::StartRequest> start_request(const Json& body, store::Id person) {
  const auto role = string_field(body, "role");
  const auto level = string_field(body, "level");
  const auto cycle = integer_field(body, "cycle");
  if (!role || !role_named(*role) || (!level && !absent(body, "level")) ||
      (!cycle && !absent(body, "cycle"))) {
    return std::nullopt;
  }
  return review::StartRequest{person, *role_named(*role), level.value_or(""), cycle};
}

}  // namespace

Response api_assessments(const Resources& resources, const Call& call) {
  const auto person = parse_id(call.param("id"));
  Json list = Json::array();
  auto visible = resources.review.assessments(*call.viewer, person.value_or(0));
  if (!visible) {
    return review_json_error(visible.error());
  }
  for (const auto& a : *visible) {
    list.push_back(assessment_json(a));
  }
  return json_response(200, Json{{"person", person.value_or(0)}, {"assessments", std::move(list)}});
}

Response api_start_assessment(const Resources& resources, const Call& call) {
  const store::Id person = parse_id(call.param("id")).value_or(0);
  const auto request = start_request(*call.json, person);
  if (!request) {
    return bad_body(k_start_shape);
  }
  auto started = resources.review.start(*call.viewer, *request);
  if (!started) {
    return review_json_error(started.error());
  }
  return json_response(started->created ? 201 : 200, assessment_json(started->assessment));
}

Response api_assessment(const Resources& resources, const Call& call) {
  const auto assessment = assessment_of_person(resources, call);
  if (!assessment) {
    return json_error(404, "not-found", fmt::format("no API resource at {}", call.target.path));
  }
  auto read = resources.review.read(*call.viewer, assessment->id);
  if (!read) {
    return review_json_error(read.error());
  }
  return json_response(200, assessment_json(*read));
}

}  // namespace rung::web::handlers
