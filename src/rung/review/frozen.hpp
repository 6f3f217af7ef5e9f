#pragma once

#include <optional>
#include <unordered_map>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"
#include "rung/review/records.hpp"
#include "rung/review/snapshot.hpp"
#include "rung/store/store.hpp"

// Figures from stored assessments, shared by the service and the promotion packet (internal to
// rung::review; no authorization here: callers check it first).
namespace rung::review {

// Fit and readiness of a submitted assessment from its snapshot ("review.not-submitted"), its
// ladder version read through `versions`.
Result<Outcome> outcome_of(store::Reader& reader, const LadderVersions& versions,
                           const store::Assessment& assessment);

// The ratings of an assessment as the store holds them.
Result<assess::Ratings> ratings_of(store::Reader& reader, store::Id assessment);

// The latest submitted assessment of `role` for the person against `level`, if any.
std::optional<store::Assessment> latest_submitted(const std::vector<store::Assessment>& all,
                                                  store::AuthorRole role, const std::string& level);

// Per statement, the most recently submitted rating of the person (either role, any level).
Result<assess::Ratings> latest_ratings(store::Reader& reader, store::Id person);

// Assessments' ratings by assessment id.
using RatingsByAssessment = std::unordered_map<store::Id, assess::Ratings>;
RatingsByAssessment group_ratings(const std::vector<store::Rating>& rows);

// latest_ratings' rule over what was already read: per statement, the rating of the most
// recently submitted of `assessments` (by submitted_at; drafts skipped) that rates it, their
// ratings taken from `ratings`.
assess::Ratings latest_of(std::vector<const store::Assessment*> assessments,
                          const RatingsByAssessment& ratings);

// The side-by-side rows of `level` for the given ratings (either may be empty).
std::vector<SideBySideRow> side_by_side_rows(const model::Ladder& ladder, const model::Level& level,
                                             const assess::Ratings& self,
                                             const assess::Ratings& manager);

}  // namespace rung::review
