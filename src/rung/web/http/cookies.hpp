#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "rung/web/http/http.hpp"

// Cookies: reading one from a request's Cookie header, and writing Set-Cookie values.
namespace rung::web {

// The session cookie: a random token (auth/token.hpp) whose hash the store keeps.
inline constexpr std::string_view k_session_cookie = "rung_session";
// The sign-in form's double-submit CSRF cookie (the form carries the same value).
inline constexpr std::string_view k_signin_csrf_cookie = "rung_signin";

// The value of cookie `name` in the request's Cookie header(s); nullopt when absent. Values are
// taken as sent (Rung's own cookies are base64url and need no decoding).
std::optional<std::string> cookie(const Request& request, std::string_view name);

struct CookieOptions {
  bool secure = false;  // add Secure (only sent over HTTPS): --secure-cookies
  std::optional<std::chrono::seconds> max_age;  // Max-Age; none: until the browser closes
};

// "name=value; Path=/; HttpOnly; SameSite=Lax[; Secure][; Max-Age=N]". Every Rung cookie is
// HttpOnly and SameSite=Lax: scripts never read them and other sites' forms do not send them.
std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options);

// A Set-Cookie value that makes the browser forget cookie `name`.
std::string clear_cookie(std::string_view name, bool secure);

}  // namespace rung::web
