#include "rung/web/promotions/routes.hpp"

#include <array>

#include "rung/web/promotions/handlers.hpp"

namespace rung::web {

std::span<const Route> promotion_routes() {
  using enum Method;
  using enum Kind;
  constexpr Access in = Access::signed_in;
  constexpr Access per = Access::person;
  constexpr Access adm = Access::admin;
  namespace h = handlers;
  static const std::array table{
      Route{post, "/people/{id}/cases", "cases.open", per, html, false, "", h::cases_open},
      Route{get, "/people/{id}/cases/{case}", "case", per, html, false, "", h::case_page},
      Route{post, "/people/{id}/cases/{case}", "case.save", per, html, false, "", h::case_save},
      Route{post, "/people/{id}/cases/{case}/submit", "case.submit", per, html, false, "",
            h::case_submit},
      Route{post, "/people/{id}/cases/{case}/review", "case.review", per, html, false, "",
            h::case_review},
      Route{post, "/people/{id}/cases/{case}/decision", "case.decide", per, html, false, "",
            h::case_decide},
      Route{post, "/people/{id}/cases/{case}/publish", "case.publish", per, html, false, "",
            h::case_publish},
      Route{get, "/admin/cycles/{cycle}/cases", "admin.cycle.cases", adm, html, false, "",
            h::admin_cycle_cases},
      Route{post, "/admin/cycles/{cycle}/publish", "admin.cycle.publish", adm, html, false, "",
            h::admin_cycle_publish},
      Route{get, "/api/v1/people/{id}/cases", "api.cases", per, json, false, "", h::api_cases},
      Route{post, "/api/v1/people/{id}/cases", "api.cases.open", per, json, false, "",
            h::api_open_case},
      Route{get, "/api/v1/cases/{case}", "api.case", in, json, false, "", h::api_case},
      Route{patch, "/api/v1/cases/{case}", "api.case.patch", in, json, false, "",
            h::api_patch_case},
      Route{post, "/api/v1/cases/{case}/submit", "api.case.submit", in, json, false, "",
            h::api_submit_case},
      Route{post, "/api/v1/cases/{case}/review", "api.case.review", adm, json, false, "",
            h::api_review_case},
      Route{post, "/api/v1/cases/{case}/decision", "api.case.decision", adm, json, false, "",
            h::api_decide_case},
      Route{post, "/api/v1/cases/{case}/publish", "api.case.publish", adm, json, false, "",
            h::api_publish_case},
      Route{get, "/api/v1/cycles/{cycle}/cases", "api.cycle.cases", adm, json, false, "",
            h::api_cycle_cases},
      Route{post, "/api/v1/cycles/{cycle}/publish", "api.cycle.publish", adm, json, false, "",
            h::api_publish_cycle},
  };
  return table;
}

}  // namespace rung::web
