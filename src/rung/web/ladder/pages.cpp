#include <string>

#include "rung/html/views.hpp"
#include "rung/web/http/url.hpp"
#include "rung/web/ladder/handlers.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

Response overview(const Resources& resources, const Call& call) {
  const Json view = html::overview_view(resources.ladder, resources.links);
  return page(resources, call, 200, "overview", view);
}

Response track(const Resources& resources, const Call& call) {
  const model::Track* found = resources.ladder.find_track(call.param("id"));
  if (found == nullptr) {
    return not_found_page(resources, call.target.path);
  }
  const Json view = html::track_view(resources.ladder, *found, resources.links);
  return page(resources, call, 200, "track", view);
}

Response level(const Resources& resources, const Call& call) {
  const model::Level* found = resources.ladder.find_level(call.param("id"));
  if (found == nullptr) {
    return not_found_page(resources, call.target.path);
  }
  const Json view =
      html::level_view(resources.ladder, *found, resources.links, resources.similarity);
  return page(resources, call, 200, "level", view);
}

}  // namespace rung::web::handlers
