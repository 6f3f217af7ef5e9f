#include "rung/compare/ladder_diff_report.hpp"

#include <fmt/format.h>

#include "rung/core/ansi.hpp"
#include "rung/format/markdown_text.hpp"

namespace rung::compare {

namespace {

using ansi::paint;
using format::md_escape;
using format::MdPlace;

std::string describe(const VersionInfo& version) {
  if (!version.version.empty()) {
    return fmt::format("{} {}", version.name, version.version);
  }
  if (!version.published.empty()) {
    return fmt::format("{} of {}", version.name, version.published);
  }
  return version.name;
}

std::string title_of(const LadderDiff& diff, std::string_view level) {
  for (const auto& change : diff.levels) {
    if (change.id == level) {
      return change.fate == LevelFate::removed ? change.old_title : change.new_title;
    }
  }
  return {};
}

std::size_t levels_that(const LadderDiff& diff, LevelFate fate) {
  std::size_t n = 0;
  for (const auto& change : diff.levels) {
    n += change.fate == fate ? 1 : 0;
  }
  return n;
}

// The statement's words as the change shows them: marked when they changed.
std::string text_words(const StatementChange& change, bool color) {
  if (!change.words.empty()) {
    return marked_words(change.words, color);
  }
  return change.after ? change.after->text : change.before->text;
}

// Where a moved statement came from, against where it is now.
std::string origin(const StatementChange& change) {
  const Placed& was = *change.before;
  const Placed& now = *change.after;
  if (was.level == now.level) {
    return fmt::format("from {}", was.area_name);
  }
  if (was.area == now.area) {
    return fmt::format("from {}", was.level);
  }
  return fmt::format("from {} {}", was.level, was.area_name);
}

std::string text_line(const StatementChange& change, bool color) {
  const std::string score = paint(fmt::format("({:.2f})", change.similarity), ansi::k_dim, color);
  switch (change.fate) {
    case Fate::kept:
      return {};
    case Fate::reworded:
      return fmt::format("  {} {}: {}  {}\n", paint("~", ansi::k_yellow, color),
                         change.after->area_name, text_words(change, color), score);
    case Fate::moved:
      return fmt::format("  {} {}, {}: {}{}\n", paint(">", ansi::k_cyan, color),
                         change.after->area_name, origin(change), text_words(change, color),
                         change.words.empty() ? "" : "  " + score);
    case Fate::added:
      return fmt::format("  {} {}: {}\n", paint("+", ansi::k_green, color), change.after->area_name,
                         change.after->text);
    case Fate::dropped:
      return fmt::format("  {} {}: {}\n", paint("-", ansi::k_red, color), change.before->area_name,
                         change.before->text);
  }
  return {};
}

std::string level_lines_text(const LadderDiff& diff, bool color) {
  std::string out;
  for (const auto& level : diff.levels) {
    switch (level.fate) {
      case LevelFate::kept:
        break;
      case LevelFate::added:
        out += fmt::format("  {} {} {} ({}), new\n", paint("+", ansi::k_green, color), level.id,
                           level.new_title, level.track);
        break;
      case LevelFate::renamed:
        out += fmt::format("  {} {} {} -> {}\n", paint("~", ansi::k_yellow, color), level.id,
                           level.old_title, level.new_title);
        break;
      case LevelFate::removed:
        out += fmt::format("  {} {} {} ({}), removed\n", paint("-", ansi::k_red, color), level.id,
                           level.old_title, level.track);
        break;
    }
  }
  return out;
}

std::string counts_text(const FateCounts& c) {
  return fmt::format("{} kept, {} reworded, {} moved, {} new, {} dropped", c.kept, c.reworded,
                     c.moved, c.added, c.dropped);
}

// Escapes a piece of text for Markdown, keeping the spaces at its ends (md_escape drops them,
// and between two pieces they separate words).
std::string md_piece(std::string_view text) {
  const std::size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) {
    return std::string(text);
  }
  const std::size_t last = text.find_last_not_of(' ');
  return std::string(text.substr(0, first)) +
         md_escape(text.substr(first, last - first + 1), MdPlace::text) +
         std::string(text.substr(last + 1));
}

// Removed words struck through, added ones in bold; the markers hug the words (GitHub does
// not render "~~ x ~~").
std::string md_words(const std::vector<DiffPiece>& pieces) {
  std::string out;
  for (const auto& piece : pieces) {
    if (piece.kind == Edit::same) {
      out += md_piece(piece.text);
      continue;
    }
    const std::string marker = piece.kind == Edit::removed ? "~~" : "**";
    const std::string inner = md_piece(piece.text);
    const std::size_t first = inner.find_first_not_of(' ');
    if (first == std::string::npos) {
      out += inner;
      continue;
    }
    const std::size_t last = inner.find_last_not_of(' ');
    out += inner.substr(0, first) + marker + inner.substr(first, last - first + 1) + marker +
           inner.substr(last + 1);
  }
  return out;
}

std::string md_line(const StatementChange& change) {
  const auto area = [](const Placed& placed) { return md_escape(placed.area_name, MdPlace::text); };
  switch (change.fate) {
    case Fate::kept:
      return {};
    case Fate::reworded:
      return fmt::format("- **Reworded** ({}): {} *(similarity {:.2f})*\n", area(*change.after),
                         md_words(change.words), change.similarity);
    case Fate::moved: {
      const std::string words = change.words.empty() ? md_escape(change.after->text, MdPlace::text)
                                                     : md_words(change.words);
      return fmt::format("- **Moved** to {}, {}: {}\n", area(*change.after),
                         md_escape(origin(change), MdPlace::text), words);
    }
    case Fate::added:
      return fmt::format("- **New** ({}): {}\n", area(*change.after),
                         md_escape(change.after->text, MdPlace::text));
    case Fate::dropped:
      return fmt::format("- **Dropped** ({}): {}\n", area(*change.before),
                         md_escape(change.before->text, MdPlace::text));
  }
  return {};
}

Json placed_json(const Placed& placed) {
  return {{"id", placed.id}, {"level", placed.level}, {"area", placed.area}, {"text", placed.text}};
}

Json version_json(const VersionInfo& version) {
  return {{"name", version.name},
          {"version", version.version.empty() ? Json(nullptr) : Json(version.version)},
          {"published", version.published.empty() ? Json(nullptr) : Json(version.published)}};
}

// Calls `section(level_id, changes)` for each level with a listed change, in the diff's order.
template <typename Section>
void for_each_changed_level(const LadderDiff& diff, Section section) {
  std::size_t i = 0;
  while (i < diff.statements.size()) {
    const std::string_view level = level_of(diff.statements[i]);
    std::vector<const StatementChange*> changes;
    for (; i < diff.statements.size() && level_of(diff.statements[i]) == level; ++i) {
      if (diff.statements[i].fate != Fate::kept) {
        changes.push_back(&diff.statements[i]);
      }
    }
    if (!changes.empty()) {
      section(level, changes);
    }
  }
}

}  // namespace

std::string render_diff_text(const LadderDiff& diff, const TextOptions& options) {
  const bool color = options.color;
  std::string out = paint(fmt::format("{} -> {}", describe(diff.before), describe(diff.after)),
                          ansi::k_bold, color);
  out += '\n';
  if (diff.unchanged()) {
    out +=
        fmt::format("No changes: the same levels and the same {} statements.\n", diff.counts.kept);
    return out;
  }
  out +=
      fmt::format("{} reworded ([-old words-] {{+new words+}})   {} moved   {} new   {} dropped\n",
                  paint("~", ansi::k_yellow, color), paint(">", ansi::k_cyan, color),
                  paint("+", ansi::k_green, color), paint("-", ansi::k_red, color));
  const std::string levels = level_lines_text(diff, color);
  if (!levels.empty()) {
    out += '\n' + paint("Levels", ansi::k_bold, color) + '\n' + levels;
  }
  for_each_changed_level(diff, [&](std::string_view level,
                                   const std::vector<const StatementChange*>& changes) {
    out += '\n' + paint(fmt::format("{} {}", level, title_of(diff, level)), ansi::k_bold, color) +
           '\n';
    for (const StatementChange* change : changes) {
      out += text_line(*change, color);
    }
  });
  out += '\n' + paint("Statements: " + counts_text(diff.counts), ansi::k_bold, color) + '\n';
  return out;
}

std::string render_diff_json(const LadderDiff& diff) {
  Json levels = Json::array();
  for (const auto& level : diff.levels) {
    levels.push_back(
        {{"id", level.id},
         {"track", level.track},
         {"change", to_string(level.fate)},
         {"old_title", level.old_title.empty() ? Json(nullptr) : Json(level.old_title)},
         {"new_title", level.new_title.empty() ? Json(nullptr) : Json(level.new_title)}});
  }
  Json statements = Json::array();
  for (const auto& change : diff.statements) {
    Json one{{"change", to_string(change.fate)}, {"similarity", rounded(change.similarity)}};
    one["before"] = change.before ? placed_json(*change.before) : Json(nullptr);
    one["after"] = change.after ? placed_json(*change.after) : Json(nullptr);
    if (!change.words.empty()) {
      one["words"] = words_json(change.words);
    }
    statements.push_back(std::move(one));
  }
  const FateCounts& c = diff.counts;
  Json out{{"before", version_json(diff.before)},
           {"after", version_json(diff.after)},
           {"threshold", diff.threshold},
           {"move_threshold", std::max(diff.threshold, k_move_threshold)},
           {"summary",
            {{"kept", c.kept},
             {"reworded", c.reworded},
             {"moved", c.moved},
             {"new", c.added},
             {"dropped", c.dropped},
             {"levels_added", levels_that(diff, LevelFate::added)},
             {"levels_removed", levels_that(diff, LevelFate::removed)},
             {"levels_renamed", levels_that(diff, LevelFate::renamed)}}},
           {"levels", std::move(levels)},
           {"statements", std::move(statements)}};
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string render_diff_markdown(const LadderDiff& diff) {
  std::string out = fmt::format("### Ladder changes: {} → {}\n\n",
                                md_escape(describe(diff.before), MdPlace::heading),
                                md_escape(describe(diff.after), MdPlace::heading));
  if (diff.unchanged()) {
    out +=
        fmt::format("No changes: the same levels and the same {} statements.\n", diff.counts.kept);
    return out;
  }
  const FateCounts& c = diff.counts;
  out += "| kept | reworded | moved | new | dropped |\n|---:|---:|---:|---:|---:|\n";
  out +=
      fmt::format("| {} | {} | {} | {} | {} |\n", c.kept, c.reworded, c.moved, c.added, c.dropped);
  std::string levels;
  for (const auto& level : diff.levels) {
    const std::string id = md_escape(level.id, MdPlace::text);
    switch (level.fate) {
      case LevelFate::kept:
        break;
      case LevelFate::added:
        levels +=
            fmt::format("- **Added** {} {} ({})\n", id, md_escape(level.new_title, MdPlace::text),
                        md_escape(level.track, MdPlace::text));
        break;
      case LevelFate::renamed:
        levels +=
            fmt::format("- **Renamed** {} {} → {}\n", id, md_escape(level.old_title, MdPlace::text),
                        md_escape(level.new_title, MdPlace::text));
        break;
      case LevelFate::removed:
        levels +=
            fmt::format("- **Removed** {} {} ({})\n", id, md_escape(level.old_title, MdPlace::text),
                        md_escape(level.track, MdPlace::text));
        break;
    }
  }
  if (!levels.empty()) {
    out += "\n#### Levels\n\n" + levels;
  }
  for_each_changed_level(
      diff, [&](std::string_view level, const std::vector<const StatementChange*>& changes) {
        out += fmt::format("\n#### {} · {}\n\n", md_escape(level, MdPlace::heading),
                           md_escape(title_of(diff, level), MdPlace::heading));
        for (const StatementChange* change : changes) {
          out += md_line(*change);
        }
      });
  return out;
}

}  // namespace rung::compare
