#include "rung/web/shell/access.hpp"

#include <array>

#include "rung/auth/viewer.hpp"
#include "rung/people/org.hpp"
#include "rung/web/shell/body.hpp"

namespace rung::web {

bool allowed_before_password_change(const Route& route) {
  static constexpr std::array k_allowed{std::string_view("account"),
                                        std::string_view("account.password"),
                                        std::string_view("sign-out"), std::string_view("api.me")};
  return route.access == Access::anyone ||
         std::find(k_allowed.begin(), k_allowed.end(), route.name) != k_allowed.end();
}

bool may_see_person(const auth::Viewer& viewer, std::int64_t id, const people::Org* org) {
  if (viewer.admin()) {
    return true;
  }
  if (!viewer.person) {
    return false;
  }
  const std::int64_t own = viewer.person->id;
  return own == id || (org != nullptr && org->is_above(own, id));
}

Verdict check_access(const Route& route, const auth::Viewer* viewer, std::string_view person_id,
                     const AccessContext& context) {
  if (route.access == Access::anyone) {
    return Verdict::allow;
  }
  if (viewer != nullptr && viewer->account.must_change_password &&
      !allowed_before_password_change(route)) {
    return Verdict::change_password;
  }
  switch (route.access) {
    case Access::anyone:
      return Verdict::allow;
    case Access::ladder:
      return viewer != nullptr || context.public_ladder ? Verdict::allow : Verdict::sign_in;
    case Access::signed_in:
      return viewer != nullptr ? Verdict::allow : Verdict::sign_in;
    case Access::admin:
      if (viewer == nullptr) {
        return Verdict::sign_in;
      }
      return viewer->admin() ? Verdict::allow : Verdict::forbidden;
    case Access::person: {
      if (viewer == nullptr) {
        return Verdict::sign_in;
      }
      const auto id = parse_id(person_id);
      if (!id) {
        return Verdict::hidden;
      }
      return may_see_person(*viewer, *id, context.org) ? Verdict::allow : Verdict::hidden;
    }
  }
  return Verdict::sign_in;
}

}  // namespace rung::web
