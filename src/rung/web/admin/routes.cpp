#include "rung/web/admin/routes.hpp"

#include <array>

#include "rung/web/admin/handlers.hpp"

namespace rung::web {

std::span<const Route> admin_routes() {
  using enum Method;
  using enum Kind;
  constexpr Access adm = Access::admin;
  namespace h = handlers;
  static const std::array table{
      Route{get, "/admin/people/import", "admin.import", adm, html, false, "", h::admin_import},
      Route{post, "/admin/people/import", "admin.import.upload", adm, html, false, "",
            h::admin_import_upload},
      Route{post, "/admin/people/import/apply", "admin.import.apply", adm, html, false, "",
            h::admin_import_apply},
      Route{get, "/admin/audit", "admin.audit", adm, html, false,
            "actor action subject since until before", h::admin_audit},
      Route{get, "/admin/users", "admin.users", adm, html, false, "", h::admin_users},
      Route{post, "/admin/users", "admin.users.add", adm, html, false, "", h::admin_users_add},
      Route{post, "/admin/users/invite", "admin.users.invite", adm, html, false, "",
            h::admin_users_invite},
      Route{post, "/admin/users/{id}/reset", "admin.users.reset", adm, html, false, "",
            h::admin_users_reset},
      Route{post, "/admin/users/{id}/disable", "admin.users.disable", adm, html, false, "",
            h::admin_users_disable},
      Route{post, "/admin/users/{id}/enable", "admin.users.enable", adm, html, false, "",
            h::admin_users_enable},
      Route{post, "/admin/users/{id}/delete", "admin.users.delete", adm, html, false, "",
            h::admin_users_delete},
      Route{get, "/api/v1/users", "api.users", adm, json, false, "", h::api_users},
      Route{post, "/api/v1/users/{id}/disable", "api.user.disable", adm, json, false, "",
            h::api_user_disable},
      Route{post, "/api/v1/users/{id}/enable", "api.user.enable", adm, json, false, "",
            h::api_user_enable},
      Route{post, "/api/v1/users/{id}/delete", "api.user.delete", adm, json, false, "",
            h::api_user_delete},
      Route{post, "/admin/tokens/{id}/revoke", "admin.tokens.revoke", adm, html, false, "",
            h::admin_tokens_revoke},
  };
  return table;
}

}  // namespace rung::web
