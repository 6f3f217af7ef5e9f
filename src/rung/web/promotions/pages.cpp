// The promotion case pages (docs/promotions.md): opening a case from the person page, the case
// page, and its forms (the manager's case, the person's statement, submit, review, decide,
// publish). Every change goes through review::Service and answers 303 back to the case page
// (or to the cycle's list when the form came from it); a refused one re-renders the page with
// the service's message, the status its kind gives, and what the user typed.
#include <string>

#include <fmt/format.h>

#include "rung/html/views.hpp"
#include "rung/review/service.hpp"
#include "rung/web/promotions/handlers.hpp"
#include "rung/web/promotions/views.hpp"
#include "rung/web/shell/body.hpp"
#include "rung/web/shell/error_status.hpp"
#include "rung/web/shell/gate.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

// The status of a service error on a page; a store failure is a 500 (an exception).
int page_status(const Error& error) {
  const int status = http_status(error);
  if (status == 500) {
    throw std::runtime_error(error.message);
  }
  return status;
}

// The case named by {case} when it is the person {id}'s.
std::optional<store::Id> located(const Resources& resources, const Call& call) {
  const auto person = parse_id(call.param("id"));
  const auto id = parse_id(call.param("case"));
  if (!person || !id || !unwrap(resources.review.case_belongs(*person, *id))) {
    return std::nullopt;
  }
  return id;
}

Response render(const Resources& resources, const Call& call, store::Id id, int status,
                const CaseFormState& form) {
  auto view = resources.review.promotion_case(*call.viewer, id);
  if (!view) {
    return message_page(resources, page_status(view.error()), "Promotion case",
                        view.error().message);
  }
  auto packet = resources.review.case_packet(*call.viewer, id);
  if (!packet) {
    return message_page(resources, page_status(packet.error()), "Promotion case",
                        packet.error().message);
  }
  Json shown = case_page_view(resources, *call.viewer, *view, *packet, form);
  shown["site"] = html::site_json(resources.ladder, resources.links);
  shown["page"] = Json{{"title", fmt::format("Promotion case of {}", view->person.name)},
                       {"nav", {{"people", true}}}};
  return page(resources, call, status, "case", std::move(shown));
}

// What a form leaves on the page when it is refused.
CaseFormState typed(const Call& call, const Error& error) {
  CaseFormState form;
  form.error = error.message;
  const std::string which(call.field("which"));
  form.text_case = which == "case" ? std::string(call.field("text")) : "";
  form.text_statement = which == "statement" ? std::string(call.field("text")) : "";
  form.rationale = std::string(call.field("rationale"));
  form.outcome = std::string(call.field("outcome"));
  form.effective_date = std::string(call.field("effective_date"));
  return form;
}

template <class T>
const Error& error_of(const Result<T>& done) {
  return done.error();
}

template <class T>
const Error& error_of(const review::SaveResult<T>& done) {
  return done.error().error;
}

template <class T>
Response after(const Resources& resources, const Call& call, store::Id id, const T& done,
               std::string_view anchor) {
  if (!done) {
    const Error& error = error_of(done);
    if (call.field("from") == "cycle") {
      return message_page(resources, page_status(error), "Promotion case", error.message);
    }
    return render(resources, call, id, page_status(error), typed(call, error));
  }
  const std::string_view from_cycle = call.field("cycle");
  if (call.field("from") == "cycle" && parse_id(from_cycle)) {
    return redirect(fmt::format("/admin/cycles/{}/cases#case-{}", from_cycle, id));
  }
  return redirect(case_url(parse_id(call.param("id")).value_or(0), id) + std::string(anchor));
}

std::int64_t version_field(const Call& call) {
  return parse_id(call.field("version")).value_or(0);
}

}  // namespace

Response cases_open(const Resources& resources, const Call& call) {
  const store::Id person = parse_id(call.param("id")).value_or(0);
  const std::string_view cycle_text = call.field("cycle");
  std::optional<store::Id> cycle;
  if (!cycle_text.empty() && cycle_text != "none") {
    cycle = parse_id(cycle_text);
    if (!cycle) {
      return message_page(resources, 422, "Promotion case", "Choose a review cycle, or none.");
    }
  }
  review::CaseRequest request{person, std::string(call.field("target_level")), cycle,
                              std::string(call.field("text"))};
  auto opened = resources.review.open_case(*call.viewer, request);
  if (!opened) {
    return message_page(resources, page_status(opened.error()), "Promotion case",
                        opened.error().message);
  }
  return redirect(case_url(person, opened->id));
}

Response case_page(const Resources& resources, const Call& call) {
  const auto id = located(resources, call);
  if (!id) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  return render(resources, call, *id, 200, {});
}

Response case_save(const Resources& resources, const Call& call) {
  const auto id = located(resources, call);
  if (!id) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  const std::string_view which = call.field("which");
  const std::string_view text = call.field("text");
  if (which == "statement") {
    return after(resources, call, *id,
                 resources.review.write_statement(*call.viewer, *id, version_field(call), text),
                 "#statement");
  }
  return after(resources, call, *id,
               resources.review.edit_case(*call.viewer, *id, version_field(call), text), "#case");
}

Response case_submit(const Resources& resources, const Call& call) {
  const auto id = located(resources, call);
  if (!id) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  return after(resources, call, *id,
               resources.review.submit_case(*call.viewer, *id, version_field(call)), "");
}

Response case_review(const Resources& resources, const Call& call) {
  const auto id = located(resources, call);
  if (!id) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  return after(resources, call, *id,
               resources.review.start_case_review(*call.viewer, *id, version_field(call)), "");
}

Response case_decide(const Resources& resources, const Call& call) {
  const auto id = located(resources, call);
  if (!id) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  const auto outcome = store::case_outcome_from(call.field("outcome"));
  if (!outcome) {
    const Error error = fail("review.bad-decision", "Choose an outcome.").value();
    return render(resources, call, *id, 422, typed(call, error));
  }
  review::Decision decision{*outcome, std::string(call.field("rationale")),
                            std::string(call.field("effective_date"))};
  return after(resources, call, *id,
               resources.review.decide_case(*call.viewer, *id, version_field(call), decision),
               "#decision");
}

Response case_publish(const Resources& resources, const Call& call) {
  const auto id = located(resources, call);
  if (!id) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  return after(resources, call, *id,
               resources.review.publish_case(*call.viewer, *id, version_field(call)), "#decision");
}

}  // namespace rung::web::handlers
