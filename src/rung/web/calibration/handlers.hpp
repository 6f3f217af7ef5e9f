#pragma once

#include "rung/web/http/router.hpp"
#include "rung/web/shell/resources.hpp"

// The handlers of web/calibration/ (calibration sessions, docs/calibration.md: a cycle's
// sessions and the admin's create form, the viewer's own sessions, the session page and its
// forms, and the API). Private to this folder: only its own files include this header; the
// rest of web/ reaches them through calibration_routes() (routes.hpp).
namespace rung::web::handlers {

// Pages (pages.cpp). Forms answer 303 back to the session page (anchored at the person), or
// re-render it with the service's error, its status and what was typed.
Response cycle_sessions(const Resources& resources, const Call& call);
Response cycle_sessions_create(const Resources& resources, const Call& call);
Response my_sessions(const Resources& resources, const Call& call);
Response session_page(const Resources& resources, const Call& call);
Response session_vote(const Resources& resources, const Call& call);
Response session_open(const Resources& resources, const Call& call);
Response session_close(const Resources& resources, const Call& call);
Response session_calibrate(const Resources& resources, const Call& call);
// Admins, while a session prepares: change it, or delete it after a confirmation that says
// how many pre-votes go with it.
Response session_edit_form(const Resources& resources, const Call& call);
Response session_edit(const Resources& resources, const Call& call);
Response session_delete_form(const Resources& resources, const Call& call);
Response session_delete(const Resources& resources, const Call& call);

// The API (api.cpp).
Response api_cycle_sessions(const Resources& resources, const Call& call);
Response api_create_session(const Resources& resources, const Call& call);
Response api_session(const Resources& resources, const Call& call);
Response api_session_vote(const Resources& resources, const Call& call);
Response api_session_open(const Resources& resources, const Call& call);
Response api_session_close(const Resources& resources, const Call& call);
Response api_session_calibrate(const Resources& resources, const Call& call);
Response api_session_patch(const Resources& resources, const Call& call);
Response api_session_delete(const Resources& resources, const Call& call);

}  // namespace rung::web::handlers
