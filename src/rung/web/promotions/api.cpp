// Promotion cases under /api/v1 (docs/promotions.md): a person's cases and opening one; one
// case, its texts (PATCH), submitting, review, the decision and publishing; a cycle's cases and
// publishing its decisions. Each handler reads the ids and the body, makes one call to
// review::Service and answers its value or its error (shell/http_errors.hpp).
#include <string>

#include <fmt/format.h>

#include "rung/review/service.hpp"
#include "rung/web/promotions/handlers.hpp"
#include "rung/web/promotions/views.hpp"
#include "rung/web/shell/body.hpp"
#include "rung/web/shell/http_errors.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

store::Id case_id(const Call& call) {
  return parse_id(call.param("case")).value_or(0);
}

// The case as the viewer sees it now, with the packet: the answer of every change.
Response case_answer(const Resources& resources, const Call& call, store::Id id, int status) {
  auto view = resources.review.promotion_case(*call.viewer, id);
  if (!view) {
    return review_json_error(view.error());
  }
  return json_response(status, case_json(*view));
}

template <class T>
Response after_change(const Resources& resources, const Call& call,
                      const review::SaveResult<T>& done) {
  if (!done) {
    return review_json_error(done.error());
  }
  return case_answer(resources, call, case_id(call), 200);
}

std::optional<std::int64_t> version_of(const Call& call) {
  return integer_field(*call.json, "version");
}

Json published_json(const review::Published& published) {
  Json cases = Json::array();
  for (const auto& c : published.cases) {
    cases.push_back(c.id);
  }
  return Json{{"published", std::move(cases)}, {"promoted", published.promoted}};
}

}  // namespace

Response api_cases(const Resources& resources, const Call& call) {
  const store::Id person = parse_id(call.param("id")).value_or(0);
  auto found = resources.review.cases_of(*call.viewer, person);
  if (!found) {
    return review_json_error(found.error());
  }
  Json cases = Json::array();
  for (const auto& view : *found) {
    cases.push_back(case_json(view));
  }
  return json_response(200, Json{{"person", person}, {"cases", std::move(cases)}});
}

Response api_open_case(const Resources& resources, const Call& call) {
  const auto target = string_field(*call.json, "target_level");
  const auto text = absent(*call.json, "manager_case") ? std::optional<std::string>("")
                                                       : string_field(*call.json, "manager_case");
  const auto cycle = integer_field(*call.json, "cycle");
  if (!target || !text || (!cycle && !absent(*call.json, "cycle"))) {
    return bad_body(
        R"({"target_level": "<level id>", "cycle": <cycle id> (optional), "manager_case": "<text>" (optional)})");
  }
  review::CaseRequest request{parse_id(call.param("id")).value_or(0), *target, cycle, *text};
  auto opened = resources.review.open_case(*call.viewer, request);
  if (!opened) {
    return review_json_error(opened.error());
  }
  return case_answer(resources, call, opened->id, 201);
}

Response api_case(const Resources& resources, const Call& call) {
  const store::Id id = case_id(call);
  auto view = resources.review.promotion_case(*call.viewer, id);
  if (!view) {
    return review_json_error(view.error());
  }
  auto packet = resources.review.case_packet(*call.viewer, id);
  if (!packet) {
    return review_json_error(packet.error());
  }
  Json out = case_json(*view);
  out["packet"] = packet_json(*packet);
  return json_response(200, out);
}

Response api_patch_case(const Resources& resources, const Call& call) {
  const auto version = version_of(call);
  const auto text = string_field(*call.json, "manager_case");
  const auto statement = string_field(*call.json, "statement");
  if (!version || (text.has_value() == statement.has_value())) {
    return bad_body(
        R"({"version": <n>, "manager_case": "<text>"} or {"version": <n>, "statement": "<text>"})");
  }
  if (text) {
    return after_change(resources, call,
                        resources.review.edit_case(*call.viewer, case_id(call), *version, *text));
  }
  return after_change(
      resources, call,
      resources.review.write_statement(*call.viewer, case_id(call), *version, *statement));
}

Response api_submit_case(const Resources& resources, const Call& call) {
  const auto version = version_of(call);
  if (!version) {
    return bad_body(R"({"version": <n>})");
  }
  return after_change(resources, call,
                      resources.review.submit_case(*call.viewer, case_id(call), *version));
}

Response api_review_case(const Resources& resources, const Call& call) {
  const auto version = version_of(call);
  if (!version) {
    return bad_body(R"({"version": <n>})");
  }
  return after_change(resources, call,
                      resources.review.start_case_review(*call.viewer, case_id(call), *version));
}

Response api_decide_case(const Resources& resources, const Call& call) {
  const auto version = version_of(call);
  const auto outcome_text = string_field(*call.json, "outcome");
  const auto outcome = outcome_text ? store::case_outcome_from(*outcome_text) : std::nullopt;
  const auto rationale = string_field(*call.json, "rationale");
  const auto effective = absent(*call.json, "effective_date")
                             ? std::optional<std::string>("")
                             : string_field(*call.json, "effective_date");
  if (!version || !outcome || !rationale || !effective) {
    return bad_body(
        R"({"version": <n>, "outcome": "approved" | "not_now" | "withdrawn", "rationale": "<text>", "effective_date": "YYYY-MM-DD" (for an approval)})");
  }
  return after_change(
      resources, call,
      resources.review.decide_case(*call.viewer, case_id(call), *version,
                                   review::Decision{*outcome, *rationale, *effective}));
}

Response api_publish_case(const Resources& resources, const Call& call) {
  const auto version = version_of(call);
  if (!version) {
    return bad_body(R"({"version": <n>})");
  }
  auto published = resources.review.publish_case(*call.viewer, case_id(call), *version);
  if (!published) {
    return review_json_error(published.error());
  }
  return json_response(200, published_json(*published));
}

Response api_cycle_cases(const Resources& resources, const Call& call) {
  const store::Id cycle = parse_id(call.param("cycle")).value_or(0);
  auto found = resources.review.cases_in_cycle(*call.viewer, cycle);
  if (!found) {
    return review_json_error(found.error());
  }
  Json cases = Json::array();
  for (const auto& view : *found) {
    cases.push_back(case_json(view));
  }
  return json_response(200, Json{{"cycle", cycle}, {"cases", std::move(cases)}});
}

Response api_publish_cycle(const Resources& resources, const Call& call) {
  const store::Id cycle = parse_id(call.param("cycle")).value_or(0);
  auto published = resources.review.publish_cycle(*call.viewer, cycle);
  if (!published) {
    return review_json_error(published.error());
  }
  return json_response(200, published_json(*published));
}

}  // namespace rung::web::handlers
