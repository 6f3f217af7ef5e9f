#include "rung/web/shell/support.hpp"

#include "rung/auth/oidc.hpp"
#include "rung/auth/token.hpp"
#include "rung/auth/viewer.hpp"
#include "rung/core/text.hpp"
#include "rung/html/views.hpp"
#include "rung/web/http/cookies.hpp"
#include "rung/web/shell/gate.hpp"

namespace rung::web {

Json page_view(const Resources& resources, std::string title, std::string_view nav) {
  Json view;
  view["site"] = html::site_json(resources.ladder, resources.links);
  view["page"] = Json{{"title", std::move(title)}, {"nav", {{std::string(nav), true}}}};
  return view;
}

Json admin_view(const Resources& resources, const Call& call, std::string title,
                std::string_view section) {
  Json view = page_view(resources, std::move(title), "admin");
  view["page"]["nav"][std::string(section)] = true;
  view["csrf"] = call.viewer->session.csrf_token;
  return view;
}

Response sign_in_page(const Resources& resources, const Request&, int status, std::string_view next,
                      std::string_view error) {
  const std::string csrf = auth::new_token();
  Json view = page_view(resources, "Sign in", "sign_in");
  view["next"] = safe_next(next);
  view["csrf"] = csrf;
  if (!error.empty()) {
    view["error"] = error;
  }
  if (resources.oidc != nullptr) {
    view["oidc"] = Json{{"name", resources.oidc->options().name},
                        {"url", "/sign-in/oidc?next=" + percent_encode(safe_next(next))}};
  }
  view["session"] = session_json(ViewerShape{});
  Response out = html_response(status, resources.pages.render("sign_in", view));
  out.headers.set("Cache-Control", "no-store");
  out.headers.add("Set-Cookie", set_cookie(k_signin_csrf_cookie, csrf,
                                           CookieOptions{resources.secure_cookies, std::nullopt}));
  return out;
}

}  // namespace rung::web
