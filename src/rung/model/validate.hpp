#pragma once

#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"

namespace rung::model {

// Checks the rules a ladder must obey before it can be used, and returns every violation with
// its location (data.source_file plus the element's SourceLoc), in document order:
// well-formed ids (lower-case letters, digits and '-'), unique ids (one set for tracks, levels,
// areas and statements: no two elements of any kind share one; scale points apart), area
// blocks that name declared areas at most once per level, grades on the general ladder,
// `shares` naming a level of the same track that has its own statements (and the sharing level
// having none), statement refs naming existing levels, a non-empty scale with strictly
// increasing scores, readiness.met_at on the scale and share_per_area in (0, 1], experience
// ranges with 0 <= min <= max, at least one track and one level per track. An empty result
// means the ladder is valid.
Errors validate(const LadderData& data);

// True when `id` is a well-formed id: [a-z0-9] runs joined by single '-'.
bool is_valid_id(std::string_view id);

}  // namespace rung::model
