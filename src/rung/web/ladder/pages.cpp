#include <string>

#include "rung/html/views.hpp"
#include "rung/web/http/url.hpp"
#include "rung/web/ladder/handlers.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

// Marks the viewer's own level ("mine") wherever the overview lists it. The level is part of
// the ViewerShape the cache keys by, so the cached page stays right for every viewer.
void mark_own_level(Json& node, const std::string& level) {
  if (node.is_array()) {
    for (Json& item : node) {
      mark_own_level(item, level);
    }
    return;
  }
  if (!node.is_object()) {
    return;
  }
  for (auto& [key, value] : node.items()) {
    mark_own_level(value, level);
  }
  if (node.contains("id") && node.contains("url") && node["id"] == level) {
    node["mine"] = true;
  }
}

}  // namespace

Response overview(const Resources& resources, const Call& call) {
  Json view = html::overview_view(resources.ladder, resources.links);
  const std::string level = viewer_shape(resources, call.viewer).level;
  if (!level.empty() && resources.ladder.find_level(level) != nullptr) {
    mark_own_level(view["grid"], level);
    mark_own_level(view["track_list"], level);
    const model::Level* own = resources.ladder.find_level(level);
    view["own_level"] = Json{{"title", own->title}, {"url", resources.links.level(level)}};
  }
  return page(resources, call, 200, "overview", view);
}

Response track(const Resources& resources, const Call& call) {
  const model::Track* found = resources.ladder.find_track(call.param("id"));
  if (found == nullptr) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  const Json view = html::track_view(resources.ladder, *found, resources.links);
  return page(resources, call, 200, "track", view);
}

Response level(const Resources& resources, const Call& call) {
  const model::Level* found = resources.ladder.find_level(call.param("id"));
  if (found == nullptr) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  const Json view =
      html::level_view(resources.ladder, *found, resources.links, resources.similarity);
  return page(resources, call, 200, "level", view);
}

}  // namespace rung::web::handlers
