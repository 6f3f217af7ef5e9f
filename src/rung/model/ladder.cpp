#include "rung/model/ladder.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::model {

std::string_view to_string(Family family) {
  switch (family) {
    case Family::individual_contributor:
      return "individual-contributor";
    case Family::manager:
      return "manager";
  }
  return "individual-contributor";
}

std::optional<Family> parse_family(std::string_view text) {
  if (text == "individual-contributor") {
    return Family::individual_contributor;
  }
  if (text == "manager") {
    return Family::manager;
  }
  return std::nullopt;
}

void strip_locations(LadderData& data) {
  data.source_file.clear();
  data.readiness.loc = {};
  for (auto& area : data.areas) {
    area.loc = {};
  }
  for (auto& point : data.scale) {
    point.loc = {};
  }
  for (auto& track : data.tracks) {
    track.loc = {};
    for (auto& level : track.levels) {
      level.loc = {};
      if (level.experience) {
        level.experience->loc = {};
      }
      for (auto& block : level.areas) {
        block.loc = {};
        for (auto& statement : block.statements) {
          statement.loc = {};
        }
      }
    }
  }
}

Ladder::Ladder(LadderData data) : m_data(std::move(data)) {
  build_indexes();
}

void Ladder::build_indexes() {
  for (std::size_t a = 0; a < m_data.areas.size(); ++a) {
    m_areas.emplace(m_data.areas[a].id, a);
  }
  for (std::size_t t = 0; t < m_data.tracks.size(); ++t) {
    const Track& track = m_data.tracks[t];
    m_tracks.emplace(track.id, t);
    for (std::size_t l = 0; l < track.levels.size(); ++l) {
      const Level& level = track.levels[l];
      m_levels.emplace(level.id, LevelPos{t, l});
      for (std::size_t a = 0; a < level.areas.size(); ++a) {
        const auto& statements = level.areas[a].statements;
        for (std::size_t s = 0; s < statements.size(); ++s) {
          m_statements.emplace(statements[s].id, StatementPos{{t, l}, a, s});
        }
      }
    }
  }
}

const Track* Ladder::find_track(std::string_view id) const {
  auto it = m_tracks.find(id);
  return it == m_tracks.end() ? nullptr : &m_data.tracks[it->second];
}

std::optional<LevelPos> Ladder::level_pos(std::string_view level_id) const {
  auto it = m_levels.find(level_id);
  if (it == m_levels.end()) {
    return std::nullopt;
  }
  return it->second;
}

const Level* Ladder::find_level(std::string_view id) const {
  auto pos = level_pos(id);
  return pos ? &m_data.tracks[pos->track].levels[pos->level] : nullptr;
}

const Area* Ladder::find_area(std::string_view id) const {
  auto it = m_areas.find(id);
  return it == m_areas.end() ? nullptr : &m_data.areas[it->second];
}

const Statement* Ladder::find_statement(std::string_view id) const {
  auto it = m_statements.find(id);
  if (it == m_statements.end()) {
    return nullptr;
  }
  const StatementPos& pos = it->second;
  return &m_data.tracks[pos.level.track]
              .levels[pos.level.level]
              .areas[pos.area]
              .statements[pos.statement];
}

const Track* Ladder::track_of(std::string_view level_id) const {
  auto pos = level_pos(level_id);
  return pos ? &m_data.tracks[pos->track] : nullptr;
}

const Level* Ladder::level_of_statement(std::string_view statement_id) const {
  auto it = m_statements.find(statement_id);
  if (it == m_statements.end()) {
    return nullptr;
  }
  const LevelPos& pos = it->second.level;
  return &m_data.tracks[pos.track].levels[pos.level];
}

std::span<const AreaStatements> Ladder::content_of(const Level& level) const {
  if (level.shares.empty()) {
    return level.areas;
  }
  const Level* shared = find_level(level.shares);
  // Validation rejects chains and dangling references; stop at one hop regardless.
  return shared != nullptr ? std::span<const AreaStatements>(shared->areas)
                           : std::span<const AreaStatements>(level.areas);
}

const Level* Ladder::next_level(std::string_view level_id) const {
  auto pos = level_pos(level_id);
  if (!pos) {
    return nullptr;
  }
  const Track& track = m_data.tracks[pos->track];
  return pos->level + 1 < track.levels.size() ? &track.levels[pos->level + 1] : nullptr;
}

std::optional<std::size_t> Ladder::grade_index(std::string_view grade) const {
  const auto& grades = m_data.general.grades;
  auto it = std::find(grades.begin(), grades.end(), grade);
  if (it == grades.end()) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(it - grades.begin());
}

std::vector<std::string> Ladder::level_ids() const {
  std::vector<std::string> ids;
  for (const auto& track : m_data.tracks) {
    for (const auto& level : track.levels) {
      ids.push_back(level.id);
    }
  }
  return ids;
}

Result<const Level*> require_level(const Ladder& ladder, std::string_view id) {
  if (const Level* level = ladder.find_level(id)) {
    return level;
  }
  const std::vector<std::string> ids = ladder.level_ids();
  std::string hint;
  if (auto close = closest_match(id, ids)) {
    hint = fmt::format("did you mean '{}'?", *close);
  }
  return fail(ErrorKind::not_found, "ladder.unknown-level",
              fmt::format("no level '{}'; levels are: {}", id, join(ids)), {}, std::move(hint));
}

}  // namespace rung::model
