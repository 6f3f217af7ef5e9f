#include "rung/web/account/handlers.hpp"

#include <chrono>
#include <string>

#include <fmt/format.h>

#include "rung/auth/api_tokens.hpp"
#include "rung/auth/sessions.hpp"
#include "rung/auth/token.hpp"
#include "rung/core/text.hpp"
#include "rung/html/views.hpp"
#include "rung/web/http/cookies.hpp"
#include "rung/web/shell/body.hpp"
#include "rung/web/shell/gate.hpp"
#include "rung/web/shell/support.hpp"
#include "rung/web/shell/token_views.hpp"

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

// `fresh`: a token just made, shown this once.
Response account_page(const Resources& resources, const Call& call, int status,
                      std::string_view done, std::string_view error, std::string_view next = {},
                      Json fresh = nullptr) {
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
  const store::Millis now = resources.now();
  Json tokens = Json::array();
  for (const store::ApiToken& token : unwrap(resources.store.api_tokens_of(viewer.account.id))) {
    tokens.push_back(token_row(token, now, fmt::format("/account/tokens/{}/revoke", token.id)));
  }
  view["tokens"] = std::move(tokens);
  if (!fresh.is_null()) {
    view["new_token"] = std::move(fresh);
    view["page"]["script"] = "/static/copy.js";
  }
  if (done == "password") {
    view["notice"] = "Your password is changed. Your other sessions are signed out.";
  } else if (done == "revoked") {
    view["notice"] = "The token is revoked: scripts that use it are refused from now on.";
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
    if (signed_in.error().code == "auth.account-disabled") {
      // Said only after the right password: nobody else learns that the login exists.
      Response out = message_page(resources, 403, "Your account is disabled",
                                  "Your account is disabled; ask an admin to enable it again.");
      out.headers.set("Cache-Control", "no-store");
      return out;
    }
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

Response account_tokens_create(const Resources& resources, const Call& call) {
  auth::TokenRequest request;
  request.name = std::string(call.field("name"));
  request.read_only = call.field("read_only") == "on";
  const std::string_view days = call.field("expires_days");
  if (!days.empty()) {
    const auto parsed = parse_id(days);
    if (!parsed || *parsed > 100000) {
      return account_page(resources, call, 400, "",
                          "The expiry is a number of days from 1 to 3650, or empty for a token "
                          "that does not expire.");
    }
    request.expires_days = static_cast<int>(*parsed);
  }
  auto made = auth::create_api_token(resources.store, call.viewer->account.login,
                                     call.viewer->account.id, request, resources.now());
  if (!made) {
    if (made.error().kind == ErrorKind::internal || made.error().kind == ErrorKind::unavailable) {
      throw std::runtime_error(made.error().message);
    }
    return account_page(resources, call, 400, "", made.error().message);
  }
  return account_page(resources, call, 200, "", "", "",
                      Json{{"name", made->token.name}, {"secret", made->secret}});
}

Response account_tokens_revoke(const Resources& resources, const Call& call) {
  const auto id = parse_id(call.param("id"));
  const auto token = id ? unwrap(resources.store.api_token(*id)) : std::nullopt;
  if (!token || !auth::may_manage_token(*call.viewer, *token)) {
    return not_found_page(resources, call.target.path);
  }
  auto revoked = auth::revoke_api_token(resources.store, call.viewer->account.login, token->id,
                                        resources.now());
  if (!revoked) {
    throw std::runtime_error(revoked.error().message);
  }
  return redirect("/account?done=revoked");
}

}  // namespace rung::web::handlers
