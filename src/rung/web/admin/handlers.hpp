#pragma once

#include "rung/auth/viewer.hpp"
#include "rung/web/http/router.hpp"
#include "rung/web/shell/resources.hpp"

// The handlers of web/admin/ (the admin pages: people import, users, the audit log). Private to
// this folder: only its own files include this header; the rest of web/ reaches them through
// admin_routes() (routes.hpp).
namespace rung::web::handlers {

Response admin_import(const Resources& resources, const Call& call);
Response admin_import_upload(const Resources& resources, const Call& call);
Response admin_import_apply(const Resources& resources, const Call& call);
Response admin_audit(const Resources& resources, const Call& call);
Response admin_users(const Resources& resources, const Call& call);
Response admin_users_add(const Resources& resources, const Call& call);
Response admin_users_invite(const Resources& resources, const Call& call);
Response admin_users_reset(const Resources& resources, const Call& call);
Response admin_users_disable(const Resources& resources, const Call& call);
Response admin_users_enable(const Resources& resources, const Call& call);
Response admin_users_delete(const Resources& resources, const Call& call);
Response admin_tokens_revoke(const Resources& resources, const Call& call);
Response api_users(const Resources& resources, const Call& call);
Response api_user_disable(const Resources& resources, const Call& call);
Response api_user_enable(const Resources& resources, const Call& call);
Response api_user_delete(const Resources& resources, const Call& call);

}  // namespace rung::web::handlers
