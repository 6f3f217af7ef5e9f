#pragma once

#include <optional>

#include "rung/store/store.hpp"

namespace rung::auth {

// Who is making a request: their account, the person the account belongs to (the Person whose
// email equals the login; none for an admin who is not on the payroll) and the session the
// request came with. A plain value, valid for one request; Sessions::viewer builds it.
struct Viewer {
  store::Account account;
  std::optional<store::Person> person;
  store::Session session;

  // Admins (and HR) may see and change everything.
  bool admin() const { return account.admin; }
};

}  // namespace rung::auth
