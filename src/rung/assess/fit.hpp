#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rung/assess/ratings.hpp"
#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"

namespace rung::assess {

// How one area of a level stands. Every figure is the size of a list of statement ids, so a
// figure can always be explained by the statements behind it. Each list keeps document order;
// together they hold every statement of the area exactly once.
struct AreaFit {
  std::string area_id;
  std::vector<std::string> met;      // rated at or above readiness.met_at
  std::vector<std::string> not_met;  // rated below met_at (or with a rating not on the scale)
  std::vector<std::string> unrated;  // no rating at all

  std::size_t total() const { return met.size() + not_met.size() + unrated.size(); }
  std::size_t rated() const { return met.size() + not_met.size(); }
  // met / total, in [0, 1]; 1 for an area without statements (nothing is missing).
  double share_met() const;
};

// How a person's ratings fit one level: per area in the level's own area order (the ladder
// author's order for that level, not the ladder-wide list), and overall.
struct LevelFit {
  std::string level_id;          // the level asked about
  std::string content_level_id;  // whose statements were used: level_id, or the one it shares
  std::vector<AreaFit> areas;

  std::size_t total() const;
  std::size_t met() const;
  std::size_t rated() const;
  // met() / total(); 1 for a level without statements.
  double share_met() const;
};

// The fit of `ratings` against a level. Ratings of statements outside the level are ignored.
// Error "ladder.unknown-level" when there is no such level. Pure; thread-safe.
Result<LevelFit> fit(const model::Ladder& ladder, std::string_view level_id,
                     const Ratings& ratings);

// floor(100 * part / whole) computed in integers, so that 79.6% never shows as 80%;
// 100 when whole is 0.
int percent_floor(std::size_t part, std::size_t whole);

}  // namespace rung::assess
