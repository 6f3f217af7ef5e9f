#include <string>

#include <fmt/format.h>

#include "rung/review/service.hpp"
#include "rung/web/review/handlers.hpp"
#include "rung/web/review/json.hpp"
#include "rung/web/review/paths.hpp"
#include "rung/web/shell/body.hpp"
#include "rung/web/shell/http_errors.hpp"
#include "rung/web/shell/support.hpp"

// Review cycles under /api/v1/cycles: anyone signed in lists them (to pick one when starting an
// assessment); admins open and close them (the service checks that again).
namespace rung::web::handlers {

Response api_cycles(const Resources& resources, const Call&) {
  Json cycles = Json::array();
  for (const auto& cycle : unwrap(resources.review.cycles())) {
    cycles.push_back(cycle_json(cycle));
  }
  return json_response(200, Json{{"cycles", std::move(cycles)}});
}

Response api_open_cycle(const Resources& resources, const Call& call) {
  const Json& body = *call.json;
  const auto name = string_field(body, "name");
  const auto starts = string_field(body, "starts");
  const auto ends = string_field(body, "ends");
  const auto tracks = strings_field(body, "tracks");
  if (!name || !starts || !ends || (!tracks && !absent(body, "tracks"))) {
    return bad_body(R"({"name": "...", "starts": "YYYY-MM-DD", "ends": "YYYY-MM-DD", )"
                    R"("tracks": ["<track id>", ...] (optional: every track)})");
  }
  store::ReviewCycle cycle{0,
                           *name,
                           *starts,
                           *ends,
                           tracks.value_or(std::vector<std::string>{}),
                           store::CycleStatus::open};
  auto opened = resources.review.open_cycle(*call.viewer, std::move(cycle));
  if (!opened) {
    return review_json_error(opened.error());
  }
  return json_response(201, cycle_json(*opened));
}

Response api_close_cycle(const Resources& resources, const Call& call) {
  const auto id = parse_id(call.param("cycle"));
  if (!id) {
    return json_error(404, "not-found", fmt::format("no API resource at {}", call.target.path));
  }
  auto closed = resources.review.close_cycle(*call.viewer, *id);
  if (!closed) {
    return review_json_error(closed.error());
  }
  return json_response(200, cycle_json(*closed));
}

}  // namespace rung::web::handlers
