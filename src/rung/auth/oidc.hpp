#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "rung/auth/oidc_http.hpp"
#include "rung/auth/oidc_token.hpp"
#include "rung/auth/sessions.hpp"
#include "rung/core/clock.hpp"
#include "rung/core/error.hpp"
#include "rung/store/store.hpp"

// Native OpenID Connect sign-in (`rung serve --oidc-issuer ...`, docs/auth.md): the
// authorization code flow with PKCE (S256), state and nonce. begin() stores a LoginState (the
// digest of the state, the nonce, the PKCE verifier, where to go next) and gives the provider's
// URL to send the browser to; finish() takes that state back (once, within state_lifetime: on
// any instance, since it is in the store), exchanges the code, verifies the ID token
// (oidc_token.hpp) and signs the person of its email in as a proxy sign-in does
// (Sessions::sign_in_vouched, "via": "oidc").
namespace rung::auth {

struct OidcOptions {
  std::string issuer;         // --oidc-issuer: https (or http on loopback); no trailing '/'
  std::string client_id;      // --oidc-client-id
  std::string client_secret;  // read from --oidc-client-secret-file; never logged
  std::string redirect_url;   // --oidc-redirect-url: our /sign-in/oidc/callback as registered
  std::string name;           // the provider's name on the sign-in page ("Sign in with NAME")
  Fetch fetch = curl_fetch;   // HTTP to the provider (tests pass a fake)
  Clock clock = system_now;   // the time now
  std::chrono::milliseconds state_lifetime = std::chrono::minutes(10);  // begin to finish
  // Keys are fetched again on an unknown kid at most this often (a forged kid cannot make us
  // hammer the provider); the first time after start is not held back.
  std::chrono::milliseconds key_refresh_interval = std::chrono::minutes(1);
  long skew_seconds = 60;  // clock difference allowed on exp and iat
};

// Where the provider's endpoints are (its discovery document).
struct OidcEndpoints {
  std::string authorization;
  std::string token;
  std::string jwks;
  bool basic_auth = true;  // client_secret_basic (the default) or client_secret_post
};

struct OidcSignedIn {
  SignedIn signed_in;
  std::string next;  // the local page the sign-in began from
};

// Thread-safe. `store` and `sessions` must outlive it.
class Oidc {
 public:
  // Fetches the discovery document (issuer + "/.well-known/openid-configuration"; its
  // "issuer" must be exactly options.issuer) and the keys. Errors "oidc.unreachable",
  // "oidc.bad-discovery", "oidc.bad-jwks": `rung serve` does not start.
  static Result<std::unique_ptr<Oidc>> start(store::Store& store, Sessions& sessions,
                                             OidcOptions options);

  // A new sign-in: stores its state and returns the authorization URL to redirect to. `next`
  // must already be a safe local path.
  Result<std::string> begin(std::string_view next);

  // The browser is back with `code` and `state`. Errors (nothing written but the deletion of
  // the state and what a sign-in writes): "oidc.bad-state" (forbidden: unknown, used or
  // expired), "oidc.token-refused" (forbidden: the provider would not exchange the code),
  // "oidc.bad-token", "oidc.unknown-key" (forbidden), "oidc.no-email" (forbidden: no email, or
  // email_verified false), Sessions::sign_in_vouched's errors, "oidc.unreachable".
  Result<OidcSignedIn> finish(std::string_view code, std::string_view state,
                              std::string_view address);

  const OidcOptions& options() const { return m_options; }
  const OidcEndpoints& endpoints() const { return m_endpoints; }

 private:
  Oidc(store::Store& store, Sessions& sessions, OidcOptions options, OidcEndpoints endpoints,
       KeySet keys);
  Result<std::string> exchange(std::string_view code, std::string_view verifier);
  Result<IdClaims> verify(std::string_view id_token, const std::string& nonce);
  std::shared_ptr<const KeySet> keys() const;

  store::Store& m_store;
  Sessions& m_sessions;
  OidcOptions m_options;
  OidcEndpoints m_endpoints;
  mutable std::mutex m_keys_mutex;
  std::shared_ptr<const KeySet> m_keys;  // under m_keys_mutex
  Millis m_keys_refreshed_at = 0;        // the last refetch on an unknown kid (0: none yet)
};

// PKCE's S256 challenge of `verifier`: base64url(SHA-256(verifier)), no padding.
std::string pkce_challenge(std::string_view verifier);

}  // namespace rung::auth
