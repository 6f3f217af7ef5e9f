#pragma once

#include <string>

#include "rung/assess/fit.hpp"
#include "rung/assess/gaps.hpp"
#include "rung/assess/readiness.hpp"
#include "rung/model/ladder.hpp"

namespace rung::assess {

// Plain-text reports of the figures, for the terminal, golden tests and promotion packets.
// Each prints names from the ladder (area and level titles, scale names) and the statement ids
// behind every figure. Percentages are rounded down (79.6% shows as 79%, never as 80%).
// Deterministic; every line ends with '\n'. The ladder and ratings must be the ones the
// figures came from (they supply names, statement texts and current ratings).

// Per area: "met M of T (P%), R rated" and the ids met / not met (with their rating) / unrated;
// then the overall line.
std::string fit_text(const model::Ladder& ladder, const LevelFit& fit, const Ratings& ratings);

// "ready" / "not ready", the policy in words, then per area the count against the requirement
// and, for a blocked area, each blocking statement with its current rating and text.
std::string readiness_text(const model::Ladder& ladder, const Readiness& readiness,
                           const Ratings& ratings);

// A checklist: per area with gaps, its figure, then "[ ] id (now: rating) text" per gap.
std::string growth_plan_text(const model::Ladder& ladder, const GrowthPlan& plan);

// Helpers shared with the radar chart.
// The area's display name, or its id when the ladder has no such area.
std::string area_name(const model::Ladder& ladder, const std::string& area_id);
// "Consistently" for "consistently"; the id itself when it is not on the scale.
std::string scale_name(const model::Ladder& ladder, const std::string& scale_id);
// "Software Engineer II (swe-2)".
std::string level_name(const model::Ladder& ladder, const std::string& level_id);
// The policy share as a percentage for people: 0.8 -> "80%", 0.675 -> "67.5%".
std::string policy_percent(const model::Ladder& ladder);

}  // namespace rung::assess
