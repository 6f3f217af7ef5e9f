#include "rung/web/site/handlers.hpp"

#include <string>

#include "rung/html/assets.hpp"

namespace rung::web::handlers {

namespace {

std::string_view content_type_of(std::string_view file) {
  if (file.ends_with(".css")) {
    return "text/css; charset=utf-8";
  }
  if (file.ends_with(".js")) {
    return "text/javascript; charset=utf-8";
  }
  if (file.ends_with(".svg")) {
    return "image/svg+xml";
  }
  return "application/octet-stream";
}

}  // namespace

Response static_file(const Resources& resources, const Call& call) {
  const std::string name = "static/" + std::string(call.param("file"));
  const auto bytes = html::asset(name);
  if (!bytes) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  Response out = text_response(200, std::string(*bytes), content_type_of(name));
  // A URL that names the current version never changes; any other may, so it is revalidated.
  const bool versioned = query_value(call.target.query, "v") == resources.stylesheet_version;
  out.headers.set("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "no-cache");
  return out;
}

// "ok" first (what load balancers look for), then the ladder served and, when the last reload
// failed, why: the server still serves the ladder it had.
Response healthz(const Resources& resources, const Call&) {
  return text_response(200, resources.health ? resources.health() : std::string("ok\n"),
                       "text/plain; charset=utf-8");
}

Response metrics(const Resources& resources, const Call&) {
  return text_response(200, resources.metrics ? resources.metrics() : std::string(),
                       "text/plain; version=0.0.4; charset=utf-8");
}

Response api_openapi(const Resources&, const Call&) {
  Response out = json_response(200, Json::object());
  out.body = std::string(html::asset("openapi.json").value_or("{}"));
  return out;
}

}  // namespace rung::web::handlers
