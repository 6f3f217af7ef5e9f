#include "rung/web/account/routes.hpp"

#include <array>

#include "rung/web/account/handlers.hpp"

namespace rung::web {

std::span<const Route> account_routes() {
  using enum Method;
  using enum Kind;
  constexpr Access any = Access::anyone;
  constexpr Access in = Access::signed_in;
  namespace h = handlers;
  static const std::array table{
      Route{get, "/sign-in", "sign-in", any, html, false, "next", h::sign_in},
      Route{post, "/sign-in", "sign-in.post", any, html, false, "", h::sign_in_post},
      Route{get, "/sign-in/oidc", "sign-in.oidc", any, html, false, "next", h::sign_in_oidc},
      // The parameters providers add beside code and state (Keycloak: session_state, iss;
      // Google: scope, authuser, hd, prompt; errors: error, error_description, error_uri).
      Route{get, "/sign-in/oidc/callback", "sign-in.oidc.callback", any, html, false,
            "code state error error_description error_uri iss session_state scope authuser hd "
            "prompt",
            h::sign_in_oidc_callback},
      Route{post, "/sign-out", "sign-out", in, html, false, "", h::sign_out},
      Route{get, "/account", "account", in, html, false, "done next", h::account},
      Route{post, "/account/password", "account.password", in, html, false, "",
            h::account_password},
      Route{post, "/account/sign-out-everywhere", "account.sign-out-everywhere", in, html, false,
            "", h::account_sign_out_everywhere},
      Route{post, "/account/tokens", "account.tokens.create", in, html, false, "",
            h::account_tokens_create},
      Route{post, "/account/tokens/{id}/revoke", "account.tokens.revoke", in, html, false, "",
            h::account_tokens_revoke},
      Route{get, "/api/v1/me/tokens", "api.tokens", in, json, false, "", h::api_tokens},
      Route{post, "/api/v1/me/tokens", "api.tokens.create", in, json, false, "",
            h::api_tokens_create},
      Route{post, "/api/v1/tokens/{id}/revoke", "api.token.revoke", in, json, false, "",
            h::api_token_revoke},
  };
  return table;
}

}  // namespace rung::web
