#include "rung/web/shell/gate.hpp"

#include <fmt/format.h>

#include "rung/auth/sessions.hpp"
#include "rung/auth/token.hpp"
#include "rung/core/text.hpp"
#include "rung/web/http/cookies.hpp"
#include "rung/web/shell/bearer.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web {

bool is_api(std::string_view path) {
  return path == "/api/v1" || path.starts_with("/api/");
}

Response error_for(const Resources& resources, std::string_view path, int status,
                   std::string_view code, std::string_view message) {
  if (is_api(path)) {
    return json_error(status, code, message);
  }
  return message_page(resources, status, reason_phrase(status), message);
}

Response refusal(const Resources& resources, const Request& request, const Target& target,
                 Verdict verdict, const auth::Viewer* viewer) {
  const bool api = is_api(target.path);
  switch (verdict) {
    case Verdict::sign_in: {
      if (api) {
        Response out = json_error(401, "unauthenticated", "Sign in to use this resource.",
                                  "send `Authorization: Bearer <token>` with an API token from "
                                  "your account page, or POST /sign-in and send the "
                                  "rung_session cookie");
        out.headers.set("WWW-Authenticate", std::string(k_bearer_challenge));
        return out;
      }
      const bool get = request.method == Method::get || request.method == Method::head;
      return sign_in_page(resources, request, 401, get ? request.target : "/", "");
    }
    case Verdict::forbidden:
      return error_for(resources, target.path, 403, "forbidden",
                       "Only administrators may use this page.");
    case Verdict::hidden:
      if (api) {
        return json_error(404, "not-found", fmt::format("no API resource at {}", target.path));
      }
      return not_found_page(resources, target.path, viewer);
    case Verdict::change_password:
      if (api || request.method != Method::get) {
        return error_for(resources, target.path, 403, "password-change-required",
                         "Choose a new password on your account page first.");
      }
      {
        // On to the page that was asked for once the password is changed.
        const std::string next = safe_next(request.target);
        return redirect(next == "/" ? std::string("/account")
                                    : "/account?next=" + percent_encode(next));
      }
    case Verdict::allow:
      break;
  }
  return error_for(resources, target.path, 500, "internal", "unexpected access verdict");
}

bool csrf_ok(const Resources& resources, const Route& route, const Request& request,
             const Form& form, const auth::Viewer* viewer) {
  const std::string_view submitted = form.value("csrf");
  if (submitted.empty()) {
    return false;
  }
  if (route.access == Access::anyone || viewer == nullptr) {
    const auto expected = cookie(request, k_signin_csrf_cookie);
    return expected && !expected->empty() && auth::equal_secrets(*expected, submitted);
  }
  return resources.sessions.check_csrf(*viewer, submitted);
}

bool csrf_header_ok(const Resources& resources, const Request& request,
                    const auth::Viewer* viewer) {
  const std::string_view submitted = request.headers.get(k_csrf_header).value_or("");
  return viewer != nullptr && !submitted.empty() &&
         resources.sessions.check_csrf(*viewer, submitted);
}

void add_security_headers(Response& response) {
  response.headers.set("Content-Security-Policy",
                       "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "same-origin");
}

void apply_cache_rules(Response& response, const Route& route, const auth::Viewer* viewer) {
  if (route.access == Access::anyone) {
    return;
  }
  const bool shared = route.access == Access::ladder && response.status == 200;
  if (!shared) {
    response.headers.set("Cache-Control", "no-store");
  } else if (viewer != nullptr) {
    response.headers.set("Cache-Control", "private, no-cache");
  }
  const auto vary = response.headers.get("Vary");
  const std::string_view by = viewer != nullptr && viewer->by_token() ? "Authorization" : "Cookie";
  response.headers.set("Vary", vary ? fmt::format("{}, {}", *vary, by) : std::string(by));
}

std::string client_address(const Request& request) {
  const std::size_t colon = request.remote.rfind(':');
  return colon == std::string::npos ? request.remote : request.remote.substr(0, colon);
}

Response redirect(std::string location) {
  Response out;
  out.status = 303;
  out.headers.add("Location", std::move(location));
  out.headers.add("Cache-Control", "no-store");
  return out;
}

std::string safe_next(std::string_view next) {
  const bool local = next.starts_with('/') && !next.starts_with("//") &&
                     next.find('\\') == std::string_view::npos &&
                     next.find_first_of("\r\n") == std::string_view::npos;
  return local ? std::string(next) : std::string("/");
}

}  // namespace rung::web
