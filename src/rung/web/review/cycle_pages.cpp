// The review cycles admin page: every cycle with its status, the form to open one (name, dates,
// tracks) and a close button per open cycle. Changes go through review::Service and answer 303
// back to the page; an error re-renders it with the service's message, the status
// review_status gives, and what the admin typed.
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/render/dates.hpp"
#include "rung/review/service.hpp"
#include "rung/web/review/growth_views.hpp"
#include "rung/web/review/handlers.hpp"
#include "rung/web/review/paths.hpp"
#include "rung/web/shell/gate.hpp"
#include "rung/web/shell/http_errors.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

std::string tracks_text(const model::Ladder& ladder, const std::vector<std::string>& tracks) {
  if (tracks.empty()) {
    return "All tracks";
  }
  std::vector<std::string> names;
  for (const std::string& id : tracks) {
    const model::Track* track = ladder.find_track(id);
    names.push_back(track != nullptr ? track->name : id);
  }
  return join(names, ", ");
}

// Who has started and submitted in the cycle, a row per team (review::Service::cycle_teams).
Json team_counts(const Resources& resources, const Call& call, store::Id cycle) {
  Json rows = Json::array();
  for (const review::CycleTeam& team : unwrap(resources.review.cycle_teams(*call.viewer, cycle))) {
    rows.push_back(Json{{"team", team.manager ? fmt::format("Reports of {}", team.manager_name)
                                              : std::string("People without a manager")},
                        {"people", team.people},
                        {"self_started", team.self_started},
                        {"self_submitted", team.self_submitted},
                        {"manager_started", team.manager_started},
                        {"manager_submitted", team.manager_submitted}});
  }
  return rows;
}

Json cycle_rows(const Resources& resources, const Call& call) {
  Json rows = Json::array();
  for (const store::ReviewCycle& cycle : unwrap(resources.review.cycles())) {
    rows.push_back(Json{{"id", cycle.id},
                        {"name", cycle.name},
                        {"starts", render::date_text(std::string_view(cycle.starts))},
                        {"ends", render::date_text(std::string_view(cycle.ends))},
                        {"tracks", tracks_text(resources.ladder, cycle.tracks)},
                        {"open", cycle.status == store::CycleStatus::open},
                        {"status", std::string(store::to_string(cycle.status))},
                        {"close_url", fmt::format("/admin/cycles/{}/close", cycle.id)},
                        {"raters_url", fmt::format("/admin/cycles/{}/raters", cycle.id)},
                        {"teams", team_counts(resources, call, cycle.id)}});
  }
  return rows;
}

Json track_choices(const model::Ladder& ladder, const std::vector<std::string>& checked) {
  Json out = Json::array();
  for (const model::Track& track : ladder.tracks()) {
    const bool on = std::find(checked.begin(), checked.end(), track.id) != checked.end();
    out.push_back(Json{{"id", track.id}, {"name", track.name}, {"checked", on}});
  }
  return out;
}

Response cycles_page(const Resources& resources, const Call& call, int status,
                     const store::ReviewCycle& typed, std::string_view error) {
  Json view = admin_view(resources, call, "Review cycles", "cycles");
  view["cycles"] = cycle_rows(resources, call);
  view["form"] = Json{{"name", typed.name},
                      {"starts", typed.starts},
                      {"ends", typed.ends},
                      {"tracks", track_choices(resources.ladder, typed.tracks)}};
  view["error"] = std::string(error);
  return page(resources, call, status, "cycles", std::move(view));
}

// The cycle the form describes: every "track" checkbox that is ticked.
store::ReviewCycle typed_cycle(const Call& call) {
  store::ReviewCycle cycle{0,
                           std::string(trim(call.field("name"))),
                           std::string(trim(call.field("starts"))),
                           std::string(trim(call.field("ends"))),
                           {},
                           store::CycleStatus::open};
  const std::vector<FormField> none;
  for (const FormField& field : call.form != nullptr ? call.form->fields() : none) {
    if (field.name == "track" && !field.filename) {
      cycle.tracks.push_back(field.value);
    }
  }
  return cycle;
}

}  // namespace

Response admin_cycles(const Resources& resources, const Call& call) {
  return cycles_page(resources, call, 200, {}, "");
}

Response admin_cycles_open(const Resources& resources, const Call& call) {
  const store::ReviewCycle typed = typed_cycle(call);
  auto opened = resources.review.open_cycle(*call.viewer, typed);
  if (!opened) {
    return cycles_page(resources, call, review_page_status(opened.error()), typed,
                       opened.error().message);
  }
  return redirect("/admin/cycles");
}

Response admin_cycles_close(const Resources& resources, const Call& call) {
  const auto id = parse_id(call.param("cycle"));
  if (!id) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  auto closed = resources.review.close_cycle(*call.viewer, *id);
  if (!closed) {
    return cycles_page(resources, call, review_page_status(closed.error()), {},
                       closed.error().message);
  }
  return redirect("/admin/cycles");
}

}  // namespace rung::web::handlers
