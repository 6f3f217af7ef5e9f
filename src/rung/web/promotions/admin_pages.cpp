// The admin's list of a cycle's promotion cases, with a decide form on each undecided case
// (it posts to the case's decision form and comes back here) and the form that publishes the
// cycle's decisions.
#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "rung/review/service.hpp"
#include "rung/web/promotions/handlers.hpp"
#include "rung/web/promotions/views.hpp"
#include "rung/web/shell/body.hpp"
#include "rung/web/shell/error_status.hpp"
#include "rung/web/shell/gate.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

Response cases_page(const Resources& resources, const Call& call, store::Id cycle_id, int status,
                    std::string error) {
  auto cases = resources.review.cases_in_cycle(*call.viewer, cycle_id);
  if (!cases) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  const auto cycles = unwrap(resources.review.cycles());
  const auto cycle = std::find_if(cycles.begin(), cycles.end(),
                                  [&](const store::ReviewCycle& c) { return c.id == cycle_id; });
  if (cycle == cycles.end()) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  Json view =
      admin_view(resources, call, fmt::format("Promotion cases of {}", cycle->name), "cycles");
  view.update(cycle_cases_view(resources, *call.viewer, *cycle, *cases));
  view["error"] = std::move(error);
  return page(resources, call, status, "cycle_cases", std::move(view));
}

}  // namespace

Response admin_cycle_cases(const Resources& resources, const Call& call) {
  return cases_page(resources, call, parse_id(call.param("cycle")).value_or(0), 200, "");
}

Response admin_cycle_publish(const Resources& resources, const Call& call) {
  const store::Id cycle = parse_id(call.param("cycle")).value_or(0);
  auto published = resources.review.publish_cycle(*call.viewer, cycle);
  if (!published) {
    const int status = http_status(published.error());
    if (status == 404) {
      return not_found_page(resources, call.target.path, call.viewer);
    }
    return cases_page(resources, call, cycle, status, published.error().message);
  }
  return redirect(fmt::format("/admin/cycles/{}/cases", cycle));
}

}  // namespace rung::web::handlers
