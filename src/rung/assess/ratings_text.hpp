#pragma once

#include <string>
#include <string_view>

#include "rung/assess/ratings.hpp"
#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"

namespace rung::assess {

// A plain-text ratings file, one rating per line:
//   # Alex, self-assessment, 2026 H2       <- '#' starts a comment line
//   swe-2-role-1: consistently             <- statement id ':' scale point id
// Blank lines and comment lines are skipped; white space around either id is ignored.
//
// Every problem is reported, each at file:line:col (columns count bytes, 1-based):
//   "assess.bad-line"          a line without ':', or with no id before it or no rating after
//   "assess.duplicate-rating"  a statement rated twice (the hint gives the first line)
//   "assess.unknown-statement" an id that is no statement of the ladder (did-you-mean hint)
//   "assess.bad-rating"        a rating not on the ladder's scale (lists the scale)
// On any error no Ratings are returned.
Results<Ratings> parse_ratings(std::string_view text, std::string_view file_name,
                               const model::Ladder& ladder);

// The ratings in the same format, one line per statement in id order; parse_ratings reads it
// back to equal Ratings.
std::string ratings_to_text(const Ratings& ratings);

}  // namespace rung::assess
