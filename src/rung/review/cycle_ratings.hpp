#pragma once

#include <cstddef>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/review/raters.hpp"
#include "rung/review/snapshot.hpp"
#include "rung/store/store.hpp"

// The submitted ratings of one review cycle, read from the snapshots (never from drafts, the
// rating table or today's ladder), for the rater statistics of raters.hpp. Internal to
// rung::review and without authorization, like the promotion packet: review::Service::raters
// checks the viewer first; `rung raters` is the operator's.
namespace rung::review {

struct CycleRatings {
  // Every rating of every submitted assessment of the cycle, in submission order: a manager
  // assessment's ratings by its author_person (one without a person is skipped), a
  // self-assessment's by the person. Positions come from the scale of the snapshot's own
  // ladder version; a scale id that version lacks is skipped.
  std::vector<RaterRating> ratings;
  // The largest scale of the ladder versions read (`fallback`, the current ladder's size, when
  // there is no submitted assessment).
  std::size_t scale_size = 0;
};

// "review.not-found" for an unknown cycle; "review.bad-snapshot" for a snapshot that cannot be
// read; store errors. Reads every person's assessments (one read each) and the snapshots of
// the cycle's submitted ones.
Result<CycleRatings> cycle_ratings(store::Reader& reader, const LadderVersions& versions,
                                   store::Id cycle, std::size_t fallback_scale_size);

// cycle_ratings then rater_statistics.
Result<RaterReport> cycle_raters(store::Reader& reader, const LadderVersions& versions,
                                 store::Id cycle, std::size_t fallback_scale_size,
                                 const RaterOptions& options);

}  // namespace rung::review
