#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <span>
#include <unordered_map>
#include <utility>

#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"
#include "rung/review/snapshot.hpp"
#include "rung/review/team.hpp"
#include "rung/store/store.hpp"

// The figures of submitted assessments that team readiness shows, computed once and kept.
// Internal to rung::review (the Service holds one).
namespace rung::review {

// A submitted self and manager assessment of one level: the pair side by side compares.
using AssessmentPair = std::pair<store::Id, store::Id>;  // {self, manager}

// Fit and readiness of each submitted assessment (from its snapshot, as outcome_of computes
// them) and the flagged count of each self/manager pair (side_by_side_rows against the current
// ladder, as the side-by-side page counts it), each computed the first time it is asked for and
// then kept: a snapshot, its ladder version and a submitted assessment's ratings never change,
// so a kept figure is never stale, and a team's page reads no snapshot it has read before.
// At most `max_kept` figures and pairs are kept; past that everything kept is dropped and
// computed again on demand. Thread-safe.
class FigureCache {
 public:
  explicit FigureCache(std::size_t max_kept) : m_max_kept(max_kept) {}

  // The figure of every assessment in `submitted` (each must be submitted), by id.
  Result<std::unordered_map<store::Id, LevelFigure>> figures(
      store::Reader& reader, const LadderVersions& versions,
      std::span<const store::Assessment* const> submitted) const;

  // The flagged count of every pair, against `ladder`'s level `level_of(pair)`. A pair whose
  // level the ladder no longer has is left out.
  Result<std::map<AssessmentPair, std::size_t>> flagged(
      store::Reader& reader, const model::Ladder& ladder,
      const std::map<AssessmentPair, std::string>& pairs) const;

 private:
  void make_room(std::size_t more) const;  // caller holds m_mutex

  std::size_t m_max_kept;
  mutable std::mutex m_mutex;
  mutable std::unordered_map<store::Id, LevelFigure> m_figures;
  mutable std::map<AssessmentPair, std::size_t> m_flagged;
};

}  // namespace rung::review
