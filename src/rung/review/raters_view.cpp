// Reading the rater statistics of a cycle.
#include <fmt/format.h>

#include "rung/review/cycle_ratings.hpp"
#include "rung/review/rules.hpp"
#include "rung/review/service.hpp"

namespace rung::review {

Result<RaterReport> Service::raters(const auth::Viewer& viewer, store::Id cycle) {
  if (!viewer.admin()) {
    return forbidden(fmt::format("only admins see rater statistics, not {}", viewer.account.login));
  }
  RaterOptions options;
  options.min_people = m_options.min_group_people;
  return cycle_raters(m_store, m_versions, cycle, m_ladder.data().scale.size(), options);
}

}  // namespace rung::review
