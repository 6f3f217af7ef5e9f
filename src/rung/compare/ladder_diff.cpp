#include "rung/compare/ladder_diff.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace rung::compare {

namespace {

// One version's statements, each with its place in document order.
struct Version {
  const model::Ladder* ladder = nullptr;
  std::map<std::string, std::size_t, std::less<>> level_rank;      // level id -> position
  std::map<std::string, std::size_t, std::less<>> statement_rank;  // statement id -> position
  std::map<std::string, Placed, std::less<>> placed;               // statement id -> where
};

Version index(const model::Ladder& ladder) {
  Version version;
  version.ladder = &ladder;
  for (const auto& track : ladder.tracks()) {
    for (const auto& level : track.levels) {
      version.level_rank.emplace(level.id, version.level_rank.size());
      for (const auto& block : level.areas) {
        const model::Area* area = ladder.find_area(block.area);
        for (const auto& statement : block.statements) {
          version.statement_rank.emplace(statement.id, version.statement_rank.size());
          version.placed.emplace(statement.id,
                                 Placed{statement.id, statement.text, level.id, block.area,
                                        area != nullptr ? area->name : block.area});
        }
      }
    }
  }
  return version;
}

// A level's own statements (none for a level that shares another's description), in order.
std::vector<StatementText> own_texts(const model::Level& level) {
  std::vector<StatementText> texts;
  for (const auto& block : level.areas) {
    for (const auto& statement : block.statements) {
      texts.push_back({statement.id, statement.text});
    }
  }
  return texts;
}

std::vector<std::string> all_texts(const model::Ladder& a, const model::Ladder& b) {
  std::vector<std::string> texts;
  for (const model::Ladder* ladder : {&a, &b}) {
    for (const auto& track : ladder->tracks()) {
      for (const auto& level : track.levels) {
        for (const auto& statement : own_texts(level)) {
          texts.push_back(statement.text);
        }
      }
    }
  }
  return texts;
}

class Differ {
 public:
  Differ(const model::Ladder& before, const model::Ladder& after, double threshold)
      : m_before(index(before)),
        m_after(index(after)),
        m_similarity(all_texts(before, after)),
        m_threshold(threshold) {}

  LadderDiff run() {
    LadderDiff diff;
    diff.threshold = m_threshold;
    diff.before = info(*m_before.ladder);
    diff.after = info(*m_after.ladder);
    diff.levels = level_changes();
    pair_within_levels();
    pair_across_levels();
    sort_changes();
    diff.statements = std::move(m_changes);
    for (const auto& change : diff.statements) {
      count(diff.counts, change.fate);
    }
    return diff;
  }

 private:
  static VersionInfo info(const model::Ladder& ladder) {
    const auto& meta = ladder.data().meta;
    return VersionInfo{meta.name, meta.version, meta.published};
  }

  static void count(FateCounts& counts, Fate fate) {
    switch (fate) {
      case Fate::kept:
        ++counts.kept;
        break;
      case Fate::reworded:
        ++counts.reworded;
        break;
      case Fate::moved:
        ++counts.moved;
        break;
      case Fate::added:
        ++counts.added;
        break;
      case Fate::dropped:
        ++counts.dropped;
        break;
    }
  }

  std::vector<LevelChange> level_changes() const {
    std::vector<LevelChange> changes;
    for (const auto& track : m_after.ladder->tracks()) {
      for (const auto& level : track.levels) {
        const model::Level* old = m_before.ladder->find_level(level.id);
        LevelChange change{LevelFate::added, level.id, track.name, "", level.title};
        if (old != nullptr) {
          change.old_title = old->title;
          change.fate = old->title == level.title ? LevelFate::kept : LevelFate::renamed;
        }
        changes.push_back(std::move(change));
      }
    }
    for (const auto& track : m_before.ladder->tracks()) {
      for (const auto& level : track.levels) {
        if (m_after.ladder->find_level(level.id) == nullptr) {
          changes.push_back({LevelFate::removed, level.id, track.name, level.title, ""});
        }
      }
    }
    return changes;
  }

  // Turns the pairs of one pass into changes; what stayed unpaired goes to the leftovers.
  void take(const std::vector<StatementPair>& pairs, bool across_levels) {
    for (const auto& pair : pairs) {
      if (pair.a && pair.b) {
        const Placed& was = m_before.placed.at(pair.a->id);
        const Placed& now = m_after.placed.at(pair.b->id);
        StatementChange change{Fate::kept, was, now, pair.similarity, pair.words};
        if (across_levels || was.area != now.area) {
          change.fate = Fate::moved;
        } else if (pair.change == Change::reworded) {
          change.fate = Fate::reworded;
        }
        m_changes.push_back(std::move(change));
      } else if (pair.b) {
        m_left_after.push_back(*pair.b);
      } else if (pair.a) {
        m_left_before.push_back(*pair.a);
      }
    }
  }

  void pair_within_levels() {
    for (const auto& track : m_after.ladder->tracks()) {
      for (const auto& level : track.levels) {
        const model::Level* old = m_before.ladder->find_level(level.id);
        const auto now = own_texts(level);
        if (old == nullptr) {
          m_left_after.insert(m_left_after.end(), now.begin(), now.end());
          continue;
        }
        take(pair_statements(m_similarity, own_texts(*old), now, m_threshold), false);
      }
    }
    for (const auto& track : m_before.ladder->tracks()) {
      for (const auto& level : track.levels) {
        if (m_after.ladder->find_level(level.id) == nullptr) {
          const auto was = own_texts(level);
          m_left_before.insert(m_left_before.end(), was.begin(), was.end());
        }
      }
    }
  }

  void pair_across_levels() {
    const double bar = std::max(m_threshold, k_move_threshold);
    std::vector<StatementText> before = std::move(m_left_before);
    std::vector<StatementText> after = std::move(m_left_after);
    m_left_before.clear();
    m_left_after.clear();
    take(pair_statements(m_similarity, before, after, bar), true);
    for (const auto& text : m_left_after) {
      m_changes.push_back({Fate::added, std::nullopt, m_after.placed.at(text.id), 0, {}});
    }
    for (const auto& text : m_left_before) {
      m_changes.push_back({Fate::dropped, m_before.placed.at(text.id), std::nullopt, 0, {}});
    }
  }

  // (level, then the level's own statements before what it dropped, then document order).
  std::tuple<std::size_t, int, std::size_t> order_of(const StatementChange& change) const {
    if (change.after) {
      return {m_after.level_rank.at(change.after->level), 0,
              m_after.statement_rank.at(change.after->id)};
    }
    const Placed& was = *change.before;
    const auto still = m_after.level_rank.find(was.level);
    const std::size_t level = still != m_after.level_rank.end()
                                  ? still->second
                                  : m_after.level_rank.size() + m_before.level_rank.at(was.level);
    return {level, 1, m_before.statement_rank.at(was.id)};
  }

  void sort_changes() {
    std::stable_sort(m_changes.begin(), m_changes.end(),
                     [this](const StatementChange& x, const StatementChange& y) {
                       return order_of(x) < order_of(y);
                     });
  }

  Version m_before;
  Version m_after;
  Similarity m_similarity;
  double m_threshold;
  std::vector<StatementChange> m_changes;
  std::vector<StatementText> m_left_before;
  std::vector<StatementText> m_left_after;
};

}  // namespace

std::string_view to_string(Fate fate) {
  switch (fate) {
    case Fate::kept:
      return "kept";
    case Fate::reworded:
      return "reworded";
    case Fate::moved:
      return "moved";
    case Fate::added:
      return "new";
    case Fate::dropped:
      return "dropped";
  }
  return "kept";
}

std::string_view to_string(LevelFate fate) {
  switch (fate) {
    case LevelFate::kept:
      return "kept";
    case LevelFate::renamed:
      return "renamed";
    case LevelFate::added:
      return "added";
    case LevelFate::removed:
      return "removed";
  }
  return "kept";
}

bool LadderDiff::unchanged() const {
  const bool levels_same = std::all_of(levels.begin(), levels.end(), [](const LevelChange& level) {
    return level.fate == LevelFate::kept;
  });
  return levels_same && counts.reworded == 0 && counts.moved == 0 && counts.added == 0 &&
         counts.dropped == 0;
}

std::string_view level_of(const StatementChange& change) {
  return change.after ? std::string_view(change.after->level)
                      : std::string_view(change.before->level);
}

LadderDiff diff_ladders(const model::Ladder& before, const model::Ladder& after, double threshold) {
  return Differ(before, after, threshold).run();
}

}  // namespace rung::compare
