#include "rung/html/history_view.hpp"

#include <map>

#include <fmt/format.h>

namespace rung::html {

namespace {

using compare::Fate;
using compare::LadderDiff;
using compare::LevelChange;
using compare::LevelFate;
using compare::StatementChange;

std::string heading_of(const compare::VersionInfo& version) {
  return version.version.empty() ? version.name : version.name + " " + version.version;
}

// "12 statements new" etc., only the counts that are not zero.
Json summary_of(const LadderDiff& diff) {
  Json out = Json::array();
  const auto add = [&](std::size_t n, std::string_view one, std::string_view many,
                       std::string_view kind) {
    if (n != 0) {
      out.push_back({{"count", n}, {"label", n == 1 ? one : many}, {"kind", kind}});
    }
  };
  add(diff.counts.added, "statement new", "statements new", "new");
  add(diff.counts.reworded, "reworded", "reworded", "reworded");
  add(diff.counts.moved, "moved", "moved", "moved");
  add(diff.counts.dropped, "dropped", "dropped", "dropped");
  return out;
}

// "Senior Engineer is new in Software Engineer", "Staff Engineer was renamed Principal ...".
Json level_lines(const LadderDiff& diff, const Links& links) {
  Json out = Json::array();
  for (const LevelChange& level : diff.levels) {
    switch (level.fate) {
      case LevelFate::kept:
        break;
      case LevelFate::added:
        out.push_back(
            {{"text", fmt::format("{} is a new level in {}.", level.new_title, level.track)},
             {"url", links.level(level.id)}});
        break;
      case LevelFate::removed:
        out.push_back({{"text", fmt::format("{} is no longer a level in {}.", level.old_title,
                                            level.track)}});
        break;
      case LevelFate::renamed:
        out.push_back(
            {{"text", fmt::format("{} is now called {}.", level.old_title, level.new_title)},
             {"url", links.level(level.id)}});
        break;
    }
  }
  return out;
}

std::string_view label_of(Fate fate) {
  switch (fate) {
    case Fate::added:
      return "New";
    case Fate::reworded:
      return "Reworded";
    case Fate::moved:
      return "Moved";
    case Fate::dropped:
      return "Dropped";
    case Fate::kept:
      break;
  }
  return "Same";
}

// The words to print: a reworded statement as one line with what was removed struck out and
// what was added marked; any other the text it has now (or had, when dropped).
Json pieces_of(const StatementChange& change) {
  Json out = Json::array();
  if (change.fate == Fate::reworded && !change.words.empty()) {
    for (const compare::DiffPiece& piece : change.words) {
      Json item{{"text", piece.text}};
      if (piece.kind == compare::Edit::removed) {
        item["del"] = true;
      } else if (piece.kind == compare::Edit::added) {
        item["ins"] = true;
      }
      out.push_back(std::move(item));
    }
    return out;
  }
  out.push_back({{"text", change.after ? change.after->text : change.before->text}});
  return out;
}

// The changed statements grouped by the level they are listed under, in the diff's order.
Json statement_groups(const LadderDiff& diff) {
  std::map<std::string, std::string, std::less<>> titles;
  for (const LevelChange& level : diff.levels) {
    titles[level.id] = level.fate == LevelFate::removed ? level.old_title : level.new_title;
  }
  const auto title = [&](std::string_view id) {
    const auto found = titles.find(id);
    return found != titles.end() ? found->second : std::string(id);
  };
  Json groups = Json::array();
  for (const StatementChange& change : diff.statements) {
    if (change.fate == Fate::kept) {
      continue;
    }
    const std::string level = title(compare::level_of(change));
    if (groups.empty() || groups.back()["level"] != level) {
      groups.push_back({{"level", level}, {"items", Json::array()}});
    }
    const compare::Placed& place = change.after ? *change.after : *change.before;
    Json item{{"label", label_of(change.fate)},
              {"kind", compare::to_string(change.fate)},
              {"area", place.area_name},
              {"pieces", pieces_of(change)}};
    if (change.fate == Fate::moved) {
      const compare::Placed& was = *change.before;
      item["from"] = was.level == change.after->level
                         ? fmt::format("from {}", was.area_name)
                         : fmt::format("from {}, {}", title(was.level), was.area_name);
    }
    groups.back()["items"].push_back(std::move(item));
  }
  return groups;
}

}  // namespace

Json history_view(const std::vector<HistoryEntry>& newest_first, const Links& links) {
  Json versions = Json::array();
  for (const HistoryEntry& entry : newest_first) {
    Json version{{"anchor", fmt::format("version-{}", versions.size() + 1)},
                 {"heading", heading_of(entry.version)},
                 {"since", entry.since},
                 {"current", entry.current},
                 {"first", !entry.changes.has_value()}};
    if (entry.changes) {
      const LadderDiff& diff = *entry.changes;
      version["previous"] = heading_of(diff.before);
      version["unchanged"] = diff.unchanged();
      version["summary"] = summary_of(diff);
      version["levels"] = level_lines(diff, links);
      version["groups"] = statement_groups(diff);
      version["has_statements"] = !version["groups"].empty();
    }
    versions.push_back(std::move(version));
  }
  return Json{{"versions", versions}, {"has_versions", !versions.empty()}};
}

}  // namespace rung::html
