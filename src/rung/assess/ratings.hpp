#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"

namespace rung::assess {

// The ratings of one person: statement id -> id of a point on the ladder's scale
// ("swe-2-role-1" -> "consistently"). A statement that is not in the map is unrated.
// Statement ids are unique across the ladder, so one Ratings can hold ratings against several
// levels (the person's own and a target); fit() and readiness() look up only the statements of
// the level they are asked about. A plain value; the comparator allows lookups by string_view.
using Ratings = std::map<std::string, std::string, std::less<>>;

// The rating of a statement, or nullptr when it is unrated.
const std::string* rating_of(const Ratings& ratings, std::string_view statement_id);

// The score of a scale point, or nullopt when the id is not on the ladder's scale.
std::optional<int> score_of(const model::Ladder& ladder, std::string_view scale_id);

// The score a rating needs to count as met: that of readiness.met_at; nullopt when met_at is
// not on the scale (model::validate rules that out), in which case nothing counts as met.
std::optional<int> met_score(const model::Ladder& ladder);

// True when the statement is rated, the rating is on the scale and its score is at or above
// met_score(). Unrated statements and ratings not on the scale are not met.
bool is_met(const model::Ladder& ladder, const Ratings& ratings, std::string_view statement_id);

// The ids of the statements that describe a level, in area then document order. For a level
// that `shares` another (the manager "3/4" block) these are the shared level's statements.
std::vector<std::string> statement_ids_of(const model::Ladder& ladder, const model::Level& level);

// Checks that `scale_id` is a point of the ladder's scale. Error "assess.bad-rating" lists the
// scale's ids, with a "did you mean" hint when one is close.
Result<void> check_scale_point(const model::Ladder& ladder, std::string_view scale_id);

// Checks one rating before it is stored: the level exists ("ladder.unknown-level"), the
// statement belongs to that level, through `shares` for a shared level
// ("assess.unknown-statement", with a hint naming the level the statement belongs to, or else a
// close id of the level), and the rating is on the scale ("assess.bad-rating"). Errors carry no
// file location.
Result<void> check_rating(const model::Ladder& ladder, std::string_view level_id,
                          std::string_view statement_id, std::string_view scale_id);

}  // namespace rung::assess
