#include "rung/assess/fit.hpp"

namespace rung::assess {

namespace {

double share(std::size_t part, std::size_t whole) {
  return whole == 0 ? 1.0 : static_cast<double>(part) / static_cast<double>(whole);
}

AreaFit area_fit(const model::Ladder& ladder, const model::AreaStatements& area,
                 const Ratings& ratings) {
  AreaFit result;
  result.area_id = area.area;
  for (const model::Statement& statement : area.statements) {
    if (rating_of(ratings, statement.id) == nullptr) {
      result.unrated.push_back(statement.id);
    } else if (is_met(ladder, ratings, statement.id)) {
      result.met.push_back(statement.id);
    } else {
      result.not_met.push_back(statement.id);
    }
  }
  return result;
}

}  // namespace

double AreaFit::share_met() const {
  return share(met.size(), total());
}

std::size_t LevelFit::total() const {
  std::size_t sum = 0;
  for (const AreaFit& area : areas) {
    sum += area.total();
  }
  return sum;
}

std::size_t LevelFit::met() const {
  std::size_t sum = 0;
  for (const AreaFit& area : areas) {
    sum += area.met.size();
  }
  return sum;
}

std::size_t LevelFit::rated() const {
  std::size_t sum = 0;
  for (const AreaFit& area : areas) {
    sum += area.rated();
  }
  return sum;
}

double LevelFit::share_met() const {
  return share(met(), total());
}

Result<LevelFit> fit(const model::Ladder& ladder, std::string_view level_id,
                     const Ratings& ratings) {
  RUNG_TRY_ASSIGN(const model::Level* level, model::require_level(ladder, level_id));
  LevelFit result;
  result.level_id = level->id;
  const bool shared = !level->shares.empty() && ladder.find_level(level->shares) != nullptr;
  result.content_level_id = shared ? level->shares : level->id;
  for (const model::AreaStatements& area : ladder.content_of(*level)) {
    result.areas.push_back(area_fit(ladder, area, ratings));
  }
  return result;
}

int percent_floor(std::size_t part, std::size_t whole) {
  return whole == 0 ? 100 : static_cast<int>(part * 100 / whole);
}

}  // namespace rung::assess
