#include <stdexcept>

#include "rung/auth/viewer.hpp"
#include "rung/html/views.hpp"
#include "rung/people/org.hpp"
#include "rung/web/http/router.hpp"
#include "rung/web/shell/people_snapshot.hpp"
#include "rung/web/shell/resources.hpp"

namespace rung::web {

Response html_response(int status, std::string body) {
  Response out;
  out.status = status;
  out.headers.add("Content-Type", "text/html; charset=utf-8");
  out.headers.add("Cache-Control", status == 200 ? "no-cache" : "no-store");
  out.body = std::move(body);
  return out;
}

Response json_response(int status, const Json& body) {
  Response out;
  out.status = status;
  out.headers.add("Content-Type", "application/json");
  out.headers.add("Cache-Control", status == 200 ? "no-cache" : "no-store");
  // Bytes that are not UTF-8 (a request's method or header echoed in a message) become U+FFFD
  // instead of making the dump throw.
  out.body = body.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  return out;
}

Response text_response(int status, std::string body, std::string_view content_type) {
  Response out;
  out.status = status;
  out.headers.add("Content-Type", std::string(content_type));
  out.headers.add("Cache-Control", "no-store");
  out.body = std::move(body);
  return out;
}

Response json_error(int status, std::string_view code, std::string_view message,
                    std::string_view hint) {
  Json error{{"code", code}, {"message", message}};
  if (!hint.empty()) {
    error["hint"] = hint;
  }
  return json_response(status, Json{{"error", std::move(error)}});
}

Response not_found_page(const Resources& resources, std::string_view path,
                        const auth::Viewer* viewer) {
  Json view = html::not_found_view(resources.ladder, path, resources.links);
  if (viewer != nullptr) {
    view["session"] = session_json(viewer_shape(resources, viewer));
  }
  return html_response(404, resources.pages.render("message", view));
}

Response message_page(const Resources& resources, int status, std::string_view heading,
                      std::string_view message) {
  const Json view = html::message_view(resources.ladder, status, heading, message, resources.links);
  return html_response(status, resources.pages.render("message", view));
}

ViewerShape ViewerShape::of(const auth::Viewer* viewer, const people::Org* org) {
  if (viewer == nullptr) {
    return {};
  }
  const bool reports =
      viewer->person && org != nullptr && !org->direct_reports(viewer->person->id).empty();
  return {.signed_in = true,
          .admin = viewer->admin(),
          .has_person = viewer->person.has_value(),
          .has_reports = reports,
          .level = viewer->person ? viewer->person->level : std::string()};
}

std::string ViewerShape::code() const {
  std::string out{signed_in ? 's' : '-', admin ? 'a' : '-', has_person ? 'p' : '-',
                  has_reports ? 'r' : '-'};
  if (!level.empty()) {
    out += ':' + level;
  }
  return out;
}

ViewerShape viewer_shape(const Resources& resources, const auth::Viewer* viewer) {
  if (viewer == nullptr || !viewer->person) {
    return ViewerShape::of(viewer, nullptr);
  }
  auto people = resources.people.get();
  if (!people) {
    throw std::runtime_error(people.error().message);
  }
  return ViewerShape::of(viewer, &(*people)->org);
}

Json session_json(ViewerShape shape) {
  return Json{{"signed_in", shape.signed_in},
              {"admin", shape.admin},
              {"sign_in", "/sign-in"},
              {"people", "/people"},
              {"account", "/account"},
              {"admin_home", "/admin/users"},
              {"me", shape.has_person ? Json("/me") : Json(nullptr)},
              {"assessments", shape.has_person ? Json("/me/assessments") : Json(nullptr)},
              {"team", shape.has_reports ? Json("/me/team") : Json(nullptr)},
              // Lint is for whoever maintains the ladder file: admins, the one role there is for
              // it (accounts are admin or not; no schema change for a separate role).
              {"lint", shape.admin},
              // Calibrators are mostly managers and admins; anyone signed in may open /sessions.
              {"sessions", shape.has_reports || shape.admin ? Json("/sessions") : Json(nullptr)}};
}

Response page(const Resources& resources, const Call& call, int status, std::string_view name,
              Json view) {
  return page(resources, call, status, name, std::move(view), {});
}

Response page(const Resources& resources, const Call& call, int status, std::string_view name,
              Json view, html::Fragments fragments) {
  view["session"] = session_json(viewer_shape(resources, call.viewer));
  return html_response(status, resources.pages.render(name, view, std::move(fragments)));
}

}  // namespace rung::web
