// The API of the viewer's own tokens: list, make (the token in the answer, once), revoke.
#include "rung/auth/api_tokens.hpp"

#include <fmt/format.h>

#include "rung/web/account/handlers.hpp"
#include "rung/web/shell/body.hpp"
#include "rung/web/shell/error_status.hpp"
#include "rung/web/shell/support.hpp"
#include "rung/web/shell/token_views.hpp"

namespace rung::web::handlers {

namespace {

constexpr std::string_view k_token_body_shape =
    R"({"name": string, "expires_days": integer 1-3650 (optional), "read_only": boolean )"
    "(optional)}";

Response token_error(const Error& error) {
  return json_error(http_status(error), error.code, error.message, error.hint);
}

}  // namespace

Response api_tokens(const Resources& resources, const Call& call) {
  const store::Millis now = resources.now();
  Json list = Json::array();
  for (const store::ApiToken& token :
       unwrap(resources.store.api_tokens_of(call.viewer->account.id))) {
    list.push_back(token_api_json(token, now));
  }
  return json_response(200, Json{{"tokens", std::move(list)}});
}

Response api_tokens_create(const Resources& resources, const Call& call) {
  const Json& body = *call.json;
  auth::TokenRequest request;
  const auto name = string_field(body, "name");
  const auto days = integer_field(body, "expires_days");
  const auto read_only = bool_field(body, "read_only");
  if (!name || (!days && !absent(body, "expires_days")) ||
      (!read_only && !absent(body, "read_only"))) {
    return bad_body(k_token_body_shape);
  }
  request.name = *name;
  if (days) {
    if (*days < 1 || *days > 100000) {
      return json_error(422, "auth.bad-token-expiry", "a token expires after 1 to 3650 days");
    }
    request.expires_days = static_cast<int>(*days);
  }
  request.read_only = read_only.value_or(false);
  auto made = auth::create_api_token(resources.store, call.viewer->account.login,
                                     call.viewer->account.id, request, resources.now());
  if (!made) {
    return token_error(made.error());
  }
  Json out = token_api_json(made->token, resources.now());
  out["token"] = made->secret;
  Response response = json_response(201, out);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

Response api_token_revoke(const Resources& resources, const Call& call) {
  const auto id = parse_id(call.param("id"));
  const auto token = id ? unwrap(resources.store.api_token(*id)) : std::nullopt;
  if (!token || !auth::may_manage_token(*call.viewer, *token)) {
    return json_error(404, "not-found", fmt::format("no API resource at {}", call.target.path));
  }
  auto revoked = auth::revoke_api_token(resources.store, call.viewer->account.login, token->id,
                                        resources.now());
  if (!revoked) {
    return token_error(revoked.error());
  }
  return json_response(200, token_api_json(*revoked, resources.now()));
}

}  // namespace rung::web::handlers
