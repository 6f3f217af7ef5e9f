#pragma once

#include "rung/web/http/router.hpp"
#include "rung/web/shell/resources.hpp"

// The handlers of web/promotions/ (promotion cases: the case page and its forms, the admin's
// list of a cycle's cases, and the API). Private to this folder: only its own files include
// this header; the rest of web/ reaches them through promotion_routes() (routes.hpp).
namespace rung::web::handlers {

// Pages (pages.cpp): POST /people/{id}/cases opens a case and answers 303 to it; the case page
// and its forms answer 303 back to it, or re-render it with the error and what was typed.
Response cases_open(const Resources& resources, const Call& call);
Response case_page(const Resources& resources, const Call& call);
Response case_save(const Resources& resources, const Call& call);
Response case_submit(const Resources& resources, const Call& call);
Response case_review(const Resources& resources, const Call& call);
Response case_decide(const Resources& resources, const Call& call);
Response case_publish(const Resources& resources, const Call& call);
// Admin pages (admin_pages.cpp): a cycle's cases, and publishing its decisions.
Response admin_cycle_cases(const Resources& resources, const Call& call);
Response admin_cycle_publish(const Resources& resources, const Call& call);

// The API (api.cpp).
Response api_cases(const Resources& resources, const Call& call);
Response api_open_case(const Resources& resources, const Call& call);
Response api_case(const Resources& resources, const Call& call);
Response api_patch_case(const Resources& resources, const Call& call);
Response api_submit_case(const Resources& resources, const Call& call);
Response api_review_case(const Resources& resources, const Call& call);
Response api_decide_case(const Resources& resources, const Call& call);
Response api_publish_case(const Resources& resources, const Call& call);
Response api_cycle_cases(const Resources& resources, const Call& call);
Response api_publish_cycle(const Resources& resources, const Call& call);

}  // namespace rung::web::handlers
