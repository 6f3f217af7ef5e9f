#include "rung/web/account/handlers.hpp"

#include <chrono>
#include <string>

#include "rung/auth/sessions.hpp"
#include "rung/auth/token.hpp"
#include "rung/core/text.hpp"
#include "rung/html/views.hpp"
#include "rung/web/http/cookies.hpp"
#include "rung/web/shell/gate.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

std::string session_cookie(const Resources& resources, const std::string& token) {
  // The browser may keep the cookie as long as the session could live; the store decides
  // earlier expiry (idle time) on every request.
  return set_cookie(k_session_cookie, token,
                    CookieOptions{resources.secure_cookies, std::chrono::seconds(7 * 24 * 3600)});
}

// Where to go after a forced password change: the page that was asked for (a local path only,
// safe_next), or "" for none.
std::string next_of(std::string_view asked) {
  const std::string next = safe_next(asked);
  return next == "/" || next.starts_with("/account") ? std::string() : next;
}

Response account_page(const Resources& resources, const Call& call, int status,
                      std::string_view done, std::string_view error, std::string_view next = {}) {
  const auth::Viewer& viewer = *call.viewer;
  Json view = page_view(resources, "Your account", "account");
  view["next"] = next_of(next);
  view["login"] = viewer.account.login;
  view["admin"] = viewer.admin();
  view["must_change_password"] = viewer.account.must_change_password;
  view["csrf"] = viewer.session.csrf_token;
  if (viewer.person) {
    view["person"] = Json{{"name", viewer.person->name},
                          {"url", "/people/" + std::to_string(viewer.person->id)}};
  }
  if (done == "password") {
    view["notice"] = "Your password is changed. Your other sessions are signed out.";
  }
  if (!error.empty()) {
    view["error"] = error;
  }
  return page(resources, call, status, "account", std::move(view));
}

Response signed_out(const Resources& resources) {
  Response out = redirect("/sign-in");
  out.headers.add("Set-Cookie", clear_cookie(k_session_cookie, resources.secure_cookies));
  return out;
}

}  // namespace

Response sign_in(const Resources& resources, const Call& call) {
  // Shown to a signed-in viewer too: signing in as someone else replaces the session cookie.
  const std::string next = safe_next(query_value(call.target.query, "next").value_or("/"));
  return sign_in_page(resources, call.request, 200, next, "");
}

Response sign_in_post(const Resources& resources, const Call& call) {
  const std::string next = safe_next(call.field("next"));
  auto signed_in = resources.sessions.sign_in(call.field("login"), call.field("password"),
                                              client_address(call.request));
  if (!signed_in) {
    const auto retry_after = signed_in.error().retry_after;  // set when throttled
    Response out = sign_in_page(resources, call.request, retry_after ? 429 : 401, next,
                                signed_in.error().message);
    if (retry_after) {
      out.headers.add("Retry-After", std::to_string(*retry_after));
    }
    return out;
  }
  const bool must_change = signed_in->viewer.account.must_change_password;
  // After the forced password change, on to the page that was asked for.
  Response out = redirect(!must_change            ? next
                          : next_of(next).empty() ? std::string("/account")
                                                  : "/account?next=" + percent_encode(next));
  out.headers.add("Set-Cookie", session_cookie(resources, signed_in->token));
  out.headers.add("Set-Cookie", clear_cookie(k_signin_csrf_cookie, resources.secure_cookies));
  return out;
}

Response sign_out(const Resources& resources, const Call& call) {
  if (auto done = resources.sessions.sign_out(*call.viewer); !done) {
    throw std::runtime_error(done.error().message);
  }
  return signed_out(resources);
}

Response account(const Resources& resources, const Call& call) {
  return account_page(resources, call, 200, query_value(call.target.query, "done").value_or(""), "",
                      query_value(call.target.query, "next").value_or(""));
}

Response account_password(const Resources& resources, const Call& call) {
  const std::string_view fresh = call.field("new_password");
  const std::string next = next_of(call.field("next"));
  if (fresh != call.field("confirm_password")) {
    return account_page(resources, call, 400, "", "The two new passwords are not the same.", next);
  }
  auto changed =
      resources.sessions.change_password(*call.viewer, call.field("current_password"), fresh);
  if (!changed) {
    return account_page(resources, call, 400, "", changed.error().message, next);
  }
  return redirect(next.empty() ? std::string("/account?done=password") : next);
}

Response account_sign_out_everywhere(const Resources& resources, const Call& call) {
  if (auto done = resources.sessions.sign_out_everywhere(*call.viewer); !done) {
    throw std::runtime_error(done.error().message);
  }
  return signed_out(resources);
}

}  // namespace rung::web::handlers
