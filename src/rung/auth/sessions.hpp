#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "rung/auth/password.hpp"
#include "rung/auth/throttle.hpp"
#include "rung/auth/viewer.hpp"
#include "rung/core/clock.hpp"
#include "rung/core/error.hpp"
#include "rung/store/store.hpp"

// Signing in and out, and finding who a session cookie belongs to.
//
// A session lives in the store (any instance can check it); the cookie carries a random token
// and the store keeps only its hash. A session ends when it has not been used for `idle`, or
// `absolute` after sign-in, whichever comes first. Every change is one Store::write together
// with its audit entry; no audit entry holds a password, hash or token.
//
// Failed sign-ins are counted in the store (throttle.hpp), so that several instances on one
// database throttle as one and a restart forgets nothing.
namespace rung::auth {

struct SessionOptions {
  std::chrono::milliseconds idle = std::chrono::hours(12);          // unused this long: ended
  std::chrono::milliseconds absolute = std::chrono::hours(7 * 24);  // after sign-in: ended
  // A session's last_seen_at is written at most this often (saves a write per request).
  std::chrono::milliseconds touch_granularity = std::chrono::seconds(60);
  int max_login_failures = 5;     // failed sign-ins of one login within the window
  int max_address_failures = 30;  // failed sign-ins from one address within the window
  std::chrono::milliseconds failure_window = std::chrono::minutes(15);
  // Cost of the hashes this object makes (changed and reset passwords, the dummy hash that
  // unknown logins are checked against). Tests use HashCost::test_minimum.
  HashCost hash_cost = HashCost::interactive;
  Clock clock = system_now;  // the time now; tests pass a fake
  // false (`rung serve --no-password-sign-in`, with sign-in through a proxy): sign_in refuses
  // every login but the first-run admin's ("admin"), so that the service stays reachable.
  bool password_sign_in = true;
};

struct SignedIn {
  std::string token;  // for the session cookie; the store keeps only its hash
  Viewer viewer;
};

// Thread-safe: one Sessions serves every request thread. `store` must outlive it.
class Sessions {
 public:
  Sessions(store::Store& store, SessionOptions options = {});

  // Checks the password and starts a session; audit "session.sign-in" (with the address) in
  // the same write as the session. `address` is the client's address, for throttling.
  // Errors: "auth.bad-credentials" (forbidden; the same for an unknown login and a wrong
  // password, which take the same time), "auth.throttled" (unavailable, with the wait in
  // whole seconds, at least 1, as Error::retry_after), "auth.person-left" (forbidden: right
  // password, but the account's person has left), "auth.password-sign-in-off" (forbidden:
  // options.password_sign_in is false and the login is not "admin"), "auth.account-disabled"
  // (forbidden: right password, but an admin disabled the account), store errors.
  Result<SignedIn> sign_in(std::string_view login, std::string_view password,
                           std::string_view address);

  // Starts a session for the person someone else vouches for by email (vouched_sign_in.cpp):
  // an authenticating proxy's header (`via` "proxy") or an OpenID Connect provider's ID token
  // ("oidc", oidc.hpp). The account whose login is that email, or, for a person the HRIS
  // import knows and who has no account yet, a new account (no usable password; audit
  // "account.create" by `via`). Audit "session.sign-in" with the address and "via": `via`.
  // Errors: "auth.unknown-person" (not_found: no account and no person with that email; no
  // account is made), "auth.person-left" (forbidden), "auth.account-disabled" (forbidden),
  // "auth.bad-login", store errors.
  Result<SignedIn> sign_in_vouched(std::string_view email, std::string_view address,
                                   std::string_view via);

  // Who holds `token`: nullopt for an unknown, malformed or expired token (an expired session
  // is deleted), for an account that is gone or disabled, and for a person who has left. Refreshes
  // the session's last_seen_at when it is older than touch_granularity; a failure of that refresh
  // is ignored (the session stays valid). A store error also gives nullopt (fails closed);
  // find_viewer returns it instead.
  std::optional<Viewer> viewer(std::string_view token);
  Result<std::optional<Viewer>> find_viewer(std::string_view token);

  // Ends this session; audit "session.sign-out".
  Result<void> sign_out(const Viewer& viewer);

  // Ends every session of the viewer's account, this one included; audit
  // "session.sign-out-everywhere". Returns how many sessions ended.
  Result<std::size_t> sign_out_everywhere(const Viewer& viewer);

  // Replaces the password after checking the current one (failures count toward the login's
  // throttle) and the policy (check_new_password; the new one must differ from the old);
  // clears must_change_password; ends the account's OTHER sessions; audit
  // "account.password-change". Errors: "auth.bad-credentials", "auth.throttled",
  // "auth.password-unchanged", the policy's errors, store errors.
  Result<void> change_password(const Viewer& viewer, std::string_view old_password,
                               std::string_view new_password);

  // An admin's reset: auth::reset_password (one-time password, must change it, every session
  // ended, audit by `actor`), and the login's throttled failures forgotten.
  Result<std::string> reset_password(std::string_view actor, store::Id account);

  // Whether `submitted` (a form field or header) is this session's CSRF token
  // (viewer.session.csrf_token), compared in constant time. Empty never matches.
  bool check_csrf(const Viewer& viewer, std::string_view submitted) const;

  const SessionOptions& options() const { return m_options; }

 private:
  Result<store::Account> check_credentials(const std::string& login, std::string_view password,
                                           const std::string& address, store::Millis now);
  Result<SignedIn> start_session(const store::Account& account, std::string_view address,
                                 store::Millis now, std::string_view via = "password");
  Result<store::Account> check_current_password(const Viewer& viewer, std::string_view password,
                                                store::Millis now);
  bool expired(const store::Session& session, store::Millis now) const;
  const std::string& dummy_hash();

  store::Store& m_store;
  SessionOptions m_options;
  Throttle m_throttle;
  std::once_flag m_dummy_once;
  std::string m_dummy_hash;
};

// The wait in whole seconds (at least 1) of an "auth.throttled" error (its retry_after);
// nullopt for any other.
std::optional<long> retry_after_seconds(const Error& error);

}  // namespace rung::auth
