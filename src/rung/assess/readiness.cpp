#include "rung/assess/readiness.hpp"

#include <algorithm>
#include <cmath>
#include <span>

namespace rung::assess {

namespace {

constexpr double k_slack = 1e-9;

// `statements` is the ladder's text of the area `area` was computed from, for document order.
AreaReadiness area_readiness(const model::AreaStatements& statements, const AreaFit& area,
                             double share_per_area) {
  AreaReadiness result;
  result.area_id = area.area_id;
  result.total = area.total();
  result.met = area.met.size();
  result.required = required_met(result.total, share_per_area);
  if (result.ready()) {
    return result;
  }
  for (const model::Statement& statement : statements.statements) {
    if (std::find(area.met.begin(), area.met.end(), statement.id) == area.met.end()) {
      result.blocking.push_back(statement.id);
    }
  }
  return result;
}

}  // namespace

std::vector<const AreaReadiness*> Readiness::blocked_areas() const {
  std::vector<const AreaReadiness*> blocked;
  for (const AreaReadiness& area : areas) {
    if (!area.ready()) {
      blocked.push_back(&area);
    }
  }
  return blocked;
}

std::size_t required_met(std::size_t total, double share_per_area) {
  if (total == 0 || share_per_area <= 0.0) {
    return 0;
  }
  const double exact = share_per_area * static_cast<double>(total);
  const auto needed = static_cast<std::size_t>(std::ceil(exact - k_slack));
  return needed < total ? needed : total;
}

Result<Readiness> readiness(const model::Ladder& ladder, std::string_view target_level_id,
                            const Ratings& ratings) {
  RUNG_TRY_ASSIGN(LevelFit level_fit, fit(ladder, target_level_id, ratings));
  Readiness result;
  result.level_id = level_fit.level_id;
  result.ready = true;
  const double share = ladder.data().readiness.share_per_area;
  const model::Level* level = ladder.find_level(level_fit.level_id);
  const std::span<const model::AreaStatements> content = ladder.content_of(*level);
  for (std::size_t i = 0; i < level_fit.areas.size(); ++i) {
    result.areas.push_back(area_readiness(content[i], level_fit.areas[i], share));
    result.ready = result.ready && result.areas.back().ready();
  }
  result.fit = std::move(level_fit);
  return result;
}

Result<const model::Level*> next_level(const model::Ladder& ladder, std::string_view level_id) {
  RUNG_TRY(model::require_level(ladder, level_id));
  return ladder.next_level(level_id);
}

}  // namespace rung::assess
