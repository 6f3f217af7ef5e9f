#include "rung/migrate/map.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

namespace rung::migrate {

namespace {

// Where a statement is, for the map's comments.
struct Place {
  std::string level;
  std::string level_title;
  std::string area;
  std::string text;
};

std::map<std::string, Place, std::less<>> places_of(const model::Ladder& ladder) {
  std::map<std::string, Place, std::less<>> places;
  for (const auto& track : ladder.tracks()) {
    for (const auto& level : track.levels) {
      for (const auto& block : level.areas) {
        const model::Area* area = ladder.find_area(block.area);
        for (const auto& statement : block.statements) {
          places.emplace(statement.id,
                         Place{level.id, level.title, area != nullptr ? area->name : block.area,
                               statement.text});
        }
      }
    }
  }
  return places;
}

// A scalar as YAML reads it back unchanged: plain when it is a simple id, else double-quoted.
std::string scalar(std::string_view text) {
  const bool plain = !text.empty() && text.front() != '-' && text.front() != '.' &&
                     std::all_of(text.begin(), text.end(), [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                              (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                     });
  if (plain) {
    return std::string(text);
  }
  return nlohmann::json(std::string(text)).dump();
}

// A text on one comment line.
std::string comment_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

std::string group_of(const Place& place) {
  return fmt::format("{} {} · {}", place.level, place.level_title, place.area);
}

constexpr std::string_view k_header =
    "# What became of each statement of the old ladder in the new one, as `rung migrate plan`\n"
    "# proposes it. Review it: change a `fate` or its `new` ids where the proposal is wrong,\n"
    "# then `rung migrate check` it and `rung migrate apply` it (docs/migrate.md).\n"
    "#   kept      same level and area, same words      new: one id\n"
    "#   reworded  same level and area, other words     new: one id\n"
    "#   moved     to another level or area             new: one id\n"
    "#   split     one old statement became several     new: two or more ids\n"
    "#   merged    several old statements became one    new: one id, named by each of them\n"
    "#   dropped   gone: its ratings are archived       new: []\n"
    "# score: how alike the texts are (0 to 1), for reading; apply does not use it.\n"
    "# Statements under `added` are new in the new ladder (not rated yet).\n";

Location mark_location(const std::string& file, const YAML::Mark& mark) {
  return Location{file, mark.line + 1, mark.column + 1};
}

class MapParser {
 public:
  explicit MapParser(const std::string& file) : m_file(file) {}

  Results<Plan> run(std::string_view text) {
    YAML::Node root;
    try {
      root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
      return tl::unexpected(
          Errors{Error{"migrate.bad-map", fmt::format("not YAML: {}", e.msg), mark_location(m_file, e.mark),
                       "a map is what `rung migrate plan` writes"}});
    }
    Plan plan;
    if (!root.IsMap()) {
      report(root.Mark(), "the map must be a YAML map with old, new, statements and added");
      return tl::unexpected(std::move(m_errors));
    }
    plan.added_key_where = mark_location(m_file, root.Mark());
    plan.statements_where = mark_location(m_file, root.Mark());
    for (const auto& pair : root) {
      const std::string key = pair.first.Scalar();
      if (key == "old") {
        plan.before = version(pair.second, pair.first.Mark());
      } else if (key == "new") {
        plan.after = version(pair.second, pair.first.Mark());
      } else if (key == "statements") {
        plan.statements_where = mark_location(m_file, pair.first.Mark());
        entries(pair.second, pair.first.Mark(), plan);
      } else if (key == "added") {
        plan.added_key_where = mark_location(m_file, pair.first.Mark());
        added(pair.second, plan);
      } else {
        report(pair.first.Mark(),
               fmt::format("unknown key '{}': a map has old, new, statements and added", key));
      }
    }
    for (const char* key : {"old", "new", "statements"}) {
      if (!root[key]) {
        report(root.Mark(), fmt::format("the map has no '{}'", key));
      }
    }
    if (!m_errors.empty()) {
      return tl::unexpected(std::move(m_errors));
    }
    return plan;
  }

 private:
  void report(const YAML::Mark& mark, std::string message, std::string hint = {}) {
    m_errors.push_back(
        Error{"migrate.bad-map", std::move(message), mark_location(m_file, mark), std::move(hint)});
  }

  std::optional<std::string> text(const YAML::Node& node, const YAML::Mark& mark,
                                  std::string_view what) {
    if (!node.IsScalar()) {
      report(node.IsNull() ? mark : node.Mark(), fmt::format("{} must be a text", what));
      return std::nullopt;
    }
    return node.Scalar();
  }

  VersionRef version(const YAML::Node& node, const YAML::Mark& mark) {
    VersionRef ref;
    if (!node.IsMap()) {
      report(mark, "a version is a map with file and digest");
      return ref;
    }
    for (const auto& pair : node) {
      const std::string key = pair.first.Scalar();
      if (key == "file") {
        ref.file = text(pair.second, pair.first.Mark(), "file").value_or("");
      } else if (key == "digest") {
        ref.digest = text(pair.second, pair.first.Mark(), "digest").value_or("");
      } else {
        report(pair.first.Mark(),
               fmt::format("unknown key '{}': a version has file and digest", key));
      }
    }
    return ref;
  }

  void entries(const YAML::Node& node, const YAML::Mark& mark, Plan& plan) {
    if (node.IsNull()) {
      return;
    }
    if (!node.IsSequence()) {
      report(mark, "'statements' must be a list of entries");
      return;
    }
    for (const auto& item : node) {
      entry(item, plan);
    }
  }

  void entry(const YAML::Node& item, Plan& plan) {
    if (!item.IsMap()) {
      report(item.Mark(), "an entry is a map with old, fate, new and score");
      return;
    }
    Entry entry;
    entry.where = mark_location(m_file, item.Mark());
    bool has_old = false;
    bool has_fate = false;
    for (const auto& pair : item) {
      const std::string key = pair.first.Scalar();
      const YAML::Mark key_mark = pair.first.Mark();
      if (key == "old") {
        if (auto id = text(pair.second, key_mark, "old")) {
          entry.old_id = *id;
          has_old = true;
        }
      } else if (key == "fate") {
        if (auto name = text(pair.second, key_mark, "fate")) {
          if (auto fate = fate_from(*name)) {
            entry.fate = *fate;
            has_fate = true;
          } else {
            report(pair.second.Mark(), fmt::format("unknown fate '{}'", *name),
                   "one of kept, reworded, moved, split, merged, dropped");
          }
        }
      } else if (key == "new") {
        targets(pair.second, key_mark, entry);
      } else if (key == "score") {
        try {
          entry.score = pair.second.as<double>();
        } catch (const YAML::Exception&) {
          report(pair.second.Mark(), "score must be a number");
        }
      } else {
        report(key_mark,
               fmt::format("unknown key '{}': an entry has old, fate, new and score", key));
      }
    }
    if (!has_old && !item["old"].IsDefined()) {
      report(item.Mark(), "this entry has no 'old' statement id");
    }
    if (!has_fate && !item["fate"].IsDefined()) {
      report(item.Mark(), "this entry has no 'fate'");
    }
    if (has_old && has_fate) {
      plan.entries.push_back(std::move(entry));
    }
  }

  void targets(const YAML::Node& node, const YAML::Mark& mark, Entry& entry) {
    if (node.IsNull()) {
      return;
    }
    if (node.IsScalar()) {
      entry.targets.push_back(node.Scalar());
      return;
    }
    if (!node.IsSequence()) {
      report(mark, "'new' must be a list of new statement ids");
      return;
    }
    for (const auto& id : node) {
      if (auto target = text(id, mark, "a new statement id")) {
        entry.targets.push_back(*target);
      }
    }
  }

  void added(const YAML::Node& node, Plan& plan) {
    if (node.IsNull()) {
      return;
    }
    if (!node.IsSequence()) {
      report(node.Mark(), "'added' must be a list of new statement ids");
      return;
    }
    for (const auto& item : node) {
      if (auto id = text(item, item.Mark(), "a new statement id")) {
        plan.added.push_back(*id);
        plan.added_where.push_back(mark_location(m_file, item.Mark()));
      }
    }
  }

  const std::string& m_file;
  Errors m_errors;
};

}  // namespace

std::string render_map(const Plan& plan, const model::Ladder& before, const model::Ladder& after) {
  const auto old_places = places_of(before);
  const auto new_places = places_of(after);
  const FateCounts counts = count(plan);
  std::string out(k_header);
  out += fmt::format(
      "# Proposed: {} kept, {} reworded, {} moved, {} split, {} merged, {} dropped; {} added.\n",
      counts.kept, counts.reworded, counts.moved, counts.split, counts.merged, counts.dropped,
      counts.added);
  out += fmt::format("old:\n  file: {}\n  digest: {}\n", scalar(plan.before.file),
                     scalar(plan.before.digest));
  out += fmt::format("new:\n  file: {}\n  digest: {}\n", scalar(plan.after.file),
                     scalar(plan.after.digest));
  out += plan.entries.empty() ? "statements: []\n" : "statements:\n";
  std::string group;
  for (const auto& entry : plan.entries) {
    const auto old_place = old_places.find(entry.old_id);
    if (old_place != old_places.end() && group_of(old_place->second) != group) {
      group = group_of(old_place->second);
      out += fmt::format("\n  # {}\n", comment_text(group));
    }
    out += fmt::format("  - old: {}\n", scalar(entry.old_id));
    if (old_place != old_places.end()) {
      out += fmt::format("    # {}\n", comment_text(old_place->second.text));
    }
    out += fmt::format("    fate: {}\n", to_string(entry.fate));
    std::vector<std::string> ids;
    for (const auto& target : entry.targets) {
      ids.push_back(scalar(target));
    }
    out += fmt::format("    new: [{}]\n", fmt::join(ids, ", "));
    for (const auto& target : entry.targets) {
      const auto place = new_places.find(target);
      if (place == new_places.end()) {
        continue;
      }
      const bool elsewhere =
          old_place == old_places.end() || group_of(place->second) != group_of(old_place->second);
      const bool same_words =
          entry.fate == Fate::kept ||
          (old_place != old_places.end() && old_place->second.text == place->second.text);
      if (elsewhere || !same_words || entry.targets.size() > 1) {
        out += fmt::format(
            "    #   -> {}{}\n", comment_text(place->second.text),
            elsewhere ? fmt::format(" ({})", comment_text(group_of(place->second))) : "");
      }
    }
    if (entry.fate != Fate::dropped) {
      out += fmt::format("    score: {:.2f}\n", entry.score);
    }
  }
  out += plan.added.empty() ? "\nadded: []\n" : "\nadded:\n";
  group.clear();
  for (const auto& id : plan.added) {
    const auto place = new_places.find(id);
    if (place != new_places.end() && group_of(place->second) != group) {
      group = group_of(place->second);
      out += fmt::format("  # {}\n", comment_text(group));
    }
    out += fmt::format("  - {}\n", scalar(id));
    if (place != new_places.end()) {
      out += fmt::format("    # {}\n", comment_text(place->second.text));
    }
  }
  return out;
}

Results<Plan> read_map(std::string_view text, const std::string& file) {
  return MapParser(file).run(text);
}

}  // namespace rung::migrate
