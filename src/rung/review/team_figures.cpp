#include "rung/review/team_figures.hpp"

#include <vector>

#include "rung/review/frozen.hpp"

namespace rung::review {

namespace {

LevelFigure figure_of(const store::Assessment& assessment, const Outcome& outcome) {
  LevelFigure out{assessment.id,
                  assessment.role,
                  outcome.level_id,
                  outcome.fit.met(),
                  outcome.fit.total(),
                  outcome.readiness.ready,
                  0,
                  0};
  for (const auto& area : outcome.readiness.areas) {
    out.blocking += area.blocking.size();
    out.missing += area.missing();
  }
  return out;
}

}  // namespace

void FigureCache::make_room(std::size_t more) const {
  if (m_figures.size() + m_flagged.size() + more > m_max_kept) {
    m_figures.clear();
    m_flagged.clear();
  }
}

Result<std::unordered_map<store::Id, LevelFigure>> FigureCache::figures(
    store::Reader& reader, const LadderVersions& versions,
    std::span<const store::Assessment* const> submitted) const {
  std::unordered_map<store::Id, LevelFigure> out;
  out.reserve(submitted.size());
  std::vector<const store::Assessment*> missing;
  {
    const std::lock_guard lock(m_mutex);
    for (const store::Assessment* a : submitted) {
      if (const auto kept = m_figures.find(a->id); kept != m_figures.end()) {
        out.emplace(a->id, kept->second);
      } else {
        missing.push_back(a);
      }
    }
  }
  // Computed outside the lock: a cold team must not stall the pages of warm ones.
  std::vector<LevelFigure> computed;
  computed.reserve(missing.size());
  for (const store::Assessment* a : missing) {
    RUNG_TRY_ASSIGN(const auto outcome, outcome_of(reader, versions, *a));
    computed.push_back(figure_of(*a, outcome));
  }
  const std::lock_guard lock(m_mutex);
  make_room(computed.size());
  for (auto& figure : computed) {
    if (m_figures.size() + m_flagged.size() < m_max_kept) {
      m_figures.emplace(figure.assessment, figure);
    }
    out.emplace(figure.assessment, std::move(figure));
  }
  return out;
}

Result<std::map<AssessmentPair, std::size_t>> FigureCache::flagged(
    store::Reader& reader, const model::Ladder& ladder,
    const std::map<AssessmentPair, std::string>& pairs) const {
  std::map<AssessmentPair, std::size_t> out;
  std::vector<std::pair<AssessmentPair, const model::Level*>> missing;
  {
    const std::lock_guard lock(m_mutex);
    for (const auto& [pair, level] : pairs) {
      if (const auto kept = m_flagged.find(pair); kept != m_flagged.end()) {
        out.emplace(pair, kept->second);
      } else if (const model::Level* found = ladder.find_level(level)) {
        missing.emplace_back(pair, found);
      }
    }
  }
  if (missing.empty()) {
    return out;
  }
  std::vector<store::Id> ids;
  for (const auto& [pair, level] : missing) {
    ids.push_back(pair.first);
    ids.push_back(pair.second);
  }
  RUNG_TRY_ASSIGN(const auto rows, reader.ratings_of_assessments(ids));
  std::unordered_map<store::Id, assess::Ratings> ratings;
  for (const store::Rating& row : rows) {
    ratings[row.assessment].emplace(row.statement, row.scale);
  }
  std::vector<std::pair<AssessmentPair, std::size_t>> computed;
  for (const auto& [pair, level] : missing) {
    std::size_t count = 0;
    for (const auto& row :
         side_by_side_rows(ladder, *level, ratings[pair.first], ratings[pair.second])) {
      count += row.flagged ? 1 : 0;
    }
    computed.emplace_back(pair, count);
  }
  const std::lock_guard lock(m_mutex);
  make_room(computed.size());
  for (const auto& [pair, count] : computed) {
    if (m_figures.size() + m_flagged.size() < m_max_kept) {
      m_flagged.emplace(pair, count);
    }
    out.emplace(pair, count);
  }
  return out;
}

}  // namespace rung::review
