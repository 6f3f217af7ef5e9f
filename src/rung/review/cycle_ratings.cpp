#include "rung/review/cycle_ratings.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <string>
#include <tuple>

#include <fmt/format.h>

#include "rung/review/rules.hpp"

namespace rung::review {

namespace {

bool in_cycle(const store::Assessment& a, store::Id cycle) {
  return a.cycle == cycle && a.status == store::AssessmentStatus::submitted;
}

// Scale id -> position in a ladder version's scale.
std::map<std::string, std::size_t, std::less<>> positions(const model::Ladder& ladder) {
  std::map<std::string, std::size_t, std::less<>> out;
  const auto& scale = ladder.data().scale;
  for (std::size_t i = 0; i < scale.size(); ++i) {
    out.emplace(scale[i].id, i);
  }
  return out;
}

}  // namespace

Result<CycleRatings> cycle_ratings(store::Reader& reader, const LadderVersions& versions,
                                   store::Id cycle, std::size_t fallback_scale_size) {
  RUNG_TRY_ASSIGN(const auto found, reader.cycle(cycle));
  if (!found) {
    return not_found(fmt::format("no review cycle with id {}", cycle));
  }
  std::vector<store::Assessment> submitted;
  RUNG_TRY_ASSIGN(const auto people, reader.people());
  for (const store::Person& person : people) {
    RUNG_TRY_ASSIGN(const auto all, reader.assessments_of(person.id));
    std::copy_if(all.begin(), all.end(), std::back_inserter(submitted),
                 [&](const store::Assessment& a) { return in_cycle(a, cycle); });
  }
  std::stable_sort(submitted.begin(), submitted.end(), [](const auto& a, const auto& b) {
    return std::tie(a.submitted_at, a.id) < std::tie(b.submitted_at, b.id);
  });
  CycleRatings out;
  std::map<const model::Ladder*, std::map<std::string, std::size_t, std::less<>>> scales;
  for (const store::Assessment& a : submitted) {
    const bool self = a.role == store::AuthorRole::self;
    if (!self && !a.author_person) {
      continue;
    }
    RUNG_TRY_ASSIGN(const auto snapshot, reader.snapshot(a.id));
    if (!snapshot) {
      return fail("review.bad-snapshot",
                  fmt::format("the submitted assessment {} has no snapshot", a.id));
    }
    RUNG_TRY_ASSIGN(const auto frozen, read_snapshot(reader, *snapshot, versions));
    auto scale = scales.find(frozen.ladder.get());
    if (scale == scales.end()) {
      scale = scales.emplace(frozen.ladder.get(), positions(*frozen.ladder)).first;
      out.scale_size = std::max(out.scale_size, scale->second.size());
    }
    for (const auto& [statement, scale_id] : frozen.ratings) {
      const auto position = scale->second.find(scale_id);
      if (position == scale->second.end()) {
        continue;
      }
      out.ratings.push_back(RaterRating{self ? a.person : *a.author_person, a.person, statement,
                                        self ? RatingRole::self : RatingRole::manager,
                                        position->second});
    }
  }
  if (out.scale_size == 0) {
    out.scale_size = fallback_scale_size;
  }
  return out;
}

Result<RaterReport> cycle_raters(store::Reader& reader, const LadderVersions& versions,
                                 store::Id cycle, std::size_t fallback_scale_size,
                                 const RaterOptions& options) {
  RUNG_TRY_ASSIGN(const auto collected,
                  cycle_ratings(reader, versions, cycle, fallback_scale_size));
  return rater_statistics(collected.ratings, collected.scale_size, options);
}

}  // namespace rung::review
