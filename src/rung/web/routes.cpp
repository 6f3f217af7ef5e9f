#include <array>

#include "rung/web/handlers.hpp"
#include "rung/web/router.hpp"

namespace rung::web {

std::span<const Route> routes() {
  using enum Method;
  using enum Kind;
  constexpr Access any = Access::anyone;
  constexpr Access lad = Access::ladder;
  constexpr Access in = Access::signed_in;
  constexpr Access per = Access::person;
  constexpr Access adm = Access::admin;
  namespace h = handlers;
  static const std::array table{
      Route{get, "/", "overview", lad, html, true, "", h::overview},
      Route{get, "/tracks/{id}", "track", lad, html, true, "", h::track},
      Route{get, "/levels/{id}", "level", lad, html, true, "", h::level},
      Route{get, "/compare", "compare", lad, html, true, "a b", h::compare},
      Route{get, "/search", "search", lad, html, true, "q", h::search},
      Route{get, "/lint", "lint", lad, html, true, "", h::lint},
      Route{get, "/static/{file}", "static", any, text, true, "v", h::static_file},
      Route{get, "/healthz", "healthz", any, text, false, "", h::healthz},
      Route{get, "/metrics", "metrics", any, text, false, "", h::metrics},
      Route{get, "/sign-in", "sign-in", any, html, false, "next", h::sign_in},
      Route{post, "/sign-in", "sign-in.post", any, html, false, "", h::sign_in_post},
      Route{post, "/sign-out", "sign-out", in, html, false, "", h::sign_out},
      Route{get, "/account", "account", in, html, false, "done", h::account},
      Route{post, "/account/password", "account.password", in, html, false, "",
            h::account_password},
      Route{post, "/account/sign-out-everywhere", "account.sign-out-everywhere", in, html, false,
            "", h::account_sign_out_everywhere},
      Route{get, "/people", "people", in, html, false, "q", h::people},
      Route{get, "/people/{id}", "person", per, html, false, "", h::person},
      Route{get, "/people/{id}/team", "team", per, html, false, "", h::team},
      // Assessment pages (review_pages.cpp, review_assessment_pages.cpp).
      Route{get, "/people/{id}/assessments", "assessments", per, html, false, "", h::assessments},
      Route{post, "/people/{id}/assessments", "assessments.start", per, html, false, "",
            h::assessments_start},
      Route{get, "/people/{id}/assessments/{aid}", "assessment", per, html, false, "",
            h::assessment},
      Route{post, "/people/{id}/assessments/{aid}", "assessment.save", per, html, false, "",
            h::assessment_save},
      Route{post, "/people/{id}/assessments/{aid}/evidence", "assessment.evidence", per, html,
            false, "", h::assessment_evidence},
      Route{post, "/people/{id}/assessments/{aid}/submit", "assessment.submit", per, html, false,
            "", h::assessment_submit},
      Route{get, "/people/{id}/side-by-side", "side-by-side", per, html, false, "level",
            h::side_by_side},
      Route{get, "/admin/people/import", "admin.import", adm, html, false, "", h::admin_import},
      Route{post, "/admin/people/import", "admin.import.upload", adm, html, false, "",
            h::admin_import_upload},
      Route{post, "/admin/people/import/apply", "admin.import.apply", adm, html, false, "",
            h::admin_import_apply},
      Route{get, "/admin/audit", "admin.audit", adm, html, false,
            "actor action subject since until before", h::admin_audit},
      Route{get, "/admin/users", "admin.users", adm, html, false, "", h::admin_users},
      Route{post, "/admin/users", "admin.users.add", adm, html, false, "", h::admin_users_add},
      Route{post, "/admin/users/{id}/reset", "admin.users.reset", adm, html, false, "",
            h::admin_users_reset},
      // Growth plans and review cycles (growth_pages.cpp, cycle_pages.cpp).
      Route{get, "/people/{id}/plans", "plans", per, html, false, "", h::plans},
      Route{post, "/people/{id}/plans", "plans.start", per, html, false, "", h::plans_start},
      Route{get, "/people/{id}/plans/{plan}", "plan", per, html, false, "", h::plan},
      Route{post, "/people/{id}/plans/{plan}/items", "plan.tick", per, html, false, "",
            h::plan_tick},
      Route{post, "/people/{id}/plans/{plan}/evidence", "plan.evidence", per, html, false, "",
            h::plan_evidence},
      Route{get, "/admin/cycles", "admin.cycles", adm, html, false, "", h::admin_cycles},
      Route{post, "/admin/cycles", "admin.cycles.open", adm, html, false, "", h::admin_cycles_open},
      Route{post, "/admin/cycles/{cycle}/close", "admin.cycles.close", adm, html, false, "",
            h::admin_cycles_close},
      Route{get, "/api/v1", "api.index", lad, json, true, "", h::api_index},
      Route{get, "/api/v1/openapi.json", "api.openapi", any, json, true, "", h::api_openapi},
      Route{get, "/api/v1/ladder", "api.ladder", lad, json, true, "", h::api_ladder},
      Route{get, "/api/v1/tracks", "api.tracks", lad, json, true, "", h::api_tracks},
      Route{get, "/api/v1/tracks/{id}", "api.track", lad, json, true, "", h::api_track},
      Route{get, "/api/v1/levels", "api.levels", lad, json, true, "track", h::api_levels},
      Route{get, "/api/v1/levels/{id}", "api.level", lad, json, true, "", h::api_level},
      Route{get, "/api/v1/statements", "api.statements", lad, json, true, "level area track",
            h::api_statements},
      Route{get, "/api/v1/statements/{id}", "api.statement", lad, json, true, "", h::api_statement},
      Route{get, "/api/v1/compare", "api.compare", lad, json, true, "a b", h::api_compare},
      Route{get, "/api/v1/search", "api.search", lad, json, true, "q", h::api_search},
      Route{get, "/api/v1/lint", "api.lint", lad, json, true, "", h::api_lint},
      Route{get, "/api/v1/me", "api.me", in, json, false, "", h::api_me},
      Route{get, "/api/v1/people", "api.people", in, json, false, "q", h::api_people},
      Route{get, "/api/v1/people/{id}", "api.person", per, json, false, "", h::api_person},
      // Assessments (review_api.cpp): {aid} must belong to person {id}, else 404.
      Route{put, "/api/v1/people/{id}/assessments/{aid}/ratings/{statement}", "api.rating.put", per,
            json, false, "", h::api_save_rating},
      // The rest of the assessments API (review_api*.cpp), same rules.
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
      // Cycles: listed to anyone signed in, opened and closed by admins.
      Route{get, "/api/v1/cycles", "api.cycles", in, json, false, "", h::api_cycles},
      Route{post, "/api/v1/cycles", "api.cycles.open", adm, json, false, "", h::api_open_cycle},
      Route{post, "/api/v1/cycles/{cycle}/close", "api.cycle.close", adm, json, false, "",
            h::api_close_cycle},
  };
  return table;
}

}  // namespace rung::web
