#pragma once

#include "rung/auth/viewer.hpp"
#include "rung/web/http/router.hpp"
#include "rung/web/shell/resources.hpp"

// The handlers of web/account/ (signing in and out, and the viewer's own account). Private to this
// folder: only its own files include this header; the rest of web/ reaches them through
// account_routes() (routes.hpp).
namespace rung::web::handlers {

Response sign_in(const Resources& resources, const Call& call);
Response sign_in_post(const Resources& resources, const Call& call);
// oidc_pages.cpp: to the OpenID Connect provider and back (404 when it is off).
Response sign_in_oidc(const Resources& resources, const Call& call);
Response sign_in_oidc_callback(const Resources& resources, const Call& call);
Response sign_out(const Resources& resources, const Call& call);
Response account(const Resources& resources, const Call& call);
Response account_password(const Resources& resources, const Call& call);
Response account_sign_out_everywhere(const Resources& resources, const Call& call);
Response account_tokens_create(const Resources& resources, const Call& call);
Response account_tokens_revoke(const Resources& resources, const Call& call);

// api_tokens.cpp: the viewer's tokens through the API.
Response api_tokens(const Resources& resources, const Call& call);
Response api_tokens_create(const Resources& resources, const Call& call);
Response api_token_revoke(const Resources& resources, const Call& call);

}  // namespace rung::web::handlers
