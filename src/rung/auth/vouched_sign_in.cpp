// Sessions::sign_in_vouched (sessions.hpp): sign-in by the email an authenticating proxy or an
// OpenID Connect provider vouches for. Which requests may carry that email is the caller's
// decision (web/shell/proxy_auth.hpp, oidc.cpp).
#include <fmt/format.h>

#include "rung/auth/accounts.hpp"
#include "rung/auth/sessions.hpp"
#include "rung/auth/token.hpp"

namespace rung::auth {

Result<SignedIn> Sessions::sign_in_vouched(std::string_view email, std::string_view address,
                                           std::string_view via) {
  const store::Millis now = m_options.clock();
  const std::string login = normalize_login(email);
  RUNG_TRY(check_login(login));
  RUNG_TRY_ASSIGN(auto account, m_store.account_by_login(login));
  if (!account) {
    RUNG_TRY_ASSIGN(const auto person, m_store.person_by_email(login));
    if (!person) {
      return fail(ErrorKind::not_found, "auth.unknown-person",
                  fmt::format("your identity provider signed you in as {}, but Rung has no "
                              "person with that email",
                              login),
                  {},
                  "ask an admin: the people import may not have you yet, or under another email");
    }
    if (person->status == store::PersonStatus::left) {
      return fail(ErrorKind::forbidden, "auth.person-left",
                  "this account belongs to someone who has left; it can no longer sign in", {},
                  "ask an admin if this is a mistake");
    }
    // A password nobody knows: the account signs in through the proxy or provider (or, after an
    // admin's reset, with the one-time password).
    RUNG_TRY_ASSIGN(std::string hash, hash_password(new_token(), m_options.hash_cost));
    store::Account fresh;
    fresh.login = login;
    fresh.password_hash = std::move(hash);
    fresh.created_at = now;
    fresh.password_changed_at = now;
    RUNG_TRY(m_store.write([&](store::Writer& writer) -> Result<void> {
      RUNG_TRY_ASSIGN(const auto meanwhile, writer.account_by_login(login));
      if (meanwhile) {  // made by another request of the same person at the same time
        fresh = *meanwhile;
        return {};
      }
      return insert_account_with_audit(writer, fresh, via, now);
    }));
    account = std::move(fresh);
  }
  return start_session(*account, address, now, via);
}

}  // namespace rung::auth
