#include "rung/web/calibration/routes.hpp"

#include <array>

#include "rung/web/calibration/handlers.hpp"

namespace rung::web {

std::span<const Route> calibration_routes() {
  using enum Method;
  using enum Kind;
  constexpr Access in = Access::signed_in;
  constexpr Access adm = Access::admin;
  namespace h = handlers;
  static const std::array table{
      Route{get, "/cycles/{cycle}/sessions", "cycle.sessions", in, html, false, "",
            h::cycle_sessions},
      Route{post, "/cycles/{cycle}/sessions", "cycle.sessions.create", adm, html, false, "",
            h::cycle_sessions_create},
      Route{get, "/sessions", "sessions.mine", in, html, false, "", h::my_sessions},
      Route{get, "/sessions/{session}", "session", in, html, false, "", h::session_page},
      Route{post, "/sessions/{session}/votes", "session.vote", in, html, false, "",
            h::session_vote},
      Route{post, "/sessions/{session}/open", "session.open", in, html, false, "", h::session_open},
      Route{post, "/sessions/{session}/close", "session.close", in, html, false, "",
            h::session_close},
      Route{post, "/sessions/{session}/calibrations", "session.calibrate", in, html, false, "",
            h::session_calibrate},
      Route{get, "/sessions/{session}/edit", "session.edit.form", adm, html, false, "",
            h::session_edit_form},
      Route{post, "/sessions/{session}/edit", "session.edit", adm, html, false, "",
            h::session_edit},
      Route{get, "/sessions/{session}/delete", "session.delete.form", adm, html, false, "",
            h::session_delete_form},
      Route{post, "/sessions/{session}/delete", "session.delete", adm, html, false, "",
            h::session_delete},
      Route{get, "/api/v1/cycles/{cycle}/sessions", "api.cycle.sessions", in, json, false, "",
            h::api_cycle_sessions},
      Route{post, "/api/v1/cycles/{cycle}/sessions", "api.cycle.sessions.create", adm, json, false,
            "", h::api_create_session},
      Route{get, "/api/v1/sessions/{session}", "api.session", in, json, false, "", h::api_session},
      Route{post, "/api/v1/sessions/{session}/votes", "api.session.vote", in, json, false, "",
            h::api_session_vote},
      Route{post, "/api/v1/sessions/{session}/open", "api.session.open", in, json, false, "",
            h::api_session_open},
      Route{post, "/api/v1/sessions/{session}/close", "api.session.close", in, json, false, "",
            h::api_session_close},
      Route{post, "/api/v1/sessions/{session}/calibrations", "api.session.calibrate", in, json,
            false, "", h::api_session_calibrate},
      Route{patch, "/api/v1/sessions/{session}", "api.session.patch", adm, json, false, "",
            h::api_session_patch},
      Route{post, "/api/v1/sessions/{session}/delete", "api.session.delete", adm, json, false, "",
            h::api_session_delete},
  };
  return table;
}

}  // namespace rung::web
