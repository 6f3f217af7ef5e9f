#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "rung/auth/viewer.hpp"
#include "rung/web/resources.hpp"
#include "rung/web/router.hpp"

// The route handlers that routes.cpp puts in the table. Each answers one route; the App has
// already checked the method, the target and the query parameter names.
namespace rung::web::handlers {

// HTML pages (page_handlers.cpp).
Response overview(const Resources& resources, const Call& call);
Response track(const Resources& resources, const Call& call);
Response level(const Resources& resources, const Call& call);
Response static_file(const Resources& resources, const Call& call);
Response healthz(const Resources& resources, const Call& call);
Response metrics(const Resources& resources, const Call& call);

// Pages and API over compare/, search/ and lint/ (tool_handlers.cpp).
Response compare(const Resources& resources, const Call& call);
Response search(const Resources& resources, const Call& call);
Response lint(const Resources& resources, const Call& call);
Response api_compare(const Resources& resources, const Call& call);
Response api_search(const Resources& resources, const Call& call);
Response api_lint(const Resources& resources, const Call& call);

// JSON API under /api/v1 (api_handlers.cpp).
Response api_index(const Resources& resources, const Call& call);
Response api_openapi(const Resources& resources, const Call& call);
Response api_ladder(const Resources& resources, const Call& call);
Response api_tracks(const Resources& resources, const Call& call);
Response api_track(const Resources& resources, const Call& call);
Response api_levels(const Resources& resources, const Call& call);
Response api_level(const Resources& resources, const Call& call);
Response api_statements(const Resources& resources, const Call& call);
Response api_statement(const Resources& resources, const Call& call);

// Sign-in, sign-out and the viewer's account (account_handlers.cpp).
Response sign_in(const Resources& resources, const Call& call);
Response sign_in_post(const Resources& resources, const Call& call);
Response sign_out(const Resources& resources, const Call& call);
Response account(const Resources& resources, const Call& call);
Response account_password(const Resources& resources, const Call& call);
Response account_sign_out_everywhere(const Resources& resources, const Call& call);

// The sign-in form with `status` (200, or 401 when a page needs a session), returning to
// `next` after signing in, showing `error` when not empty. Sets the form's double-submit CSRF
// cookie.
Response sign_in_page(const Resources& resources, const Request& request, int status,
                      std::string_view next, std::string_view error);

// The people directory, a person, a manager's team; and their API (people_handlers.cpp).
Response people(const Resources& resources, const Call& call);
Response person(const Resources& resources, const Call& call);
Response team(const Resources& resources, const Call& call);
Response api_me(const Resources& resources, const Call& call);
Response api_people(const Resources& resources, const Call& call);
Response api_person(const Resources& resources, const Call& call);

// Assessments, side by side, outcomes, growth plans and cycles: the pages (review_pages.cpp
// and neighbours) and the API (review_api.cpp and neighbours).
Response api_save_rating(const Resources& resources, const Call& call);
// The rest of the assessments API (review_api*.cpp), one handler per route of routes.cpp.
Response api_add_evidence(const Resources& resources, const Call& call);
Response api_submit_assessment(const Resources& resources, const Call& call);
Response api_assessments(const Resources& resources, const Call& call);
Response api_start_assessment(const Resources& resources, const Call& call);
Response api_assessment(const Resources& resources, const Call& call);
Response api_assessment_outcome(const Resources& resources, const Call& call);
Response api_side_by_side(const Resources& resources, const Call& call);
Response api_progress(const Resources& resources, const Call& call);
Response api_plans(const Resources& resources, const Call& call);
Response api_start_plan(const Resources& resources, const Call& call);
Response api_plan(const Resources& resources, const Call& call);
Response api_plan_item(const Resources& resources, const Call& call);
Response api_plan_evidence(const Resources& resources, const Call& call);
Response api_cycles(const Resources& resources, const Call& call);
Response api_open_cycle(const Resources& resources, const Call& call);
Response api_close_cycle(const Resources& resources, const Call& call);

// The assessment pages (review_pages.cpp: hub, start, side by side;
// review_assessment_pages.cpp: one assessment and the forms that change a draft).
Response assessments(const Resources& resources, const Call& call);
Response assessments_start(const Resources& resources, const Call& call);
Response assessment(const Resources& resources, const Call& call);
Response assessment_save(const Resources& resources, const Call& call);
Response assessment_evidence(const Resources& resources, const Call& call);
Response assessment_submit(const Resources& resources, const Call& call);
Response side_by_side(const Resources& resources, const Call& call);

// Admin pages (admin_handlers.cpp: people import; admin_users.cpp: users and audit).
Response admin_import(const Resources& resources, const Call& call);
Response admin_import_upload(const Resources& resources, const Call& call);
Response admin_import_apply(const Resources& resources, const Call& call);
Response admin_audit(const Resources& resources, const Call& call);
Response admin_users(const Resources& resources, const Call& call);
Response admin_users_add(const Resources& resources, const Call& call);
Response admin_users_reset(const Resources& resources, const Call& call);

// Growth plans (growth_pages.cpp) and the review cycles admin page (cycle_pages.cpp).
Response plans(const Resources& resources, const Call& call);
Response plans_start(const Resources& resources, const Call& call);
Response plan(const Resources& resources, const Call& call);
Response plan_tick(const Resources& resources, const Call& call);
Response plan_evidence(const Resources& resources, const Call& call);
Response admin_cycles(const Resources& resources, const Call& call);
Response admin_cycles_open(const Resources& resources, const Call& call);
Response admin_cycles_close(const Resources& resources, const Call& call);

// The view every admin page starts from: site, page (with `section` current in the admin
// navigation) and the session's CSRF token for its forms.
Json admin_view(const Resources& resources, const Call& call, std::string title,
                std::string_view section);

// The value of a store read, or an exception that App::handle turns into a 500: a store that
// cannot be read is not something a handler can answer around.
template <class T>
T unwrap(Result<T> result) {
  if (!result) {
    throw std::runtime_error(result.error().message);
  }
  return std::move(*result);
}

}  // namespace rung::web::handlers
