#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rung/web/http/form.hpp"
#include "rung/web/http/http.hpp"
#include "rung/web/http/router.hpp"
#include "rung/web/http/url.hpp"
#include "rung/web/shell/access.hpp"
#include "rung/web/shell/resources.hpp"

// The pieces App::route puts around every handler: the answer for a refused request, the CSRF
// check of every form, and the caching headers that fit who may see an answer.
namespace rung::web {

bool is_api(std::string_view path);

// An error in the shape the client expects: JSON under /api/, an HTML page elsewhere.
Response error_for(const Resources& resources, std::string_view path, int status,
                   std::string_view code, std::string_view message);

// The answer when check_access refused: 401 (the sign-in page, coming back to this address
// after a GET), 403, 404 (the usual not-found answer), or for an account that must change its
// password a redirect to /account (API: 403 "password-change-required").
Response refusal(const Resources& resources, const Request& request, const Target& target,
                 Verdict verdict,
                 const auth::Viewer* viewer = nullptr);

// Whether a POST's form carries the right CSRF token: the session's token for a signed-in
// route; for the sign-in form (Access::anyone) the value of the rung_signin cookie, which
// only a page of this site could have read into the form (double submit). Constant-time.
bool csrf_ok(const Resources& resources, const Route& route, const Request& request,
             const Form& form, const auth::Viewer* viewer);

// The header an API write carries its session's CSRF token in (the page's JavaScript reads it
// from the page's <meta name="csrf-token">). API writes take JSON, not forms.
inline constexpr std::string_view k_csrf_header = "X-CSRF-Token";

// Whether an API write carries the session's CSRF token in k_csrf_header. Constant-time.
bool csrf_header_ok(const Resources& resources, const Request& request, const auth::Viewer* viewer);

// Cache-Control and Vary for a response of `route`: pages only some viewers may see are never
// stored by browsers or proxies ("no-store"); the ladder seen by a signed-in viewer may be
// kept by that browser only ("private, no-cache"); responses that depend on the session cookie
// say so in Vary.
void apply_cache_rules(Response& response, const Route& route, const auth::Viewer* viewer);

// Headers every answer carries: a Content-Security-Policy allowing only this site's own
// scripts, styles, images and form targets (no inline script, no framing, no plugins),
// X-Content-Type-Options: nosniff and Referrer-Policy: same-origin. Pages keep their scripts
// in /static and their charts as inline SVG, which the policy allows.
void add_security_headers(Response& response);

// "127.0.0.1" from "127.0.0.1:54321" (the request's remote), for sign-in throttling.
std::string client_address(const Request& request);

// A 303 to `location`.
Response redirect(std::string location);

// `next` when it is a path on this site ("/people/3"), else "/": never another site's address.
std::string safe_next(std::string_view next);

}  // namespace rung::web
