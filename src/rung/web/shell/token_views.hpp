#pragma once

#include <string>

#include "rung/core/json.hpp"
#include "rung/store/store.hpp"

// How API tokens are shown: on the viewer's account page and the admins' users page (a row in
// words, with its revoke form's address) and in the API (JSON). Neither holds the token or its
// digest: the token is shown once, by the handler that made it.
namespace rung::web {

// "active", "expired" or "revoked" at `now`.
std::string_view token_status(const store::ApiToken& token, store::Millis now);

// A page row: name, access ("read-only" / "read and write"), created and last used in words,
// expiry as a date, status, and `revoke_url` while the token is active.
Json token_row(const store::ApiToken& token, store::Millis now, std::string revoke_url);

// The API's JSON of a token: id, name, read_only, created_at, expires_at, last_used_at,
// revoked_at (ISO 8601 UTC, null when never) and status.
Json token_api_json(const store::ApiToken& token, store::Millis now);

}  // namespace rung::web
