#include "rung/web/review/routes.hpp"

#include <array>

#include "rung/web/review/handlers.hpp"

namespace rung::web {

std::span<const Route> review_routes() {
  using enum Method;
  using enum Kind;
  constexpr Access in = Access::signed_in;
  constexpr Access per = Access::person;
  constexpr Access adm = Access::admin;
  namespace h = handlers;
  static const std::array table{
      Route{get, "/me", "me", in, html, false, "", h::my_page},
      Route{get, "/me/assessments", "me.assessments", in, html, false, "level", h::my_assessments},
      Route{get, "/people/{id}/assessments", "assessments", per, html, false, "level",
            h::assessments},
      Route{post, "/people/{id}/assessments", "assessments.start", per, html, false, "",
            h::assessments_start},
      Route{get, "/people/{id}/assessments/{aid}", "assessment", per, html, false, "",
            h::assessment},
      Route{post, "/people/{id}/assessments/{aid}", "assessment.save", per, html, false, "",
            h::assessment_save},
      Route{post, "/people/{id}/assessments/{aid}/evidence", "assessment.evidence", per, html,
            false, "", h::assessment_evidence},
      Route{get, "/people/{id}/assessments/{aid}/review", "assessment.review", per, html, false, "",
            h::assessment_review},
      Route{post, "/people/{id}/assessments/{aid}/submit", "assessment.submit", per, html, false,
            "", h::assessment_submit},
      Route{post, "/people/{id}/assessments/{aid}/withdraw", "assessment.withdraw", per, html,
            false, "", h::assessment_withdraw},
      Route{get, "/people/{id}/side-by-side", "side-by-side", per, html, false, "level",
            h::side_by_side},
      Route{post, "/people/{id}/side-by-side/agree", "side-by-side.agree", per, html, false, "",
            h::side_by_side_agree},
      Route{get, "/people/{id}/plans", "plans", per, html, false, "", h::plans},
      Route{post, "/people/{id}/plans", "plans.start", per, html, false, "", h::plans_start},
      Route{get, "/people/{id}/plans/{plan}", "plan", per, html, false, "saved", h::plan},
      Route{post, "/people/{id}/plans/{plan}", "plan.save", per, html, false, "", h::plan_save},
      Route{post, "/people/{id}/plans/{plan}/items", "plan.tick", per, html, false, "",
            h::plan_tick},
      Route{post, "/people/{id}/plans/{plan}/evidence", "plan.evidence", per, html, false, "",
            h::plan_evidence},
      Route{get, "/admin/cycles", "admin.cycles", adm, html, false, "", h::admin_cycles},
      Route{post, "/admin/cycles", "admin.cycles.open", adm, html, false, "", h::admin_cycles_open},
      Route{post, "/admin/cycles/{cycle}/close", "admin.cycles.close", adm, html, false, "",
            h::admin_cycles_close},
      Route{get, "/admin/cycles/{cycle}/raters", "admin.cycle.raters", adm, html, false, "",
            h::admin_cycle_raters},
      Route{put, "/api/v1/people/{id}/assessments/{aid}/ratings/{statement}", "api.rating.put", per,
            json, false, "", h::api_save_rating},
      Route{get, "/api/v1/people/{id}/assessments", "api.assessments", per, json, false, "",
            h::api_assessments},
      Route{post, "/api/v1/people/{id}/assessments", "api.assessments.start", per, json, false, "",
            h::api_start_assessment},
      Route{get, "/api/v1/people/{id}/assessments/{aid}", "api.assessment", per, json, false, "",
            h::api_assessment},
      Route{post, "/api/v1/people/{id}/assessments/{aid}/evidence", "api.evidence.post", per, json,
            false, "", h::api_add_evidence},
      Route{post, "/api/v1/people/{id}/assessments/{aid}/submit", "api.assessment.submit", per,
            json, false, "", h::api_submit_assessment},
      Route{post, "/api/v1/people/{id}/assessments/{aid}/withdraw", "api.assessment.withdraw", per,
            json, false, "", h::api_withdraw_assessment},
      Route{get, "/api/v1/people/{id}/assessments/{aid}/outcome", "api.assessment.outcome", per,
            json, false, "", h::api_assessment_outcome},
      Route{get, "/api/v1/people/{id}/side-by-side", "api.side-by-side", per, json, false, "level",
            h::api_side_by_side},
      Route{get, "/api/v1/people/{id}/progress", "api.progress", per, json, false, "",
            h::api_progress},
      Route{get, "/api/v1/people/{id}/plans", "api.plans", per, json, false, "", h::api_plans},
      Route{post, "/api/v1/people/{id}/plans", "api.plans.start", per, json, false, "",
            h::api_start_plan},
      Route{get, "/api/v1/people/{id}/plans/{plan}", "api.plan", per, json, false, "", h::api_plan},
      Route{put, "/api/v1/people/{id}/plans/{plan}/items/{statement}", "api.plan.item", per, json,
            false, "", h::api_plan_item},
      Route{post, "/api/v1/people/{id}/plans/{plan}/items/{statement}/evidence",
            "api.plan.evidence", per, json, false, "", h::api_plan_evidence},
      Route{get, "/api/v1/cycles", "api.cycles", in, json, false, "", h::api_cycles},
      Route{post, "/api/v1/cycles", "api.cycles.open", adm, json, false, "", h::api_open_cycle},
      Route{post, "/api/v1/cycles/{cycle}/close", "api.cycle.close", adm, json, false, "",
            h::api_close_cycle},
      Route{get, "/api/v1/cycles/{cycle}/raters", "api.cycle.raters", adm, json, false, "",
            h::api_cycle_raters},
  };
  return table;
}

}  // namespace rung::web
