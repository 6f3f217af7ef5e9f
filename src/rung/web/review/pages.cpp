// The assessments hub of a person (start or resume a draft) and the side-by-side page.
#include <algorithm>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/review/service.hpp"
#include "rung/web/http/url.hpp"
#include "rung/web/review/handlers.hpp"
#include "rung/web/review/page_support.hpp"
#include "rung/web/review/views.hpp"
#include "rung/web/shell/error_status.hpp"
#include "rung/web/shell/gate.hpp"
#include "rung/web/shell/http_errors.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

using review_pages::person_head;
using review_pages::person_of;

// What the start form shows selected: by default the role the viewer may write in, the
// person's own level (or the one the address asks for) and the open cycle of their track.
struct StartChoice {
  std::string role;
  std::string level;
  std::string cycle;
};

// Only the roles the viewer may write in (review::Service::authoring_roles).
Json role_options(const std::vector<store::AuthorRole>& roles, std::string_view selected,
                  const std::string& name) {
  Json out = Json::array();
  for (const store::AuthorRole role : roles) {
    const bool self = role == store::AuthorRole::self;
    out.push_back(Json{{"value", self ? "self" : "manager"},
                       {"label", self ? std::string("Self-assessment: you rate yourself")
                                      : fmt::format("Manager assessment: you rate {}", name)},
                       {"selected", selected == (self ? "self" : "manager")}});
  }
  return out;
}

bool covers(const store::ReviewCycle& cycle, const std::string& track) {
  return cycle.tracks.empty() ||
         std::find(cycle.tracks.begin(), cycle.tracks.end(), track) != cycle.tracks.end();
}

// The newest open cycle that covers the level's track: what starting defaults to.
std::string default_cycle(const Resources& resources, const std::vector<store::ReviewCycle>& cycles,
                          std::string_view level) {
  const model::Track* track = resources.ladder.track_of(level);
  for (auto it = cycles.rbegin(); it != cycles.rend(); ++it) {
    if (it->status == store::CycleStatus::open && (track == nullptr || covers(*it, track->id))) {
      return std::to_string(it->id);
    }
  }
  return "";
}

Json cycle_options(const std::vector<store::ReviewCycle>& cycles, std::string_view selected) {
  Json out = Json::array();
  for (const store::ReviewCycle& cycle : cycles) {
    if (cycle.status == store::CycleStatus::open) {
      const std::string id = std::to_string(cycle.id);
      out.push_back(
          Json{{"id", id},
               {"name", fmt::format("{} ({} to {})", cycle.name, cycle.starts, cycle.ends)},
               {"selected", id == selected}});
    }
  }
  return out;
}

Json plan_rows(const Resources& resources, const Call& call, const store::Person& person) {
  Json out = Json::array();
  for (const store::GrowthPlanRecord& plan :
       unwrap(resources.review.plans(*call.viewer, person.id))) {
    const model::Level* level = resources.ladder.find_level(plan.target_level);
    out.push_back(Json{{"url", fmt::format("/people/{}/plans/{}", person.id, plan.id)},
                       {"target", level ? level->title : plan.target_level}});
  }
  return out;
}

Json assessment_rows(const Resources& resources, const Call& call, const store::Person& person,
                     const std::vector<store::ReviewCycle>& cycles) {
  Json out = Json::array();
  for (const store::Assessment& a : unwrap(resources.review.assessments(*call.viewer, person.id))) {
    out.push_back(assessment_row(resources.ladder, a, cycles));
  }
  return out;
}

Response render_hub(const Resources& resources, const Call& call, int status,
                    const store::Person& person, const StartChoice& choice, std::string error) {
  const auto cycles = unwrap(resources.review.cycles());
  Json view;
  view["page"] =
      review_pages::page_json(fmt::format("Assessments of {}", person.name), call, false);
  view["person"] = person_head(person);
  const bool is_self = call.viewer->person && call.viewer->person->id == person.id;
  view["is_self"] = is_self;
  view["assessments"] = assessment_rows(resources, call, person, cycles);
  view["plans"] = plan_rows(resources, call, person);
  const auto roles = unwrap(resources.review.authoring_roles(*call.viewer, person.id));
  view["may_start"] = !roles.empty();
  view["one_role"] = roles.size() == 1;
  view["roles"] = role_options(roles, choice.role, person.name);
  // The person's track (and the level asked for); every track when the directory names a
  // level the ladder does not have, so the form never offers an empty list.
  Json levels = level_options_of(resources.ladder, {person.level, choice.level}, choice.level);
  view["levels"] = levels.empty() ? level_options(resources.ladder, choice.level) : levels;
  view["cycles"] = cycle_options(cycles, choice.cycle);
  view["no_cycle"] = choice.cycle.empty();
  view["csrf"] = call.viewer->session.csrf_token;
  view["error"] = std::move(error);
  html::Fragments fragments;
  std::string progress = progress_svg(resources, *call.viewer, person.id);
  view["has_progress"] = !progress.empty();
  if (!progress.empty()) {
    fragments.emplace("progress", std::move(progress));
  }
  return review_pages::review_page(resources, call, status, "assessments", std::move(view),
                                   std::move(fragments));
}

StartChoice default_choice(const Resources& resources, const Call& call,
                           const store::Person& person) {
  const bool self = call.viewer->person && call.viewer->person->id == person.id;
  const auto asked = query_value(call.target.query, "level");
  const std::string level =
      asked && resources.ladder.find_level(*asked) != nullptr ? std::string(*asked) : person.level;
  return {self ? "self" : "manager", level,
          default_cycle(resources, unwrap(resources.review.cycles()), level)};
}

}  // namespace

Response assessments(const Resources& resources, const Call& call) {
  const auto person = person_of(resources, call);
  if (!person) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  return render_hub(resources, call, 200, *person, default_choice(resources, call, *person), "");
}

Response assessments_start(const Resources& resources, const Call& call) {
  const auto person = person_of(resources, call);
  if (!person) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  const StartChoice choice{std::string(call.field("role")), std::string(call.field("level")),
                           std::string(call.field("cycle"))};
  review::StartRequest request{person->id, store::AuthorRole::self, choice.level, std::nullopt};
  if (choice.role == "manager") {
    request.role = store::AuthorRole::manager;
  } else if (choice.role != "self") {
    return render_hub(resources, call, 422, *person, choice, "Choose who writes the assessment.");
  }
  if (!choice.cycle.empty()) {
    request.cycle = review_pages::int_field(call, "cycle");
    if (!request.cycle) {
      return render_hub(resources, call, 422, *person, choice, "Choose an open cycle or none.");
    }
  }
  const auto started = resources.review.start(*call.viewer, request);
  if (!started) {
    const int status = http_status(started.error());
    if (status == 500) {
      throw std::runtime_error(started.error().message);
    }
    return render_hub(resources, call, status, *person, choice, started.error().message);
  }
  return redirect(assessment_url(person->id, started->assessment.id));
}

Response my_assessments(const Resources& resources, const Call& call) {
  if (!call.viewer->person) {
    return message_page(resources, 200, "No assessments of yours",
                        "Your account is not linked to anyone in the people directory, so "
                        "nobody can assess you yet. An admin links an account to a person "
                        "through the person's email address.");
  }
  const auto level = query_value(call.target.query, "level");
  std::string to = "/people/" + std::to_string(call.viewer->person->id) + "/assessments";
  if (level) {
    to += "?level=" + percent_encode(*level) + "#start";
  }
  return redirect(to);
}

namespace {

Response render_side(const Resources& resources, const Call& call, int status,
                     const store::Person& person, const std::string& level, std::string error) {
  const auto side = resources.review.side_by_side(*call.viewer, person.id, level);
  if (!side) {
    return review_pages::error_page(resources, side.error());
  }
  Json view = side_by_side_view(resources.ladder, *side);
  view["page"] = review_pages::page_json(fmt::format("Side by side: {}", person.name), call, false);
  view["person"] = person_head(person);
  view["levels"] = level_options(resources.ladder, side->level_id);
  // With neither side to show, the rows would all read "unrated": show the next step instead.
  view["empty"] = !side->self && !side->manager;
  view["start_url"] = start_url(person.id, side->level_id);
  view["may_start"] = !unwrap(resources.review.authoring_roles(*call.viewer, person.id)).empty();
  view["is_self"] = call.viewer->person && call.viewer->person->id == person.id;
  view["error"] = std::move(error);
  view["agree"] = nullptr;
  if (side->may_agree) {
    view["agree"] = Json{{"url", fmt::format("/people/{}/side-by-side/agree", person.id)},
                         {"csrf", call.viewer->session.csrf_token},
                         {"self", side->self->id},
                         {"manager", side->manager->id},
                         {"level", side->level_id}};
  }
  return review_pages::review_page(resources, call, status, "side_by_side", std::move(view));
}

}  // namespace

Response side_by_side(const Resources& resources, const Call& call) {
  const auto person = person_of(resources, call);
  if (!person) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  const std::string level(query_value(call.target.query, "level").value_or(""));
  return render_side(resources, call, 200, *person, level, "");
}

Response side_by_side_agree(const Resources& resources, const Call& call) {
  const auto person = person_of(resources, call);
  if (!person) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  const std::string level(call.field("level"));
  const auto self = review_pages::int_field(call, "self");
  const auto manager = review_pages::int_field(call, "manager");
  if (!self || !manager) {
    return render_side(resources, call, 422, *person, level,
                       "The page was out of date: record the agreement again.");
  }
  const review::AgreementRequest request{*self, *manager, std::string(call.field("statement")),
                                         std::string(call.field("scale")),
                                         std::string(call.field("note"))};
  const auto agreed = resources.review.agree(*call.viewer, request);
  if (!agreed) {
    const int status = http_status(agreed.error());
    if (status == 500) {
      throw std::runtime_error(agreed.error().message);
    }
    return render_side(resources, call, status, *person, level, agreed.error().message);
  }
  return redirect(fmt::format("/people/{}/side-by-side?level={}#t-{}", person->id,
                              percent_encode(level), request.statement));
}

}  // namespace rung::web::handlers
