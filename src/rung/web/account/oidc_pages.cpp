// Sign-in at an OpenID Connect provider (auth/oidc.hpp): /sign-in/oidc sends the browser to
// the provider, /sign-in/oidc/callback is where it comes back.
#include <cctype>
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "rung/auth/oidc.hpp"
#include "rung/html/views.hpp"
#include "rung/web/account/handlers.hpp"
#include "rung/web/http/cookies.hpp"
#include "rung/web/http/router.hpp"
#include "rung/web/http/url.hpp"
#include "rung/web/shell/gate.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

// A message page with a way onward: back to the sign-in page, where the provider's button and
// (when allowed) the password form are.
Response back_to_sign_in(const Resources& resources, int status, std::string_view heading,
                         std::string_view message) {
  Json view = html::message_view(resources.ladder, status, heading, message, resources.links);
  view["action"] = {{"url", "/sign-in"}, {"label", "Back to sign-in"}};
  Response out = html_response(status, resources.pages.render("message", view));
  out.headers.set("Cache-Control", "no-store");
  return out;
}

Response oidc_refused(const Resources& resources, int status, std::string_view code,
                      std::string_view message) {
  // One line per refusal for operators: the reason, never a code, token or secret.
  std::cerr << fmt::format("rung serve: OpenID Connect sign-in refused ({}): {}\n", code, message);
  return back_to_sign_in(resources, status, "You are not signed in", message);
}

Response oidc_off(const Resources& resources) {
  return back_to_sign_in(resources, 404, "No single sign-on here",
                         "This Rung does not sign people in through an identity provider. Sign "
                         "in with your email and password on the sign-in page.");
}

}  // namespace

Response sign_in_oidc(const Resources& resources, const Call& call) {
  if (resources.oidc == nullptr) {
    return oidc_off(resources);
  }
  const std::string next = safe_next(query_value(call.target.query, "next").value_or("/"));
  auto url = resources.oidc->begin(next);
  if (!url) {
    throw std::runtime_error(url.error().message);
  }
  Response out = redirect(std::move(*url));
  out.headers.set("Cache-Control", "no-store");
  return out;
}

Response sign_in_oidc_callback(const Resources& resources, const Call& call) {
  if (resources.oidc == nullptr) {
    return oidc_off(resources);
  }
  const auto& query = call.target.query;
  const std::string_view state = query_value(query, "state").value_or("");
  if (const auto error = query_value(query, "error")) {
    // Refused at the provider (the person said no, or may not use Rung): the state is spent.
    (void)resources.oidc->finish("", state, "");
    return oidc_refused(
        resources, 403, "provider",
        fmt::format("Your identity provider did not sign you in ({}).", error->substr(0, 60)));
  }
  auto done = resources.oidc->finish(query_value(query, "code").value_or(""), state,
                                     client_address(call.request));
  if (!done) {
    const Error& error = done.error();
    if (error.kind == ErrorKind::internal) {
      throw std::runtime_error(error.message);
    }
    const int status = error.kind == ErrorKind::unavailable ? 502 : 403;
    std::string message = error.message;
    if (!message.empty()) {
      message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
    }
    return oidc_refused(resources, status, error.code,
                        message + (message.ends_with('.') ? "" : "."));
  }
  Response out = redirect(done->next.empty() ? std::string("/") : done->next);
  out.headers.set("Cache-Control", "no-store");
  out.headers.add("Set-Cookie", set_cookie(k_session_cookie, done->signed_in.token,
                                           CookieOptions{resources.secure_cookies,
                                                         std::chrono::seconds(7 * 24 * 3600)}));
  return out;
}

}  // namespace rung::web::handlers
