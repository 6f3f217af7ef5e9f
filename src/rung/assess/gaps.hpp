#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rung/assess/ratings.hpp"
#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"

namespace rung::assess {

// One statement of the target level that is not met yet.
struct Gap {
  std::string statement_id;
  std::string rating;  // the current rating's scale id; empty when unrated
};

// The gaps of one area. Unlike readiness blockers, an area lists its gaps even when it already
// meets the readiness policy: a growth plan is about every statement, not just the threshold.
struct AreaGaps {
  std::string area_id;
  std::size_t met = 0;    // statements of the area already met
  std::size_t total = 0;  // statements of the area
  std::vector<Gap> gaps;  // in document order
};

// A growth plan towards a target level: a checklist of its statements not met yet.
struct GrowthPlan {
  std::string target_level_id;
  std::vector<AreaGaps> areas;  // only areas with at least one gap, in the level's area order

  std::size_t gap_count() const;
};

// The gaps between `ratings` and a target level of any track (met means at or above the
// ladder's readiness.met_at; unrated counts as a gap). Error "ladder.unknown-level" for an
// unknown level. Pure; thread-safe.
Result<GrowthPlan> gaps(const model::Ladder& ladder, std::string_view target_level_id,
                        const Ratings& ratings);

}  // namespace rung::assess
