#include "rung/assess/gaps.hpp"

namespace rung::assess {

namespace {

AreaGaps area_gaps(const model::Ladder& ladder, const model::AreaStatements& area,
                   const Ratings& ratings) {
  AreaGaps result;
  result.area_id = area.area;
  result.total = area.statements.size();
  for (const model::Statement& statement : area.statements) {
    if (is_met(ladder, ratings, statement.id)) {
      ++result.met;
      continue;
    }
    const std::string* rating = rating_of(ratings, statement.id);
    result.gaps.push_back(Gap{statement.id, rating != nullptr ? *rating : std::string()});
  }
  return result;
}

}  // namespace

std::size_t GrowthPlan::gap_count() const {
  std::size_t count = 0;
  for (const AreaGaps& area : areas) {
    count += area.gaps.size();
  }
  return count;
}

Result<GrowthPlan> gaps(const model::Ladder& ladder, std::string_view target_level_id,
                        const Ratings& ratings) {
  RUNG_TRY_ASSIGN(const model::Level* level, model::require_level(ladder, target_level_id));
  GrowthPlan plan;
  plan.target_level_id = level->id;
  for (const model::AreaStatements& area : ladder.content_of(*level)) {
    AreaGaps area_plan = area_gaps(ladder, area, ratings);
    if (!area_plan.gaps.empty()) {
      plan.areas.push_back(std::move(area_plan));
    }
  }
  return plan;
}

}  // namespace rung::assess
