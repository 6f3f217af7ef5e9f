#include "rung/importer/reconcile.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "rung/importer/ids.hpp"
#include "rung/importer/statement_match.hpp"

namespace rung::importer {

namespace {

using model::LadderData;
using model::Statement;
using IdMap = std::map<std::string, std::string, std::less<>>;

// The k of "<prefix><k>", or nullopt when `id` has another shape.
std::optional<int> suffix_number(std::string_view id, std::string_view prefix) {
  if (!id.starts_with(prefix) || id.size() == prefix.size()) {
    return std::nullopt;
  }
  std::string_view digits = id.substr(prefix.size());
  int value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size()) {
    return std::nullopt;
  }
  return value;
}

std::string_view area_name(const LadderData& data, std::string_view area_id) {
  for (const auto& area : data.areas) {
    if (area.id == area_id) {
      return area.name;
    }
  }
  return {};
}

int count_statements(const LadderData& data) {
  std::size_t count = 0;
  for (const auto& track : data.tracks) {
    for (const auto& level : track.levels) {
      for (const auto& block : level.areas) {
        count += block.statements.size();
      }
    }
  }
  return static_cast<int>(count);
}

class Reconciler {
 public:
  Reconciler(LadderData fresh, const LadderData& previous, const ReconcileOptions& options)
      : m_out{std::move(fresh), {}, {}}, m_previous(previous), m_options(options) {}

  Reconciled run() {
    map_tracks_and_levels();
    map_areas();
    match_all_statements();
    number_new_statements();
    carry_ladder_decisions();
    return std::move(m_out);
  }

 private:
  const model::Track* previous_track(std::string_view name) const {
    for (const auto& track : m_previous.tracks) {
      if (track.name == name) {
        return &track;
      }
    }
    return nullptr;
  }

  void note(model::SourceLoc loc, std::string message) {
    m_out.notes.push_back(
        Note{Location{m_out.ladder.source_file, loc.line, loc.column}, std::move(message)});
  }

  void map_tracks_and_levels();
  void map_level(const std::string& track_id, model::Level& level, const model::Track* before,
                 IdSet& taken);
  void remap_level_references();
  void map_areas();
  const model::AreaStatements* previous_block(const std::string& level_id,
                                              const std::string& area_id) const;
  void match_all_statements();
  void carry_refs(Statement& statement, const Statement& previous);
  void number_new_statements();
  void carry_ladder_decisions();

  Reconciled m_out;
  const LadderData& m_previous;
  const ReconcileOptions& m_options;
  IdMap m_level_ids;  // fresh level id -> final level id
  std::map<std::string, const model::Level*, std::less<>> m_previous_level;  // by final id
  std::set<const Statement*> m_new_statements;  // unmatched: still to be numbered
};

void Reconciler::map_tracks_and_levels() {
  IdSet taken_tracks;
  IdSet taken_levels;
  for (const auto& track : m_previous.tracks) {
    taken_tracks.insert(track.id);
    for (const auto& level : track.levels) {
      taken_levels.insert(level.id);
    }
  }
  for (const auto& track : m_out.ladder.tracks) {
    if (m_options.pinned_tracks.contains(track.name)) {
      taken_tracks.insert(track.id);
    }
  }
  for (auto& track : m_out.ladder.tracks) {
    const model::Track* before = previous_track(track.name);
    if (!m_options.pinned_tracks.contains(track.name)) {
      if (before != nullptr) {
        track.id = before->id;
      } else if (taken_tracks.contains(track.id) || reads_as_level_id(track.id, taken_tracks)) {
        track.id = track_id(track.name, taken_tracks);
      }
      taken_tracks.insert(track.id);
    }
    for (auto& level : track.levels) {
      map_level(track.id, level, before, taken_levels);
    }
  }
  remap_level_references();
}

void Reconciler::map_level(const std::string& track_id, model::Level& level,
                           const model::Track* before, IdSet& taken) {
  const model::Level* old = nullptr;
  if (before != nullptr) {
    auto it = std::find_if(before->levels.begin(), before->levels.end(),
                           [&](const model::Level& l) { return l.number == level.number; });
    old = it != before->levels.end() ? &*it : nullptr;
  }
  std::string id =
      old != nullptr ? old->id : unique_id(fmt::format("{}-{}", track_id, level.number), taken);
  taken.insert(id);
  m_level_ids[level.id] = id;
  level.id = id;
  if (old != nullptr) {
    level.grade = old->grade;
    m_previous_level[id] = old;
  }
}

void Reconciler::remap_level_references() {
  for (auto& track : m_out.ladder.tracks) {
    for (auto& level : track.levels) {
      if (!level.shares.empty()) {
        level.shares = m_level_ids.at(level.shares);
      }
      for (auto& block : level.areas) {
        for (auto& statement : block.statements) {
          for (auto& ref : statement.refs) {
            ref = m_level_ids.at(ref);
          }
        }
      }
    }
  }
}

void Reconciler::map_areas() {
  IdSet taken;
  IdMap by_name;
  for (const auto& area : m_previous.areas) {
    taken.insert(area.id);
    by_name[area.name] = area.id;
  }
  for (const auto& area : m_out.ladder.areas) {
    if (m_options.pinned_areas.contains(area.name)) {
      taken.insert(area.id);
    }
  }
  IdMap fresh_to_final;
  for (auto& area : m_out.ladder.areas) {
    std::string id = area.id;
    auto before = by_name.find(area.name);
    if (!m_options.pinned_areas.contains(area.name)) {
      id = before != by_name.end() ? before->second : area_slug(area.name, taken);
    }
    taken.insert(id);
    fresh_to_final[area.id] = id;
    area.id = id;
  }
  for (auto& track : m_out.ladder.tracks) {
    for (auto& level : track.levels) {
      for (auto& block : level.areas) {
        block.area = fresh_to_final.at(block.area);
      }
    }
  }
}

const model::AreaStatements* Reconciler::previous_block(const std::string& level_id,
                                                        const std::string& area_id) const {
  auto old = m_previous_level.find(level_id);
  if (old == m_previous_level.end()) {
    return nullptr;
  }
  std::string_view name = area_name(m_out.ladder, area_id);
  if (name.empty()) {
    return nullptr;
  }
  for (const auto& candidate : old->second->areas) {
    if (area_name(m_previous, candidate.area) == name) {
      return &candidate;
    }
  }
  return nullptr;
}

void Reconciler::match_all_statements() {
  static const std::vector<Statement> k_none;
  int matched = 0;
  for (auto& track : m_out.ladder.tracks) {
    for (auto& level : track.levels) {
      for (auto& block : level.areas) {
        const model::AreaStatements* before = previous_block(level.id, block.area);
        const auto& previous = before != nullptr ? before->statements : k_none;
        auto matches = match_statements(block.statements, previous, m_options.reword_threshold);
        for (std::size_t f = 0; f < matches.size(); ++f) {
          Statement& statement = block.statements[f];
          if (!matches[f]) {
            m_new_statements.insert(&statement);
            continue;
          }
          const Statement& counterpart = previous[matches[f]->previous];
          statement.id = counterpart.id;
          carry_refs(statement, counterpart);
          ++matched;
          ++(matches[f]->reworded ? m_out.summary.reworded : m_out.summary.kept);
        }
      }
    }
  }
  m_out.summary.removed = count_statements(m_previous) - matched;
}

void Reconciler::carry_refs(Statement& statement, const Statement& previous) {
  statement.refs.clear();
  for (const auto& ref : previous.refs) {
    bool exists = std::any_of(m_level_ids.begin(), m_level_ids.end(),
                              [&](const auto& entry) { return entry.second == ref; });
    if (exists) {
      statement.refs.push_back(ref);
    } else {
      note(statement.loc, fmt::format("statement '{}' referred to level '{}', which no longer "
                                      "exists; the ref is dropped",
                                      statement.id, ref));
    }
  }
}

void Reconciler::number_new_statements() {
  IdSet taken;
  for (const auto& track : m_previous.tracks) {
    for (const auto& level : track.levels) {
      for (const auto& block : level.areas) {
        for (const auto& statement : block.statements) {
          taken.insert(statement.id);
        }
      }
    }
  }
  for (const auto& track : m_out.ladder.tracks) {
    for (const auto& level : track.levels) {
      for (const auto& block : level.areas) {
        for (const auto& statement : block.statements) {
          if (!m_new_statements.contains(&statement)) {
            taken.insert(statement.id);
          }
        }
      }
    }
  }
  for (auto& track : m_out.ladder.tracks) {
    for (auto& level : track.levels) {
      for (auto& block : level.areas) {
        const std::string prefix = fmt::format("{}-{}-", level.id, block.area);
        int k = 0;
        for (const auto& id : taken) {
          k = std::max(k, suffix_number(id, prefix).value_or(0));
        }
        for (auto& statement : block.statements) {
          if (!m_new_statements.contains(&statement)) {
            continue;
          }
          do {
            statement.id = fmt::format("{}{}", prefix, ++k);
          } while (taken.contains(statement.id));
          taken.insert(statement.id);
          ++m_out.summary.added;
        }
      }
    }
  }
}

void Reconciler::carry_ladder_decisions() {
  LadderData& data = m_out.ladder;
  data.general.grades = m_previous.general.grades;
  data.scale = m_previous.scale;
  data.readiness = m_previous.readiness;
  data.lint_disabled = m_previous.lint_disabled;
  const auto& grades = data.general.grades;
  for (auto& track : data.tracks) {
    for (auto& level : track.levels) {
      if (!level.grade.empty() &&
          std::find(grades.begin(), grades.end(), level.grade) == grades.end()) {
        note(level.loc, fmt::format("level '{}' would get grade '{}', which the previous file's "
                                    "general ladder does not have; it gets no grade",
                                    level.id, level.grade));
        level.grade.clear();
      }
    }
  }
}

}  // namespace

Reconciled reconcile(model::LadderData fresh, const model::LadderData& previous,
                     const ReconcileOptions& options) {
  return Reconciler(std::move(fresh), previous, options).run();
}

}  // namespace rung::importer
