#include "rung/web/shell/token_views.hpp"

#include "rung/core/ago.hpp"
#include "rung/core/utc.hpp"
#include "rung/render/dates.hpp"

namespace rung::web {

namespace {

Json time_or_null(store::Millis at) {
  return at == 0 ? Json(nullptr) : Json(format_utc(at));
}

}  // namespace

std::string_view token_status(const store::ApiToken& token, store::Millis now) {
  if (token.revoked_at != 0) {
    return "revoked";
  }
  if (token.expires_at != 0 && now >= token.expires_at) {
    return "expired";
  }
  return "active";
}

Json token_row(const store::ApiToken& token, store::Millis now, std::string revoke_url) {
  const std::string_view status = token_status(token, now);
  Json row{{"name", token.name},
           {"access", token.read_only ? "read-only" : "read and write"},
           {"created", ago(token.created_at, now)},
           {"last_used", token.last_used_at == 0 ? "never" : ago(token.last_used_at, now)},
           {"expires", token.expires_at == 0 ? "never" : render::date_text(token.expires_at)},
           {"status", status},
           {"active", status == "active"}};
  if (status == "active") {
    row["revoke_url"] = std::move(revoke_url);
  }
  return row;
}

Json token_api_json(const store::ApiToken& token, store::Millis now) {
  return Json{{"id", token.id},
              {"name", token.name},
              {"read_only", token.read_only},
              {"created_at", format_utc(token.created_at)},
              {"expires_at", time_or_null(token.expires_at)},
              {"last_used_at", time_or_null(token.last_used_at)},
              {"revoked_at", time_or_null(token.revoked_at)},
              {"status", token_status(token, now)}};
}

}  // namespace rung::web
