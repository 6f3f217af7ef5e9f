#pragma once

#include <string_view>

#include "rung/web/http/router.hpp"

namespace rung::people {
class Org;
}

// The one place that decides whether a viewer may call a route (router.hpp Access). App::route
// asks it before any handler runs and before the response cache is looked at; handlers can
// rely on the decision and only narrow what they show (the people directory lists whom the
// viewer may see).
namespace rung::web {

enum class Verdict {
  allow,
  sign_in,          // 401: nobody is signed in (HTML: the sign-in page; API: a JSON error)
  forbidden,        // 403: signed in, but not an admin
  hidden,           // 404: a person the viewer may not see, answered as if there were none
  change_password,  // the account must change its password before anything else
};

struct AccessContext {
  bool public_ladder = false;        // --public-ladder: anonymous viewers may read the ladder
  const people::Org* org = nullptr;  // the reporting lines, for Access::person
};

Verdict check_access(const Route& route, const auth::Viewer* viewer, std::string_view person_id,
                     const AccessContext& context);

// Whether `viewer` may see person `id`: themselves, someone below them, or anyone for an admin.
bool may_see_person(const auth::Viewer& viewer, std::int64_t id, const people::Org* org);

// Routes an account that must change its password may still use (its account page, the
// password form, sign-out).
bool allowed_before_password_change(const Route& route);

}  // namespace rung::web
