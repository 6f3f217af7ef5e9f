#pragma once

#include <string_view>

#include "rung/web/http/http.hpp"

// API tokens on the wire: `Authorization: Bearer TOKEN` on /api/v1 (docs/auth.md). App::route
// reads the header here, asks auth::find_token_viewer who holds the token, and answers a
// refusal with the responses below. The token is never logged or echoed.
namespace rung::web {

enum class BearerState {
  absent,     // no Authorization header: the session cookie decides
  present,    // one `Bearer <token>` header (the token not yet checked)
  malformed,  // another scheme, an empty token, or the header given more than once
};

struct Bearer {
  BearerState state = BearerState::absent;
  std::string_view token;  // into the request; set when present
};

// The Authorization header of `request` (the scheme compared case-insensitively).
Bearer bearer_of(const Request& request);

// 401 {"error": {"code": "invalid-token"}} with `WWW-Authenticate: Bearer realm="rung",
// error="invalid_token"`: the same answer for a malformed, unknown, expired or revoked token
// and for a token whose account is gone or whose person has left.
Response token_refused();

// 403 {"error": {"code": "read-only-token"}}: a read-only token on a write.
Response read_only_refused();

// The WWW-Authenticate value of every 401 the API answers.
inline constexpr std::string_view k_bearer_challenge = R"(Bearer realm="rung")";

}  // namespace rung::web
