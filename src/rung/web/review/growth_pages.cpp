// The growth-plan pages: a person's plans with the form to start one, and one plan's checklist
// as one form (ticks, notes, target dates, evidence to link; saved at once), plus the older
// one-item forms to tick an item and to link evidence. Every change goes through
// review::Service and answers 303 back to the page; an error re-renders the page with the
// service's message, the status review_status gives, and what the user chose.
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/review/service.hpp"
#include "rung/web/http/form.hpp"
#include "rung/web/http/url.hpp"
#include "rung/web/review/growth_views.hpp"
#include "rung/web/review/handlers.hpp"
#include "rung/web/review/page_support.hpp"
#include "rung/web/review/paths.hpp"
#include "rung/web/shell/gate.hpp"
#include "rung/web/shell/http_errors.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

Json with_page(const Resources& resources, Json view, std::string title) {
  view["site"] = html::site_json(resources.ladder, resources.links);
  view["page"] = Json{{"title", std::move(title)}, {"nav", {{"people", true}}}};
  return view;
}

Response plans_page(const Resources& resources, const Call& call, const store::Person& person,
                    int status, std::string_view chosen, std::string_view error) {
  Json view = plans_view(resources, *call.viewer, person, chosen);
  view["error"] = std::string(error);
  std::string chart = progress_svg(resources, *call.viewer, person.id);
  view["has_progress"] = !chart.empty();
  view = with_page(resources, std::move(view), fmt::format("Growth plans of {}", person.name));
  return page(resources, call, status, "plans", std::move(view),
              html::Fragments{{"progress", std::move(chart)}});
}

// What a failed plan form leaves on the page.
struct Failed {
  int status = 200;
  std::string message;
  std::string statement;  // the item the form was about ("" for the whole form)
  PlanSent sent;          // what the form sent, per statement
};

constexpr std::string_view k_item_prefix = "on-";  // a statement the plan form shows

// The plan form's changes: for every statement on the form (on-<statement>), its tick
// (done-<statement>), note, target date (due-), the evidence chosen to link ("": none) and the
// evidence to unlink (unlink-<statement>, sent by that item's "Unlink" button).
// nullopt when an evidence value is not an id.
std::optional<PlanSent> sent_items(const Call& call) {
  PlanSent out;
  for (const FormField& field : call.form->fields()) {
    if (!field.name.starts_with(k_item_prefix) || field.filename) {
      continue;
    }
    const std::string statement = field.name.substr(k_item_prefix.size());
    review::PlanItemChange change;
    change.statement = statement;
    change.done = call.field("done-" + statement) == "1";
    change.note = std::string(call.field("note-" + statement));
    change.target_date = std::string(trim(call.field("due-" + statement)));
    const std::string_view evidence = call.field("evidence-" + statement);
    if (!evidence.empty()) {
      const auto id = parse_id(evidence);
      if (!id) {
        return std::nullopt;
      }
      change.evidence = *id;
    }
    // The "Unlink" button of one linked evidence item (its value the evidence id).
    const std::string_view unlink = call.field("unlink-" + statement);
    if (!unlink.empty()) {
      const auto id = parse_id(unlink);
      if (!id) {
        return std::nullopt;
      }
      change.unlink = *id;
    }
    out.emplace(statement, std::move(change));
  }
  return out;
}

Response plan_page(const Resources& resources, const Call& call, const Failed& failed = {}) {
  const auto person = review_pages::person_of(resources, call);
  const auto plan = plan_of_person(resources, call);
  if (!person || !plan) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  auto checklist = resources.review.checklist(*call.viewer, plan->id);
  if (!checklist) {
    return message_page(resources, review_page_status(checklist.error()), "Growth plan",
                        checklist.error().message);
  }
  Json view = plan_view(resources, *call.viewer, *person, *checklist, failed.sent);
  view["error"] = failed.message;
  view["error_statement"] = failed.statement;
  view["saved"] = failed.message.empty() && query_value(call.target.query, "saved") == "1";
  std::string chart = progress_svg(resources, *call.viewer, person->id);
  view["has_progress"] = !chart.empty();
  const std::string title =
      fmt::format("Growth plan of {}: {}", person->name, view["plan"]["title"].get<std::string>());
  view = with_page(resources, std::move(view), title);
  return page(resources, call, failed.status, "plan", std::move(view),
              html::Fragments{{"progress", std::move(chart)}});
}

Response after_item(const Resources& resources, const Call& call, const Located& plan,
                    const Result<store::PlanItem>& done) {
  const std::string statement(call.field("statement"));
  if (!done) {
    return plan_page(resources, call,
                     {review_page_status(done.error()), done.error().message, statement, {}});
  }
  return redirect(plan_url(plan.person, plan.id) + "#item-" + statement);
}

}  // namespace

Response plans(const Resources& resources, const Call& call) {
  const auto person = review_pages::person_of(resources, call);
  if (!person) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  return plans_page(resources, call, *person, 200, "", "");
}

Response plans_start(const Resources& resources, const Call& call) {
  const auto person = review_pages::person_of(resources, call);
  if (!person) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  const std::string_view target = call.field("target_level");
  auto plan = resources.review.set_target(*call.viewer, person->id, target);
  if (!plan) {
    return plans_page(resources, call, *person, review_page_status(plan.error()), target,
                      plan.error().message);
  }
  return redirect(plan_url(person->id, plan->id));
}

Response plan(const Resources& resources, const Call& call) {
  return plan_page(resources, call);
}

Response plan_save(const Resources& resources, const Call& call) {
  const auto plan = plan_of_person(resources, call);
  if (!plan) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  auto sent = sent_items(call);
  if (!sent) {
    return plan_page(resources, call, {422, "Choose evidence from the list to link.", "", {}});
  }
  if (sent->empty()) {
    return redirect(plan_url(plan->person, plan->id));
  }
  std::vector<review::PlanItemChange> changes;
  for (const auto& [statement, change] : *sent) {
    changes.push_back(change);
  }
  // One write for the whole form: a bad value anywhere saves none of it.
  auto saved = resources.review.change_items(*call.viewer, plan->id, changes);
  if (!saved) {
    return plan_page(resources, call,
                     {review_page_status(saved.error()),
                      saved.error().message + ". Nothing was saved; your changes are below.", "",
                      std::move(*sent)});
  }
  return redirect(plan_url(plan->person, plan->id) + "?saved=1");
}

Response plan_tick(const Resources& resources, const Call& call) {
  const auto plan = plan_of_person(resources, call);
  if (!plan) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  const std::string_view done = call.field("done");
  if (done != "1" && done != "0") {
    return plan_page(
        resources, call,
        {422, "done must be 1 (done) or 0 (not done)", std::string(call.field("statement")), {}});
  }
  return after_item(
      resources, call, *plan,
      resources.review.tick(*call.viewer, plan->id, call.field("statement"), done == "1"));
}

Response plan_evidence(const Resources& resources, const Call& call) {
  const auto plan = plan_of_person(resources, call);
  if (!plan) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  const auto evidence = parse_id(call.field("evidence"));
  if (!evidence) {
    return plan_page(resources, call,
                     {422,
                      "Choose one of the evidence items to link.",
                      std::string(call.field("statement")),
                      {}});
  }
  return after_item(
      resources, call, *plan,
      resources.review.link_evidence(*call.viewer, plan->id, call.field("statement"), *evidence));
}

}  // namespace rung::web::handlers
