#include "rung/web/shell/bearer.hpp"

#include <string>

#include "rung/web/shell/resources.hpp"

namespace rung::web {

Bearer bearer_of(const Request& request) {
  std::optional<std::string_view> found;
  for (const auto& [name, value] : request.headers.fields()) {
    if (iequals(name, "Authorization")) {
      if (found) {
        return Bearer{BearerState::malformed, {}};
      }
      found = value;
    }
  }
  if (!found) {
    return Bearer{};
  }
  constexpr std::string_view k_scheme = "Bearer ";
  const std::string_view value = *found;
  if (value.size() <= k_scheme.size() || !iequals(value.substr(0, k_scheme.size()), k_scheme)) {
    return Bearer{BearerState::malformed, {}};
  }
  std::string_view token = value.substr(k_scheme.size());
  while (!token.empty() && token.front() == ' ') {
    token.remove_prefix(1);
  }
  while (!token.empty() && token.back() == ' ') {
    token.remove_suffix(1);
  }
  if (token.empty()) {
    return Bearer{BearerState::malformed, {}};
  }
  return Bearer{BearerState::present, token};
}

Response token_refused() {
  Response out = json_error(401, "invalid-token",
                            "The API token is not valid: it is malformed, unknown, expired or "
                            "revoked, or its account can no longer sign in.",
                            "make a new token on your account page (/account) or with `rung "
                            "token create`");
  out.headers.set("WWW-Authenticate",
                  std::string(k_bearer_challenge) + R"(, error="invalid_token")");
  out.headers.set("Cache-Control", "no-store");
  return out;
}

Response read_only_refused() {
  Response out = json_error(403, "read-only-token",
                            "This API token is read-only: it may read, but not change anything.",
                            "use a token made without read-only, or sign in");
  out.headers.set("Cache-Control", "no-store");
  return out;
}

}  // namespace rung::web
