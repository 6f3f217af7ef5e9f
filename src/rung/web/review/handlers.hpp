#pragma once

#include "rung/auth/viewer.hpp"
#include "rung/web/http/router.hpp"
#include "rung/web/shell/resources.hpp"

// The handlers of web/review/ (assessments, side by side, growth plans and review cycles: pages and
// API). Private to this folder: only its own files include this header; the rest of web/ reaches
// them through review_routes() (routes.hpp).
namespace rung::web::handlers {

// "My page" (/me): where the viewer stands, what is open, what awaits them (home_pages.cpp).
Response my_page(const Resources& resources, const Call& call);
Response assessments(const Resources& resources, const Call& call);
// The header's "Assessments" link: a 303 to the viewer's own assessments, or for an account
// that is not a person's a page that says so.
Response my_assessments(const Resources& resources, const Call& call);
Response assessments_start(const Resources& resources, const Call& call);
Response assessment(const Resources& resources, const Call& call);
Response assessment_save(const Resources& resources, const Call& call);
Response assessment_evidence(const Resources& resources, const Call& call);
Response assessment_submit(const Resources& resources, const Call& call);
// The review step before submitting: what is unrated, that submitting freezes it, the button.
Response assessment_review(const Resources& resources, const Call& call);
Response assessment_withdraw(const Resources& resources, const Call& call);
Response side_by_side(const Resources& resources, const Call& call);
// Records what was agreed about one statement (review::Service::agree) and goes back to it.
Response side_by_side_agree(const Resources& resources, const Call& call);
Response plans(const Resources& resources, const Call& call);
Response plans_start(const Resources& resources, const Call& call);
Response plan(const Resources& resources, const Call& call);
Response plan_save(const Resources& resources, const Call& call);
Response plan_tick(const Resources& resources, const Call& call);
Response plan_evidence(const Resources& resources, const Call& call);
Response admin_cycles(const Resources& resources, const Call& call);
Response admin_cycles_open(const Resources& resources, const Call& call);
Response admin_cycles_close(const Resources& resources, const Call& call);
Response admin_cycle_raters(const Resources& resources, const Call& call);
Response api_save_rating(const Resources& resources, const Call& call);
Response api_assessments(const Resources& resources, const Call& call);
Response api_start_assessment(const Resources& resources, const Call& call);
Response api_assessment(const Resources& resources, const Call& call);
Response api_add_evidence(const Resources& resources, const Call& call);
Response api_submit_assessment(const Resources& resources, const Call& call);
Response api_withdraw_assessment(const Resources& resources, const Call& call);
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
Response api_cycle_raters(const Resources& resources, const Call& call);

}  // namespace rung::web::handlers
