// The calibration pages (docs/calibration.md): a cycle's sessions with the admin's create form,
// the viewer's own sessions, and the session page with its forms (pre-vote, open the
// discussion, calibrate, close). Every change goes through review::Service and answers 303
// back to the session page; a refused one re-renders the page with the service's message, the
// status its kind gives, and what was typed.
#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
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

// The values of the session form (name, scope, facilitator, calibrators, guideline): blank on
// the create form, the session's own on the edit page, and what was typed after a refusal.
struct SessionFormValues {
  std::string name;
  std::string scope = "subtree";
  std::optional<store::Id> scope_person;
  std::string scope_track;
  std::string grade_from;
  std::string grade_to;
  std::string facilitator;
  std::string calibrators;                       // one login a line
  std::map<std::string, std::string> guideline;  // level id -> percent, as shown
};

SessionFormValues typed_session_values(const Resources& resources, const Call& call) {
  SessionFormValues v;
  v.name = std::string(call.field("name"));
  v.scope = std::string(call.field("scope"));
  v.scope_person = parse_id(call.field("scope_person"));
  v.scope_track = std::string(call.field("scope_track"));
  v.grade_from = std::string(call.field("grade_from"));
  v.grade_to = std::string(call.field("grade_to"));
  v.facilitator = std::string(call.field("facilitator"));
  v.calibrators = std::string(call.field("calibrators"));
  for (const auto& id : resources.ladder.level_ids()) {
    v.guideline[id] = std::string(call.field(fmt::format("guideline_{}", id)));
  }
  return v;
}

SessionFormValues current_session_values(const Resources& resources,
                                         const review::SessionView& view) {
  const auto& s = view.session;
  const auto& ladder = resources.ladder;
  SessionFormValues v;
  v.name = s.name;
  v.scope = std::string(store::to_string(s.scope));
  v.scope_person = s.scope_person;
  v.scope_track = s.scope_track;
  // The band of grades the session's levels span.
  std::optional<std::size_t> low;
  std::optional<std::size_t> high;
  for (const auto& id : s.scope_levels) {
    const auto* level = ladder.find_level(id);
    const auto at = level != nullptr ? ladder.grade_index(level->grade) : std::nullopt;
    if (at) {
      low = low ? std::min(*low, *at) : *at;
      high = high ? std::max(*high, *at) : *at;
    }
  }
  const auto& grades = ladder.data().general.grades;
  if (low && *low < grades.size() && high && *high < grades.size()) {
    v.grade_from = grades[*low];
    v.grade_to = grades[*high];
  }
  v.facilitator = view.facilitator;
  for (const auto& login : view.calibrators) {
    v.calibrators += login + "\n";
  }
  for (const auto& share : s.guideline) {
    v.guideline[share.level] = fmt::format("{}", share.percent);
  }
  return v;
}

// The form's view: the values, and the choices (people with reports as a team's top, tracks,
// grades, levels) with the chosen ones marked.
Json session_form_json(const Resources& resources, const SessionFormValues& v) {
  const auto snapshot = unwrap(resources.people.get());
  Json tops = Json::array();
  for (const auto& person : snapshot->org.people()) {
    if (person.status == store::PersonStatus::active &&
        !snapshot->org.direct_reports(person.id).empty()) {
      tops.push_back(Json{
          {"id", person.id}, {"name", person.name}, {"selected", v.scope_person == person.id}});
    }
  }
  std::sort(tops.begin(), tops.end(),
            [](const Json& a, const Json& b) { return a["name"] < b["name"]; });
  Json tracks = Json::array();
  Json levels = Json::array();
  bool has_guideline = false;
  for (const auto& track : resources.ladder.tracks()) {
    tracks.push_back(
        Json{{"id", track.id}, {"name", track.name}, {"selected", track.id == v.scope_track}});
    for (const auto& level : track.levels) {
      const auto it = v.guideline.find(level.id);
      const std::string value = it == v.guideline.end() ? std::string() : it->second;
      has_guideline = has_guideline || !value.empty();
      levels.push_back(Json{{"id", level.id},
                            {"title", level.title},
                            {"field", fmt::format("guideline_{}", level.id)},
                            {"value", value}});
    }
  }
  Json from = Json::array();
  Json to = Json::array();
  const auto& grades = resources.ladder.data().general.grades;
  for (std::size_t i = 0; i < grades.size(); ++i) {
    const auto& grade = grades[i];
    from.push_back(Json{{"grade", grade}, {"selected", grade == v.grade_from}});
    // The band's top defaults to the last grade, so that a new band spans the ladder.
    const bool top = v.grade_to.empty() ? i + 1 == grades.size() : grade == v.grade_to;
    to.push_back(Json{{"grade", grade}, {"selected", top}});
  }
  return Json{{"name", v.name},
              {"subtree", v.scope != "track" && v.scope != "levels"},
              {"track", v.scope == "track"},
              {"levels_scope", v.scope == "levels"},
              {"facilitator", v.facilitator},
              {"calibrators", v.calibrators},
              {"has_guideline", has_guideline},
              {"tops", std::move(tops)},
              {"tracks", std::move(tracks)},
              {"levels", std::move(levels)},
              {"grades_from", std::move(from)},
              {"grades_to", std::move(to)}};
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
    view["form"] = session_form_json(
        resources, status == 200 ? SessionFormValues{} : typed_session_values(resources, call));
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

// "its 3 pre-votes", "its 1 pre-vote", "its pre-votes (none cast yet)".
std::string session_votes_words(std::size_t cast) {
  if (cast == 0) {
    return "its pre-votes (none cast yet)";
  }
  return cast == 1 ? std::string("its 1 pre-vote") : fmt::format("its {} pre-votes", cast);
}

// The edit page of a prepared session (admins), or its delete confirmation. `typed` keeps what
// was typed after a refusal.
Response session_edit_page(const Resources& resources, const Call& call, int status,
                           std::string error, bool confirm_delete,
                           const std::optional<SessionFormValues>& typed) {
  auto view = resources.review.session(*call.viewer, session_id(call));
  if (!view) {
    if (http_status(view.error()) == 404) {
      return not_found_page(resources, call.target.path);
    }
    return message_page(resources, calibration_status(view.error()), "Calibration session",
                        view.error().message);
  }
  if (!view->actions.edit) {
    return message_page(
        resources, status == 200 ? 409 : status, "This session can no longer be changed",
        error.empty() ? fmt::format("The discussion of '{}' has opened: the session and its "
                                    "decisions are records now, and it can be neither changed "
                                    "nor deleted.",
                                    view->session.name)
                      : error);
  }
  const auto& s = view->session;
  Json shown = calibration_page_view(
      resources, fmt::format("{} {}", confirm_delete ? "Delete" : "Change", s.name));
  shown["meeting"] = Json{{"name", s.name},
                          {"version", s.version},
                          {"url", session_url(s.id)},
                          {"edit_url", fmt::format("{}/edit", session_url(s.id))},
                          {"delete_url", fmt::format("{}/delete", session_url(s.id))}};
  shown["csrf"] = call.viewer->session.csrf_token;
  shown["error"] = std::move(error);
  shown["confirm_delete"] = confirm_delete;
  shown["votes_words"] = session_votes_words(view->votes_cast);
  shown["form"] =
      session_form_json(resources, typed ? *typed : current_session_values(resources, *view));
  return page(resources, call, status, "session_edit", std::move(shown));
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

Response session_edit_form(const Resources& resources, const Call& call) {
  return session_edit_page(resources, call, 200, "", false, std::nullopt);
}

Response session_edit(const Resources& resources, const Call& call) {
  auto found = resources.review.session(*call.viewer, session_id(call));
  if (!found) {
    return session_edit_page(resources, call, 200, "", false, std::nullopt);
  }
  auto request = session_request(resources, call, found->session.cycle);
  if (auto* message = std::get_if<std::string>(&request)) {
    return session_edit_page(resources, call, 422, *message, false,
                             typed_session_values(resources, call));
  }
  auto done =
      resources.review.edit_session(*call.viewer, session_id(call), session_version_field(call),
                                    std::get<review::SessionRequest>(request));
  if (!done) {
    return session_edit_page(resources, call, calibration_status(done.error().error),
                             done.error().error.message, false,
                             typed_session_values(resources, call));
  }
  return redirect(session_url(done->id));
}

Response session_delete_form(const Resources& resources, const Call& call) {
  return session_edit_page(resources, call, 200, "", true, std::nullopt);
}

Response session_delete(const Resources& resources, const Call& call) {
  auto found = resources.review.session(*call.viewer, session_id(call));
  if (!found) {
    return session_edit_page(resources, call, 200, "", true, std::nullopt);
  }
  auto done =
      resources.review.delete_session(*call.viewer, session_id(call), session_version_field(call));
  if (!done) {
    return session_edit_page(resources, call, calibration_status(done.error().error),
                             done.error().error.message, true, std::nullopt);
  }
  return redirect(fmt::format("/cycles/{}/sessions", found->session.cycle));
}

}  // namespace rung::web::handlers
