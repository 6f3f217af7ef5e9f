#include <string>

#include <fmt/format.h>

#include "rung/core/utc.hpp"
#include "rung/review/service.hpp"
#include "rung/web/review/handlers.hpp"
#include "rung/web/review/json.hpp"
#include "rung/web/review/paths.hpp"
#include "rung/web/shell/body.hpp"
#include "rung/web/shell/http_errors.hpp"
#include "rung/web/shell/support.hpp"

// Growth plans under /api/v1/people/{id}/plans: the list, a new target, the checklist, changing
// an item (tick, note, target date) and linking evidence to it. {plan} must belong to person {id},
// else 404.
namespace rung::web::handlers {

namespace {

Response no_plan(const Call& call) {
  return json_error(404, "not-found", fmt::format("no API resource at {}", call.target.path));
}

// The stored state of one checklist item after a change: {plan, statement, done, done_by,
// done_at, note, target_date, evidence}.
Response item_answer(const store::PlanItem& item) {
  return json_response(
      200, Json{{"plan", item.plan},
                {"statement", item.statement},
                {"done", item.done},
                {"done_by", item.done_by.empty() ? Json() : Json(item.done_by)},
                {"done_at", item.done_at != 0 ? Json(format_utc(item.done_at)) : Json()},
                {"note", item.note},
                {"target_date", item.target_date.empty() ? Json() : Json(item.target_date)},
                {"evidence", item.evidence}});
}

}  // namespace

Response api_plans(const Resources& resources, const Call& call) {
  const store::Id person = parse_id(call.param("id")).value_or(0);
  auto found = resources.review.plans(*call.viewer, person);
  if (!found) {
    return review_json_error(found.error());
  }
  Json plans = Json::array();
  for (const auto& plan : *found) {
    plans.push_back(plan_json(plan));
  }
  return json_response(200, Json{{"person", person}, {"plans", std::move(plans)}});
}

Response api_start_plan(const Resources& resources, const Call& call) {
  const auto target = string_field(*call.json, "target_level");
  if (!target) {
    return bad_body(R"({"target_level": "<level id>"})");
  }
  auto plan =
      resources.review.set_target(*call.viewer, parse_id(call.param("id")).value_or(0), *target);
  if (!plan) {
    return review_json_error(plan.error());
  }
  return json_response(201, plan_json(*plan));
}

Response api_plan(const Resources& resources, const Call& call) {
  const auto plan = plan_of_person(resources, call);
  if (!plan) {
    return no_plan(call);
  }
  auto checklist = resources.review.checklist(*call.viewer, plan->id);
  if (!checklist) {
    return review_json_error(checklist.error());
  }
  return json_response(200, checklist_json(*checklist));
}

Response api_plan_item(const Resources& resources, const Call& call) {
  const auto plan = plan_of_person(resources, call);
  if (!plan) {
    return no_plan(call);
  }
  // Each of done, note and target_date is optional, but one must be sent; a field of the
  // wrong type is refused rather than ignored.
  constexpr std::string_view k_shape =
      R"({"done": true | false, "note": "<text>", "target_date": "YYYY-MM-DD" | ""})";
  review::PlanItemChange change;
  change.statement = std::string(call.param("statement"));
  change.done = bool_field(*call.json, "done");
  change.note = string_field(*call.json, "note");
  change.target_date = string_field(*call.json, "target_date");
  const bool wrong = (!change.done && !absent(*call.json, "done")) ||
                     (!change.note && !absent(*call.json, "note")) ||
                     (!change.target_date && !absent(*call.json, "target_date"));
  if (wrong || (!change.done && !change.note && !change.target_date)) {
    return bad_body(k_shape);
  }
  auto changed = resources.review.change_items(*call.viewer, plan->id, {change});
  if (!changed) {
    return review_json_error(changed.error());
  }
  return item_answer(changed->front());
}

Response api_plan_evidence(const Resources& resources, const Call& call) {
  const auto plan = plan_of_person(resources, call);
  if (!plan) {
    return no_plan(call);
  }
  const auto evidence = integer_field(*call.json, "evidence");
  const auto unlink = bool_field(*call.json, "unlink");
  if (!evidence || (!unlink && !absent(*call.json, "unlink"))) {
    return bad_body(R"({"evidence": <evidence id from one of the person's assessments>, )"
                    R"("unlink": true (optional: unlink it instead; the evidence stays)})");
  }
  const auto statement = call.param("statement");
  if (unlink.value_or(false)) {
    review::PlanItemChange change;
    change.statement = std::string(statement);
    change.unlink = *evidence;
    auto changed = resources.review.change_items(*call.viewer, plan->id, {change});
    if (!changed) {
      return review_json_error(changed.error());
    }
    return item_answer(changed->front());
  }
  auto linked = resources.review.link_evidence(*call.viewer, plan->id, statement, *evidence);
  if (!linked) {
    return review_json_error(linked.error());
  }
  return item_answer(*linked);
}

}  // namespace rung::web::handlers
