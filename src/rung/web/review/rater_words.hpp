#pragma once

#include <optional>
#include <string>

#include "rung/review/raters.hpp"

// The rater statistics in plain words, for the admin page (docs/raters.md says what each
// figure means). Steps are steps of the rating scale. Pure functions.
namespace rung::web::rater_words {

// "about half a step", "slightly", "about 1.5 steps": the size of a difference of `steps`.
std::string amount(double steps);

// A number with one decimal and a real minus sign: "0.4", "−0.2" (never "−0.0").
std::string one_decimal(double value);
// Two decimals with a sign: "+0.52", "−0.10", "0.00".
std::string signed_two(double value);

// One sentence per figure of a rater who is not hidden. `report` gives the organisation's
// figures and the thresholds.
std::string leniency(const review::RaterStats& rater);
std::string leniency_detail(const review::RaterStats& rater);  // "" when not estimated
std::string spread(const review::RaterStats& rater, const review::RaterReport& report);
std::string halo(const review::RaterStats& rater, const review::RaterReport& report);
std::string self_agreement(const review::RaterStats& rater, const review::RaterReport& report);
std::string self_gap(const review::RaterStats& rater);  // "" when there is no gap to tell

}  // namespace rung::web::rater_words
