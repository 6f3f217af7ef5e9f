#pragma once

#include "rung/model/ladder.hpp"

namespace rung::bench {

// The built-in ladder with every track repeated `times` times (times >= 1): copy k (k = 2..times)
// gets "c<k>-" in front of every track, level, statement, `shares` and `refs` id, so the result
// is a valid ladder with `times` times the tracks, levels and statements and the same texts.
model::LadderData scaled_ladder_data(int times);

}  // namespace rung::bench
