// The calibration pages (docs/calibration.md): a cycle's sessions with the admin's create form,
// the viewer's own sessions, and the session page with its forms (pre-vote, open the
// discussion, calibrate, close). Every change goes through review::Service and answers 303
// back to the session page; a refused one re-renders the page with the service's message, the
// status its kind gives, and what was typed.
#include <algorithm>
#include <charconv>
#include <string>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/review/service.hpp"
#include "rung/web/calibration/handlers.hpp"
#include "rung/web/calibration/views.hpp"
#include "rung/web/shell/body.hpp"
#include "rung/web/shell/error_status.hpp"
#include "rung/web/shell/gate.hpp"
#include "rung/web/shell/people_snapshot.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

// The status of a service error on a page; a store failure is a 500 (an exception).
int calibration_status(const Error& error) {
  const int status = http_status(error);
  if (status == 500) {
    throw std::runtime_error(error.message);
  }
  return status;
}

store::Id session_id(const Call& call) {
  return parse_id(call.param("session")).value_or(0);
}

Json calibration_page_view(const Resources& resources, std::string title) {
  return page_view(resources, std::move(title), "sessions");
}

// What the admin typed into the create form, kept after a refusal.
Json typed_session(const Call& call) {
  return Json{{"name", call.field("name")},
              {"facilitator", call.field("facilitator")},
              {"calibrators", call.field("calibrators")}};
}

Response sessions_page(const Resources& resources, const Call& call, store::Id cycle_id, int status,
                       std::string error) {
  auto sessions = resources.review.sessions_in_cycle(*call.viewer, cycle_id);
  if (!sessions) {
    return not_found_page(resources, call.target.path);
  }
  const auto cycles = unwrap(resources.review.cycles());
  const auto cycle = std::find_if(cycles.begin(), cycles.end(),
                                  [&](const store::ReviewCycle& c) { return c.id == cycle_id; });
  Json view =
      calibration_page_view(resources, fmt::format("Calibration sessions of {}", cycle->name));
  view["cycle"] = Json{{"name", cycle->name},
                       {"open", cycle->status == store::CycleStatus::open},
                       {"create_url", fmt::format("/cycles/{}/sessions", cycle->id)}};
  view["sessions"] = session_list_json(resources, *sessions);
  view["error"] = std::move(error);
  view["admin"] = call.viewer->admin();
  if (call.viewer->admin()) {
    view["csrf"] = call.viewer->session.csrf_token;
    view["typed"] = status == 200 ? Json{{"name", ""}, {"facilitator", ""}, {"calibrators", ""}}
                                  : typed_session(call);
    // The choices of the form: people with reports (a team's top), tracks, grades, levels.
    const auto snapshot = unwrap(resources.people.get());
    Json tops = Json::array();
    for (const auto& person : snapshot->org.people()) {
      if (person.status == store::PersonStatus::active &&
          !snapshot->org.direct_reports(person.id).empty()) {
        tops.push_back(Json{{"id", person.id}, {"name", person.name}});
      }
    }
    std::sort(tops.begin(), tops.end(),
              [](const Json& a, const Json& b) { return a["name"] < b["name"]; });
    Json tracks = Json::array();
    Json levels = Json::array();
    for (const auto& track : resources.ladder.tracks()) {
      tracks.push_back(Json{{"id", track.id}, {"name", track.name}});
      for (const auto& level : track.levels) {
        levels.push_back(Json{{"id", level.id},
                              {"title", level.title},
                              {"field", fmt::format("guideline_{}", level.id)},
                              {"value", call.field(fmt::format("guideline_{}", level.id))}});
      }
    }
    Json grades = Json::array();
    for (const auto& grade : resources.ladder.data().general.grades) {
      grades.push_back(grade);
    }
    view["choices"] = Json{{"tops", std::move(tops)},
                           {"tracks", std::move(tracks)},
                           {"levels", std::move(levels)},
                           {"grades", std::move(grades)}};
  }
  return page(resources, call, status, "sessions", std::move(view));
}

Response render_session(const Resources& resources, const Call& call, int status,
                        const SessionFormState& form) {
  auto view = resources.review.session(*call.viewer, session_id(call));
  if (!view) {
    if (http_status(view.error()) == 404) {
      return not_found_page(resources, call.target.path);
    }
    return message_page(resources, calibration_status(view.error()), "Calibration session",
                        view.error().message);
  }
  Json shown = session_page_view(resources, *call.viewer, *view, form);
  shown.update(calibration_page_view(resources, view->session.name));
  return page(resources, call, status, "session", std::move(shown));
}

template <class T>
const Error& calibration_error_of(const Result<T>& done) {
  return done.error();
}

template <class T>
const Error& calibration_error_of(const review::SaveResult<T>& done) {
  return done.error().error;
}

template <class T>
Response after_session_form(const Resources& resources, const Call& call, const T& done,
                            std::string anchor) {
  if (!done) {
    const Error& error = calibration_error_of(done);
    SessionFormState form;
    form.error = error.message;
    form.reason = std::string(call.field("reason"));
    form.note = std::string(call.field("note"));
    return render_session(resources, call, calibration_status(error), form);
  }
  return redirect(session_url(session_id(call)) + anchor);
}

std::int64_t session_version_field(const Call& call) {
  return parse_id(call.field("version")).value_or(0);
}

// The emails of a text field, split at commas, semicolons, spaces and line ends.
std::vector<std::string> logins_of(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (const char c : text) {
    if (c == ',' || c == ';' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      if (!current.empty()) {
        out.push_back(std::move(current));
        current.clear();
      }
    } else {
      current += c;
    }
  }
  if (!current.empty()) {
    out.push_back(std::move(current));
  }
  return out;
}

// The request the create form describes, or the message that says which field is wrong.
std::variant<review::SessionRequest, std::string> session_request(const Resources& resources,
                                                                  const Call& call,
                                                                  store::Id cycle) {
  review::SessionRequest r;
  r.cycle = cycle;
  r.name = std::string(call.field("name"));
  const auto scope = store::scope_kind_from(call.field("scope"));
  if (!scope) {
    return std::string("Choose who the session calibrates: a team, a track or a band of grades.");
  }
  r.scope = *scope;
  if (r.scope == store::ScopeKind::subtree) {
    r.scope_person = parse_id(call.field("scope_person"));
  } else if (r.scope == store::ScopeKind::track) {
    r.scope_track = std::string(call.field("scope_track"));
  } else {
    const auto& ladder = resources.ladder;
    const auto from = ladder.grade_index(call.field("grade_from"));
    const auto to = ladder.grade_index(call.field("grade_to"));
    if (!from || !to || *from > *to) {
      return std::string("Choose a band of grades, the lower one first.");
    }
    for (const auto& id : ladder.level_ids()) {
      const auto at = ladder.grade_index(ladder.find_level(id)->grade);
      if (at && *at >= *from && *at <= *to) {
        r.scope_levels.push_back(id);
      }
    }
  }
  r.facilitator = std::string(call.field("facilitator"));
  r.calibrators = logins_of(call.field("calibrators"));
  for (const auto& id : resources.ladder.level_ids()) {
    const std::string_view value = trim(call.field(fmt::format("guideline_{}", id)));
    if (value.empty()) {
      continue;
    }
    int percent = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), percent);
    if (ec != std::errc() || end != value.data() + value.size()) {
      return fmt::format("The guideline's share for {} is not a whole number: '{}'.", id, value);
    }
    r.guideline.push_back({id, percent});
  }
  return r;
}

}  // namespace

Response cycle_sessions(const Resources& resources, const Call& call) {
  return sessions_page(resources, call, parse_id(call.param("cycle")).value_or(0), 200, "");
}

Response cycle_sessions_create(const Resources& resources, const Call& call) {
  const store::Id cycle = parse_id(call.param("cycle")).value_or(0);
  auto request = session_request(resources, call, cycle);
  if (auto* message = std::get_if<std::string>(&request)) {
    return sessions_page(resources, call, cycle, 422, *message);
  }
  auto made =
      resources.review.create_session(*call.viewer, std::get<review::SessionRequest>(request));
  if (!made) {
    const int status = calibration_status(made.error());
    if (status == 404 && made.error().message.find("cycle") != std::string::npos) {
      return not_found_page(resources, call.target.path);
    }
    return sessions_page(resources, call, cycle, status, made.error().message);
  }
  return redirect(session_url(made->id));
}

Response my_sessions(const Resources& resources, const Call& call) {
  const auto sessions = unwrap(resources.review.my_sessions(*call.viewer));
  Json view = calibration_page_view(resources, "Your calibration sessions");
  view["sessions"] = session_list_json(resources, sessions);
  view["admin"] = call.viewer->admin();
  view["mine"] = true;
  return page(resources, call, 200, "sessions", std::move(view));
}

Response session_page(const Resources& resources, const Call& call) {
  return render_session(resources, call, 200, SessionFormState{});
}

Response session_vote(const Resources& resources, const Call& call) {
  const auto subject = store::vote_subject_from(call.field("subject"));
  const auto subject_id = parse_id(call.field("subject_id"));
  const auto choice = store::vote_choice_from(call.field("vote"));
  if (!subject || !subject_id || !choice) {
    SessionFormState form;
    form.error = "Choose agree, disagree or a question.";
    return render_session(resources, call, 422, form);
  }
  const auto version = call.field("version").empty() || call.field("version") == "0"
                           ? std::optional<std::int64_t>(0)
                           : parse_id(call.field("version"));
  review::VoteRequest request{*subject, *subject_id, *choice, std::string(call.field("note")),
                              version.value_or(-1)};
  const std::string anchor = fmt::format(
      "#person-{}", call.field("person").empty() ? std::string_view("0") : call.field("person"));
  return after_session_form(resources, call,
                            resources.review.vote(*call.viewer, session_id(call), request), anchor);
}

Response session_open(const Resources& resources, const Call& call) {
  return after_session_form(
      resources, call,
      resources.review.open_discussion(*call.viewer, session_id(call), session_version_field(call)),
      "");
}

Response session_close(const Resources& resources, const Call& call) {
  return after_session_form(
      resources, call,
      resources.review.close_session(*call.viewer, session_id(call), session_version_field(call)),
      "");
}

Response session_calibrate(const Resources& resources, const Call& call) {
  const auto person = parse_id(call.field("person"));
  std::string statement(call.field("statement"));
  std::string after_value(call.field("scale"));
  if (statement == "outcome") {
    statement.clear();
    after_value = std::string(call.field("outcome"));
  }
  review::CalibrateRequest request{person.value_or(0), statement, after_value,
                                   std::string(call.field("reason"))};
  return after_session_form(resources, call,
                            resources.review.calibrate(*call.viewer, session_id(call), request),
                            fmt::format("#person-{}", person.value_or(0)));
}

}  // namespace rung::web::handlers
