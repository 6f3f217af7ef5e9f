#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rung/assess/fit.hpp"
#include "rung/assess/ratings.hpp"
#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"

namespace rung::assess {

// Readiness under the ladder's policy (model::Readiness): a person is ready for a level when,
// in every area of that level, at least `share_per_area` of the area's statements are met
// (rated at or above `met_at`). An unrated statement counts as not met: readiness is never
// granted for statements nobody has rated.
//
// The share is compared as a whole number of statements, `required` below: the least count k
// with k / total >= share_per_area, where the comparison allows 1e-9 of floating-point slack so
// that a share written as a decimal behaves as written (0.8 of 5 needs exactly 4, 0.7 of 10
// exactly 7, 0.8 of 4 needs 4 because 3 of 4 is 75%).

// How one area of the target level stands against the policy.
struct AreaReadiness {
  std::string area_id;
  std::size_t total = 0;     // statements in the area
  std::size_t met = 0;       // of them, met
  std::size_t required = 0;  // met statements the policy asks for (see above)
  // When the area falls short: every statement of the area not yet met, rated below met_at or
  // unrated, in document order; meeting any `missing()` of them clears the area.
  // Empty when the area already meets the policy.
  std::vector<std::string> blocking;

  bool ready() const { return met >= required; }
  std::size_t missing() const { return met >= required ? 0 : required - met; }
};

struct Readiness {
  std::string level_id;              // the target level
  bool ready = false;                // every area is ready (true for a level without statements)
  std::vector<AreaReadiness> areas;  // in the level's area order
  LevelFit fit;                      // the figures readiness was computed from

  // The areas that block readiness, in order.
  std::vector<const AreaReadiness*> blocked_areas() const;
};

// The statements a share of `total` asks for, as described above; 0 when total is 0.
std::size_t required_met(std::size_t total, double share_per_area);

// Readiness of `ratings` for a target level of any track. Error "ladder.unknown-level" when the
// level does not exist. Pure; thread-safe.
Result<Readiness> readiness(const model::Ladder& ladder, std::string_view target_level_id,
                            const Ratings& ratings);

// The next level in the same track (by the track's order, lowest first); nullptr at the top of
// the track. Error "ladder.unknown-level" for an unknown id.
Result<const model::Level*> next_level(const model::Ladder& ladder, std::string_view level_id);

}  // namespace rung::assess
