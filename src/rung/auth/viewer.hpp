#pragma once

#include <optional>

#include "rung/store/store.hpp"

namespace rung::auth {

// Who is making a request: their account, the person the account belongs to (the Person whose
// email equals the login; none for an admin who is not on the payroll) and the session the
// request came with, or for a request with an API token the token (then `session` is empty but
// for the account id, so no CSRF token matches it). A plain value, valid for one request;
// Sessions::viewer and api_tokens.hpp's find_token_viewer build it.
struct Viewer {
  store::Account account;
  std::optional<store::Person> person;
  store::Session session;
  std::optional<store::ApiToken> token;  // set for `Authorization: Bearer` requests

  // Whether the request came with an API token rather than a session cookie.
  bool by_token() const { return token.has_value(); }
  // A read-only API token: refused on every write.
  bool read_only() const { return token && token->read_only; }
  // Admins (and HR) may see and change everything.
  bool admin() const { return account.admin; }
};

}  // namespace rung::auth
