#include <string>

#include "rung/web/assets.hpp"
#include "rung/web/handlers.hpp"
#include "rung/web/url.hpp"
#include "rung/web/views.hpp"

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

Response overview(const Resources& resources, const Call& call) {
  const Json view = overview_view(resources.ladder, resources.links);
  return page(resources, call, 200, "overview", view);
}

Response track(const Resources& resources, const Call& call) {
  const model::Track* found = resources.ladder.find_track(call.param("id"));
  if (found == nullptr) {
    return not_found_page(resources, call.target.path);
  }
  const Json view = track_view(resources.ladder, *found, resources.links);
  return page(resources, call, 200, "track", view);
}

Response level(const Resources& resources, const Call& call) {
  const model::Level* found = resources.ladder.find_level(call.param("id"));
  if (found == nullptr) {
    return not_found_page(resources, call.target.path);
  }
  const Json view = level_view(resources.ladder, *found, resources.links, resources.similarity);
  return page(resources, call, 200, "level", view);
}

Response static_file(const Resources& resources, const Call& call) {
  const std::string name = "static/" + std::string(call.param("file"));
  const auto bytes = asset(name);
  if (!bytes) {
    return not_found_page(resources, call.target.path);
  }
  Response out = text_response(200, std::string(*bytes), content_type_of(name));
  // A URL that names the current version never changes; any other may, so it is revalidated.
  const bool versioned = query_value(call.target.query, "v") == resources.stylesheet_version;
  out.headers.set("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "no-cache");
  return out;
}

Response healthz(const Resources&, const Call&) {
  return text_response(200, "ok\n", "text/plain; charset=utf-8");
}

Response metrics(const Resources& resources, const Call&) {
  return text_response(200, resources.metrics ? resources.metrics() : std::string(),
                       "text/plain; version=0.0.4; charset=utf-8");
}

}  // namespace rung::web::handlers
