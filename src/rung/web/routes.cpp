#include "rung/web/routes.hpp"

#include <vector>

#include "rung/web/account/routes.hpp"
#include "rung/web/admin/routes.hpp"
#include "rung/web/calibration/routes.hpp"
#include "rung/web/ladder/routes.hpp"
#include "rung/web/people/routes.hpp"
#include "rung/web/promotions/routes.hpp"
#include "rung/web/review/routes.hpp"
#include "rung/web/site/routes.hpp"
#include "rung/web/team/routes.hpp"

namespace rung::web {

std::span<const Route> routes() {
  static const std::vector<Route> table = [] {
    std::vector<Route> all;
    for (std::span<const Route> slice :
         {ladder_routes(), site_routes(), account_routes(), people_routes(), team_routes(),
          review_routes(), promotion_routes(), calibration_routes(), admin_routes()}) {
      all.insert(all.end(), slice.begin(), slice.end());
    }
    return all;
  }();
  return table;
}

}  // namespace rung::web
