// The calibration API (docs/calibration.md, openapi.json): each handler reads its body through
// the shell's body.hpp, makes one call to review::Service, and answers the session as the
// viewer sees it, or the service's error with the status of its kind.
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "rung/review/service.hpp"
#include "rung/web/calibration/handlers.hpp"
#include "rung/web/calibration/views.hpp"
#include "rung/web/shell/body.hpp"
#include "rung/web/shell/http_errors.hpp"

namespace rung::web::handlers {

namespace {

store::Id api_session_id(const Call& call) {
  return parse_id(call.param("session")).value_or(0);
}

Response session_answer(const Resources& resources, const Call& call, store::Id id, int status) {
  auto view = resources.review.session(*call.viewer, id);
  if (!view) {
    return review_json_error(view.error());
  }
  return json_response(status, session_view_json(*view));
}

template <class T>
Response after_session_change(const Resources& resources, const Call& call,
                              const review::SaveResult<T>& done) {
  if (!done) {
    return review_json_error(done.error());
  }
  return session_answer(resources, call, api_session_id(call), 200);
}

}  // namespace

Response api_cycle_sessions(const Resources& resources, const Call& call) {
  const store::Id cycle = parse_id(call.param("cycle")).value_or(0);
  auto found = resources.review.sessions_in_cycle(*call.viewer, cycle);
  if (!found) {
    return review_json_error(found.error());
  }
  Json sessions = Json::array();
  for (const auto& s : *found) {
    auto view = resources.review.session(*call.viewer, s.id);
    if (!view) {
      return review_json_error(view.error());
    }
    sessions.push_back(session_json(view->session, view->facilitator, view->calibrators));
  }
  return json_response(200, Json{{"cycle", cycle}, {"sessions", std::move(sessions)}});
}

namespace {

constexpr std::string_view k_session_shape =
    R"({"name": "<text>", "scope": "subtree" | "track" | "levels", "scope_person": <person id> (subtree), "scope_track": "<track id>" (track), "scope_levels": ["<level id>", ...] (levels), "facilitator": "<login>", "calibrators": ["<login>", ...], "guideline": [{"level": "<level id>", "percent": <n>}, ...] (optional)})";

// Sets the fields of a session body that are present on `r`; false when one of them has the
// wrong type. The scope's own field is needed with a scope that names one.
bool apply_session_body(const Json& body, review::SessionRequest& r) {
  if (!absent(body, "name")) {
    const auto name = string_field(body, "name");
    if (!name) {
      return false;
    }
    r.name = *name;
  }
  if (!absent(body, "scope")) {
    const auto text = string_field(body, "scope");
    const auto scope = text ? store::scope_kind_from(*text) : std::nullopt;
    if (!scope) {
      return false;
    }
    r.scope = *scope;
    if (*scope == store::ScopeKind::subtree) {
      const auto person = integer_field(body, "scope_person");
      if (!person) {
        return false;
      }
      r.scope_person = *person;
    } else if (*scope == store::ScopeKind::track) {
      const auto track = string_field(body, "scope_track");
      if (!track) {
        return false;
      }
      r.scope_track = *track;
    } else {
      const auto levels = strings_field(body, "scope_levels");
      if (!levels) {
        return false;
      }
      r.scope_levels = *levels;
    }
  }
  if (!absent(body, "facilitator")) {
    const auto facilitator = string_field(body, "facilitator");
    if (!facilitator) {
      return false;
    }
    r.facilitator = *facilitator;
  }
  if (!absent(body, "calibrators")) {
    const auto calibrators = strings_field(body, "calibrators");
    if (!calibrators) {
      return false;
    }
    r.calibrators = *calibrators;
  }
  if (!absent(body, "guideline")) {
    const auto it = body.find("guideline");
    if (!it->is_array()) {
      return false;
    }
    r.guideline.clear();
    for (const auto& share : *it) {
      if (!share.is_object()) {
        return false;
      }
      const auto level = string_field(share, "level");
      const auto percent = integer_field(share, "percent");
      if (!level || !percent || *percent < -1000 || *percent > 1000) {
        return false;
      }
      r.guideline.push_back({*level, static_cast<int>(*percent)});
    }
  }
  return true;
}

}  // namespace

Response api_create_session(const Resources& resources, const Call& call) {
  const auto& body = *call.json;
  review::SessionRequest request;
  request.cycle = parse_id(call.param("cycle")).value_or(0);
  if (absent(body, "name") || absent(body, "scope") || absent(body, "facilitator") ||
      absent(body, "calibrators") || !apply_session_body(body, request)) {
    return bad_body(k_session_shape);
  }
  auto made = resources.review.create_session(*call.viewer, request);
  if (!made) {
    return review_json_error(made.error());
  }
  return session_answer(resources, call, made->id, 201);
}

Response api_session_patch(const Resources& resources, const Call& call) {
  const auto& body = *call.json;
  const auto version = integer_field(body, "version");
  auto view = resources.review.session(*call.viewer, api_session_id(call));
  if (!view) {
    return review_json_error(view.error());
  }
  // The session as it is, then the fields the body names.
  const auto& s = view->session;
  review::SessionRequest request{
      s.cycle,       s.name,         s.scope,           s.scope_person,
      s.scope_track, s.scope_levels, view->facilitator, view->calibrators,
      s.guideline};
  if (!version || !apply_session_body(body, request)) {
    return bad_body(
        fmt::format("the fields to change, as when creating a session, and \"version\": <n>: {}",
                    k_session_shape));
  }
  return after_session_change(
      resources, call,
      resources.review.edit_session(*call.viewer, api_session_id(call), *version, request));
}

Response api_session_delete(const Resources& resources, const Call& call) {
  const auto version = integer_field(*call.json, "version");
  if (!version) {
    return bad_body(R"({"version": <n>})");
  }
  auto done = resources.review.delete_session(*call.viewer, api_session_id(call), *version);
  if (!done) {
    return review_json_error(done.error());
  }
  return json_response(200, Json{{"deleted", api_session_id(call)}, {"pre_votes_deleted", *done}});
}

Response api_session(const Resources& resources, const Call& call) {
  return session_answer(resources, call, api_session_id(call), 200);
}

Response api_session_vote(const Resources& resources, const Call& call) {
  const auto& body = *call.json;
  const auto subject_text = string_field(body, "subject");
  const auto subject = subject_text ? store::vote_subject_from(*subject_text) : std::nullopt;
  const auto subject_id = integer_field(body, "subject_id");
  const auto vote_text = string_field(body, "vote");
  const auto vote = vote_text ? store::vote_choice_from(*vote_text) : std::nullopt;
  const auto note =
      absent(body, "note") ? std::optional<std::string>("") : string_field(body, "note");
  const auto version =
      absent(body, "version") ? std::optional<std::int64_t>(0) : integer_field(body, "version");
  if (!subject || !subject_id || !vote || !note || !version) {
    return bad_body(
        R"({"subject": "outcome" | "case", "subject_id": <person or case id>, "vote": "agree" | "disagree" | "question", "note": "<text>" (optional), "version": <n> (0 or absent for a first vote)})");
  }
  return after_session_change(
      resources, call,
      resources.review.vote(*call.viewer, api_session_id(call),
                            review::VoteRequest{*subject, *subject_id, *vote, *note, *version}));
}

Response api_session_open(const Resources& resources, const Call& call) {
  const auto version = integer_field(*call.json, "version");
  if (!version) {
    return bad_body(R"({"version": <n>})");
  }
  return after_session_change(
      resources, call,
      resources.review.open_discussion(*call.viewer, api_session_id(call), *version));
}

Response api_session_close(const Resources& resources, const Call& call) {
  const auto version = integer_field(*call.json, "version");
  if (!version) {
    return bad_body(R"({"version": <n>})");
  }
  return after_session_change(
      resources, call,
      resources.review.close_session(*call.viewer, api_session_id(call), *version));
}

Response api_session_calibrate(const Resources& resources, const Call& call) {
  const auto& body = *call.json;
  const auto person = integer_field(body, "person");
  const auto statement =
      absent(body, "statement") ? std::optional<std::string>("") : string_field(body, "statement");
  const auto after = string_field(body, "after");
  const auto reason = string_field(body, "reason");
  if (!person || !statement || !after || !reason) {
    return bad_body(
        R"({"person": <person id>, "statement": "<statement id>" (absent for the outcome), "after": "<scale point id>" | "below" | "meets" | "ready", "reason": "<text>"})");
  }
  auto done =
      resources.review.calibrate(*call.viewer, api_session_id(call),
                                 review::CalibrateRequest{*person, *statement, *after, *reason});
  if (!done) {
    return review_json_error(done.error());
  }
  return session_answer(resources, call, api_session_id(call), 201);
}

}  // namespace rung::web::handlers
