#pragma once

#include <vector>

#include "rung/model/ladder.hpp"

namespace rung::model {

// Rung's rating scale for ladders that do not declare one: not-yet (0), sometimes (1),
// consistently (2), role-model (3), each with a one-sentence description.
std::vector<ScalePoint> default_scale();

// Rung's readiness policy for ladders that do not declare one: met at "consistently",
// 80% of each area's statements.
Readiness default_readiness();

}  // namespace rung::model
