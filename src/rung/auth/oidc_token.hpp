#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rung/core/clock.hpp"
#include "rung/core/error.hpp"

// Verifying an OpenID Connect ID token (a JWS in compact form) against the provider's keys
// (its JWKS), with cjose doing the cryptography. Nothing here talks to the network: oidc.hpp
// fetches the keys and the token.
namespace rung::auth {

// The algorithms an ID token may be signed with. Never "none", never HS* (a MAC keyed with
// what is, for us, a public key), never anything else.
inline constexpr std::string_view k_id_token_algorithms[] = {"RS256", "ES256", "PS256"};

struct JwksKey;  // one key of a KeySet (cjose's JWK and what we read of it)

// The provider's signing keys, parsed from its JWKS document ({"keys": [...]}). Keys Rung
// cannot use (encryption keys, other key types) are left out. Immutable, cheap to copy.
class KeySet {
 public:
  KeySet();
  // Errors "oidc.bad-jwks" (invalid: not JSON, no "keys" list, or no usable signing key).
  static Result<KeySet> parse(std::string_view jwks_json);
  bool has_kid(std::string_view kid) const;
  std::size_t size() const;
  const std::vector<std::shared_ptr<const JwksKey>>& keys() const { return m_keys; }

 private:
  std::vector<std::shared_ptr<const JwksKey>> m_keys;
};

// What the ID token must say.
struct IdTokenCheck {
  std::string issuer;      // "iss", exactly (the discovery document's issuer)
  std::string client_id;   // in "aud"; and "azp" when "aud" names several
  std::string nonce;       // "nonce", exactly (compared in constant time)
  Millis now = 0;          // the time now
  long skew_seconds = 60;  // clock difference allowed on "exp" and "iat"
};

struct IdClaims {
  std::string subject;                 // "sub"
  std::string email;                   // "email" ("" when absent)
  std::optional<bool> email_verified;  // "email_verified" when present
  std::string name;                    // "name" when present
};

// The header's key id ("kid"), or "" when there is none or the token cannot be read. A kid
// the key set lacks means the provider may have rotated its keys (oidc.cpp fetches them again).
std::string id_token_kid(std::string_view token);

// Verifies `token`: its signature by a key of `keys` under an allowed algorithm (the key's
// type, curve and own "alg" must agree with it), then iss, aud (and azp), exp, iat and nonce.
// Errors: "oidc.unknown-key" (not_found: the token names a kid the set does not have),
// "oidc.bad-token" (forbidden: anything else; the message says what, never the token).
Result<IdClaims> verify_id_token(std::string_view token, const KeySet& keys,
                                 const IdTokenCheck& check);

}  // namespace rung::auth
