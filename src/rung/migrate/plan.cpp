#include "rung/migrate/plan.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "rung/compare/similarity.hpp"
#include "rung/core/shorten.hpp"

namespace rung::migrate {

namespace {

// Where one statement is in one version.
struct Spot {
  std::string level;
  std::size_t rank = 0;  // document order
  std::string text;
};

// One version's statements: by id, and each level's own statements in order.
struct Statements {
  std::map<std::string, Spot, std::less<>> by_id;
  std::map<std::string, std::vector<std::string>, std::less<>> of_level;
  std::vector<std::string> in_order;
};

Statements statements_of(const model::Ladder& ladder) {
  Statements out;
  for (const auto& track : ladder.tracks()) {
    for (const auto& level : track.levels) {
      auto& own = out.of_level[level.id];
      for (const auto& block : level.areas) {
        for (const auto& statement : block.statements) {
          out.by_id.emplace(statement.id, Spot{level.id, out.in_order.size(), statement.text});
          own.push_back(statement.id);
          out.in_order.push_back(statement.id);
        }
      }
    }
  }
  return out;
}

// The texts the similarity learns from: every statement of both versions, as the diff does.
std::vector<std::string> texts_of(const Statements& a, const Statements& b) {
  std::vector<std::string> texts;
  texts.reserve(a.in_order.size() + b.in_order.size());
  for (const Statements* side : {&a, &b}) {
    for (const auto& id : side->in_order) {
      texts.push_back(side->by_id.at(id).text);
    }
  }
  return texts;
}

Fate fate_of(compare::Fate fate) {
  switch (fate) {
    case compare::Fate::kept:
      return Fate::kept;
    case compare::Fate::reworded:
      return Fate::reworded;
    case compare::Fate::moved:
      return Fate::moved;
    case compare::Fate::added:
    case compare::Fate::dropped:
      break;
  }
  return Fate::dropped;
}

bool paired_one_to_one(Fate fate) {
  return fate == Fate::kept || fate == Fate::reworded || fate == Fate::moved;
}

// Statement vectors, made once each.
class Vectors {
 public:
  Vectors(const compare::Similarity& similarity, const Statements& side)
      : m_similarity(&similarity), m_side(&side) {}

  const compare::TermVector& of(const std::string& id) {
    auto found = m_made.find(id);
    if (found == m_made.end()) {
      found = m_made.emplace(id, m_similarity->vector_of(m_side->by_id.at(id).text)).first;
    }
    return found->second;
  }

 private:
  const compare::Similarity* m_similarity;
  const Statements* m_side;
  std::unordered_map<std::string, compare::TermVector> m_made;
};

class Planner {
 public:
  Planner(const model::Ladder& before, const model::Ladder& after, const Progress& progress)
      : m_ladder_before(&before),
        m_ladder_after(&after),
        m_before(statements_of(before)),
        m_after(statements_of(after)),
        m_progress(progress) {}

  Plan run() {
    note("pairing", 0, m_before.in_order.size());
    take_diff();
    note("pairing", m_before.in_order.size(), m_before.in_order.size());
    const compare::Similarity similarity(texts_of(m_before, m_after));
    Vectors old_vectors(similarity, m_before);
    Vectors new_vectors(similarity, m_after);
    find_splits(old_vectors, new_vectors);
    find_merges(old_vectors, new_vectors);
    Plan plan;
    for (const auto& id : m_before.in_order) {
      Entry& entry = m_entries.at(id);
      std::sort(entry.targets.begin(), entry.targets.end(),
                [this](const std::string& x, const std::string& y) {
                  return m_after.by_id.at(x).rank < m_after.by_id.at(y).rank;
                });
      plan.entries.push_back(std::move(entry));
    }
    for (const auto& id : m_after.in_order) {
      if (m_added.contains(id)) {
        plan.added.push_back(id);
      }
    }
    return plan;
  }

 private:
  void note(std::string_view stage, std::size_t done, std::size_t total) const {
    if (m_progress) {
      m_progress(stage, done, total);
    }
  }

  void take_diff() {
    const compare::LadderDiff diff = compare::diff_ladders(*m_ladder_before, *m_ladder_after);
    for (const auto& change : diff.statements) {
      if (change.before && change.after) {
        m_entries[change.before->id] = Entry{
            change.before->id, fate_of(change.fate), {change.after->id}, change.similarity, {}};
        m_source_of[change.after->id] = change.before->id;
      } else if (change.after) {
        m_added.insert(change.after->id);
      } else if (change.before) {
        m_entries[change.before->id] = Entry{change.before->id, Fate::dropped, {}, 0, {}};
      }
    }
  }

  // A new statement the diff calls new, closest to an old one of its level that is paired.
  void find_splits(Vectors& old_vectors, Vectors& new_vectors) {
    const std::size_t added = m_added.size();
    std::size_t done = 0;
    for (const auto& id : m_after.in_order) {
      if (!m_added.contains(id)) {
        continue;
      }
      note("splits", ++done, added);
      const Spot& spot = m_after.by_id.at(id);
      const auto level = m_before.of_level.find(spot.level);
      if (level == m_before.of_level.end()) {
        continue;
      }
      const auto [best, score] = closest(new_vectors.of(id), level->second, old_vectors);
      if (best == nullptr || score < k_split_threshold) {
        continue;
      }
      Entry& entry = m_entries.at(*best);
      if (!paired_one_to_one(entry.fate) && entry.fate != Fate::split) {
        continue;
      }
      entry.fate = Fate::split;
      entry.targets.push_back(id);
      m_source_of[id] = entry.old_id;
      m_added.erase(id);
    }
  }

  // An old statement the diff calls dropped, closest to a new one of its level that is paired.
  void find_merges(Vectors& old_vectors, Vectors& new_vectors) {
    const auto dropped = static_cast<std::size_t>(
        std::count_if(m_entries.begin(), m_entries.end(),
                      [](const auto& entry) { return entry.second.fate == Fate::dropped; }));
    std::size_t done = 0;
    for (const auto& id : m_before.in_order) {
      Entry& entry = m_entries.at(id);
      if (entry.fate != Fate::dropped) {
        continue;
      }
      note("merges", ++done, dropped);
      const auto level = m_after.of_level.find(m_before.by_id.at(id).level);
      if (level == m_after.of_level.end()) {
        continue;
      }
      const auto [best, score] = closest(old_vectors.of(id), level->second, new_vectors);
      if (best == nullptr || score < k_split_threshold) {
        continue;
      }
      const auto source = m_source_of.find(*best);
      if (source == m_source_of.end()) {
        continue;
      }
      Entry& partner = m_entries.at(source->second);
      if (!paired_one_to_one(partner.fate) && partner.fate != Fate::merged) {
        continue;  // a part of a split: not also a merge
      }
      partner.fate = Fate::merged;
      entry.fate = Fate::merged;
      entry.targets = {*best};
      entry.score = score;
    }
  }

  // The closest of `ids` to `vector` (earliest on ties), with its score.
  static std::pair<const std::string*, double> closest(const compare::TermVector& vector,
                                                       const std::vector<std::string>& ids,
                                                       Vectors& vectors) {
    const std::string* best = nullptr;
    double best_score = 0;
    for (const auto& id : ids) {
      const double score = compare::cosine(vector, vectors.of(id));
      if (score > best_score) {
        best = &id;
        best_score = score;
      }
    }
    return {best, best_score};
  }

  const model::Ladder* m_ladder_before;
  const model::Ladder* m_ladder_after;
  Statements m_before;
  Statements m_after;
  const Progress& m_progress;
  std::map<std::string, Entry, std::less<>> m_entries;          // old id -> entry
  std::map<std::string, std::string, std::less<>> m_source_of;  // new id -> old id paired to it
  std::set<std::string, std::less<>> m_added;
};

constexpr std::size_t k_quote_limit = 60;  // bytes of a statement quoted in a message

Error problem(std::string code, std::string message, const Location& where, std::string hint = {}) {
  return Error{std::move(code), std::move(message), where, std::move(hint)};
}

std::string_view targets_needed(Fate fate) {
  switch (fate) {
    case Fate::kept:
    case Fate::reworded:
    case Fate::moved:
    case Fate::merged:
      return "exactly one new statement";
    case Fate::split:
      return "two or more new statements";
    case Fate::dropped:
      return "no new statement";
  }
  return "";
}

bool targets_fit(Fate fate, std::size_t targets) {
  switch (fate) {
    case Fate::split:
      return targets >= 2;
    case Fate::dropped:
      return targets == 0;
    default:
      return targets == 1;
  }
}

}  // namespace

std::string_view to_string(Fate fate) {
  switch (fate) {
    case Fate::kept:
      return "kept";
    case Fate::reworded:
      return "reworded";
    case Fate::moved:
      return "moved";
    case Fate::split:
      return "split";
    case Fate::merged:
      return "merged";
    case Fate::dropped:
      return "dropped";
  }
  return "kept";
}

std::optional<Fate> fate_from(std::string_view text) {
  for (Fate fate :
       {Fate::kept, Fate::reworded, Fate::moved, Fate::split, Fate::merged, Fate::dropped}) {
    if (to_string(fate) == text) {
      return fate;
    }
  }
  return std::nullopt;
}

FateCounts count(const Plan& plan) {
  FateCounts counts;
  for (const auto& entry : plan.entries) {
    switch (entry.fate) {
      case Fate::kept:
        ++counts.kept;
        break;
      case Fate::reworded:
        ++counts.reworded;
        break;
      case Fate::moved:
        ++counts.moved;
        break;
      case Fate::split:
        ++counts.split;
        break;
      case Fate::merged:
        ++counts.merged;
        break;
      case Fate::dropped:
        ++counts.dropped;
        break;
    }
  }
  counts.added = plan.added.size();
  return counts;
}

Plan make_plan(const model::Ladder& before, const model::Ladder& after, const Progress& progress) {
  return Planner(before, after, progress).run();
}

Errors check_plan(const Plan& plan, const model::Ladder& before, const model::Ladder& after) {
  const Statements old_side = statements_of(before);
  const Statements new_side = statements_of(after);
  Errors errors;
  std::map<std::string, Location, std::less<>> seen_old;
  // New id -> where each use is: (merged?, where).
  std::map<std::string, std::vector<std::pair<bool, Location>>, std::less<>> uses;
  for (const auto& entry : plan.entries) {
    if (!old_side.by_id.contains(entry.old_id)) {
      errors.push_back(problem("migrate.unknown-statement",
                               fmt::format("'{}' is not a statement of the old ladder ({})",
                                           entry.old_id, plan.before.file),
                               entry.where, "use the ids `rung migrate plan` wrote"));
    } else if (const auto [at, first] = seen_old.emplace(entry.old_id, entry.where); !first) {
      errors.push_back(problem(
          "migrate.mapped-twice",
          fmt::format("'{}' has two entries (the first at line {})", entry.old_id, at->second.line),
          entry.where, "keep one entry per old statement"));
    }
    if (!targets_fit(entry.fate, entry.targets.size())) {
      errors.push_back(problem(
          "migrate.bad-targets",
          fmt::format("'{}' is {} but names {} new statement{}: {} needs {}", entry.old_id,
                      to_string(entry.fate), entry.targets.size(),
                      entry.targets.size() == 1 ? "" : "s", to_string(entry.fate),
                      targets_needed(entry.fate)),
          entry.where,
          entry.fate == Fate::kept ? "one old statement becoming several new ones is a split"
                                   : ""));
    }
    for (const auto& target : entry.targets) {
      if (!new_side.by_id.contains(target)) {
        errors.push_back(problem(
            "migrate.unknown-statement",
            fmt::format("'{}' is not a statement of the new ladder ({})", target, plan.after.file),
            entry.where, "use the ids `rung migrate plan` wrote"));
        continue;
      }
      uses[target].emplace_back(entry.fate == Fate::merged, entry.where);
    }
  }
  for (std::size_t i = 0; i < plan.added.size(); ++i) {
    const Location where = i < plan.added_where.size() ? plan.added_where[i] : Location{};
    if (!new_side.by_id.contains(plan.added[i])) {
      errors.push_back(problem("migrate.unknown-statement",
                               fmt::format("'{}' is not a statement of the new ladder ({})",
                                           plan.added[i], plan.after.file),
                               where));
      continue;
    }
    uses[plan.added[i]].emplace_back(false, where);
  }
  for (const auto& [id, places] : uses) {
    const auto merged = static_cast<std::size_t>(
        std::count_if(places.begin(), places.end(), [](const auto& use) { return use.first; }));
    if (merged > 0 && merged < places.size()) {
      errors.push_back(problem(
          "migrate.mapped-twice",
          fmt::format("new statement '{}' is the target of a merge and also named elsewhere", id),
          places.back().second, "a merged statement is named only by the old ones merged into it"));
    } else if (merged == 0 && places.size() > 1) {
      errors.push_back(problem("migrate.mapped-twice",
                               fmt::format("new statement '{}' is named twice (first at line {})",
                                           id, places.front().second.line),
                               places.back().second,
                               "several old statements becoming one is a merge: mark each "
                               "'merged'"));
    } else if (merged == 1) {
      errors.push_back(problem(
          "migrate.bad-targets", fmt::format("only one old statement is merged into '{}'", id),
          places.front().second, "a merge takes two or more old statements; one is 'reworded'"));
    }
  }
  for (const auto& id : old_side.in_order) {
    if (!seen_old.contains(id)) {
      const Spot& spot = old_side.by_id.at(id);
      errors.push_back(problem("migrate.unmapped",
                               fmt::format("old statement '{}' of {} (\"{}\") has no entry", id,
                                           spot.level, shorten(spot.text, k_quote_limit)),
                               plan.statements_where, "add an entry for it, 'dropped' if it went"));
    }
  }
  for (const auto& id : new_side.in_order) {
    if (!uses.contains(id)) {
      const Spot& spot = new_side.by_id.at(id);
      errors.push_back(problem("migrate.unmapped",
                               fmt::format("new statement '{}' of {} (\"{}\") is neither a "
                                           "target nor listed under 'added'",
                                           id, spot.level, shorten(spot.text, k_quote_limit)),
                               plan.added_key_where, "list it under 'added' if it is new"));
    }
  }
  return errors;
}

}  // namespace rung::migrate
