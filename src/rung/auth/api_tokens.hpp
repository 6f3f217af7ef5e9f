#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "rung/auth/viewer.hpp"
#include "rung/core/error.hpp"
#include "rung/store/store.hpp"

// Personal access tokens: how a script calls /api/v1 with its owner's rights, without a
// browser (docs/auth.md). A token is "rung_" and 32 random bytes from libsodium in base64url;
// the store keeps only its digest (token_hash, as for sessions), so it is shown once, when it
// is made. Making and revoking one are each one Store::write with an audit entry ("token.create",
// "token.revoke"; subject "token:<id>"), which never holds the token or its digest.
// Every function is safe to call from any thread.
namespace rung::auth {

// Every token starts with this: easy to recognise in a leaked file or a secret scanner.
inline constexpr std::string_view k_api_token_prefix = "rung_";

// A token's last_used_at is written at most this often (saves a write per request).
inline constexpr std::chrono::milliseconds k_token_touch_granularity = std::chrono::minutes(1);

// What its owner asks for.
struct TokenRequest {
  std::string name;                 // 1 to 100 bytes of UTF-8 text, trimmed; no control chars
  std::optional<int> expires_days;  // 1 to 3650 days from now; none: never expires
  bool read_only = false;           // refused on writes
};

struct NewApiToken {
  store::ApiToken token;  // as stored (with its id)
  std::string secret;     // the token itself: shown once, kept nowhere
};

// Makes a token for `account` (which must exist and whose person, if any, has not left).
// Errors: "auth.bad-token-name", "auth.bad-token-expiry" (invalid), "auth.unknown-account"
// (not_found), store errors.
Result<NewApiToken> create_api_token(store::Store& store, std::string_view actor, store::Id account,
                                     const TokenRequest& request, store::Millis now);

// Revokes a token (from now on refused); revoking a revoked token changes nothing and writes
// no audit entry. Returns the token as it now is. Error "auth.unknown-token" (not_found).
Result<store::ApiToken> revoke_api_token(store::Store& store, std::string_view actor,
                                         store::Id token, store::Millis now);

// Whether `viewer` may see and revoke `token`: its owner and admins. (A read-only token is
// refused on every write before this is asked.)
bool may_manage_token(const Viewer& viewer, const store::ApiToken& token);

// Whether `text` has the shape of a token (the prefix, then 43 base64url characters): anything
// else is refused before any lookup.
bool well_formed_token(std::string_view text);

// Who holds `secret`: nullopt for a malformed, unknown, revoked or expired token, for an account
// that is gone or disabled and for a person who has left. Records last_used_at when it is older
// than k_token_touch_granularity (a failure of that write is ignored). A store error is returned.
Result<std::optional<Viewer>> find_token_viewer(store::Store& store, std::string_view secret,
                                                store::Millis now);

// The audit subject of a token: "token:<id>".
std::string token_subject(store::Id token);

// The audit JSON of a token: every field but its digest.
std::string token_json(const store::ApiToken& token);

}  // namespace rung::auth
