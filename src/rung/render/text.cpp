#include "rung/render/text.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace rung::render {

namespace {

using model::Ladder;
using model::Level;
using model::Track;

std::string pad(std::string_view text, std::size_t width) {
  std::string out(text);
  std::size_t shown = display_width(text);
  if (shown < width) {
    out.append(width - shown, ' ');
  }
  return out;
}

std::string family_text(model::Family family) {
  return family == model::Family::manager ? "manager track" : "individual-contributor track";
}

// The cell text of each track at each grade: cells[grade][track].
std::vector<std::vector<std::string>> grade_grid(const Ladder& ladder) {
  const auto& grades = ladder.data().general.grades;
  std::vector<std::vector<std::string>> cells(grades.size(),
                                              std::vector<std::string>(ladder.tracks().size()));
  for (std::size_t t = 0; t < ladder.tracks().size(); ++t) {
    for (const Level& level : ladder.tracks()[t].levels) {
      auto row = ladder.grade_index(level.grade);
      if (!row) {
        continue;
      }
      std::string& cell = cells[*row][t];
      cell += fmt::format("{}{} {}", cell.empty() ? "" : " / ", level.id, level.title);
    }
  }
  return cells;
}

std::string header_text(const Ladder& ladder) {
  const model::Metadata& meta = ladder.data().meta;
  std::string out = meta.name;
  if (!meta.organization.empty()) {
    out += " · " + meta.organization;
  }
  if (!meta.published.empty()) {
    out += " · published " + meta.published;
  }
  out += '\n';
  for (const auto& author : meta.authors) {
    out += fmt::format("Written by {}{}\n", author.name,
                       author.role.empty() ? "" : ", " + author.role);
  }
  for (const auto& credit : meta.credits) {
    out += credit + '\n';
  }
  return out;
}

std::string grid_text(const Ladder& ladder) {
  const auto& general = ladder.data().general;
  auto cells = grade_grid(ladder);
  std::vector<std::size_t> widths;
  const std::string grade_head = "Grade";
  std::size_t grade_width = grade_head.size();
  for (const auto& grade : general.grades) {
    grade_width = std::max(grade_width, display_width(grade));
  }
  for (std::size_t t = 0; t < ladder.tracks().size(); ++t) {
    std::size_t width = display_width(ladder.tracks()[t].name);
    for (const auto& row : cells) {
      width = std::max(width, display_width(row[t]));
    }
    widths.push_back(width);
  }
  std::string out = general.name.empty() ? std::string() : general.name + '\n';
  auto line = [&](std::string_view first, auto&& cell_of) {
    std::string row = pad(first, grade_width);
    for (std::size_t t = 0; t < widths.size(); ++t) {
      row += "  " + pad(cell_of(t), widths[t]);
    }
    row.erase(row.find_last_not_of(' ') + 1);
    out += row + '\n';
  };
  line(grade_head, [&](std::size_t t) { return ladder.tracks()[t].name; });
  line(std::string(grade_width, '-'), [&](std::size_t t) { return std::string(widths[t], '-'); });
  for (std::size_t g = 0; g < cells.size(); ++g) {
    line(general.grades[g], [&](std::size_t t) { return cells[g][t]; });
  }
  return out;
}

std::string ungraded_text(const Ladder& ladder) {
  std::string out;
  for (const Track& track : ladder.tracks()) {
    for (const Level& level : track.levels) {
      if (!ladder.grade_index(level.grade)) {
        out += fmt::format("  {} {} ({})\n", level.id, level.title, track.name);
      }
    }
  }
  return out.empty() ? out : "Levels not on the general ladder:\n" + out;
}

}  // namespace

std::string experience_text(const model::Experience& experience) {
  if (experience.max_years) {
    return fmt::format("{}-{} years", experience.min_years, *experience.max_years);
  }
  return fmt::format("{}+ years", experience.min_years);
}

std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string overview_text(const Ladder& ladder) {
  std::string out = header_text(ladder) + '\n';
  out += grid_text(ladder);
  std::string ungraded = ungraded_text(ladder);
  if (!ungraded.empty()) {
    out += '\n' + ungraded;
  }
  out += "\nTracks:\n";
  for (const Track& track : ladder.tracks()) {
    out += fmt::format("  {:<6} {} ({}, {} levels)\n", track.id, track.name,
                       family_text(track.family), track.levels.size());
  }
  out += "\nShow a level with `rung show LEVEL` (e.g. `rung show " +
         (ladder.tracks().empty() || ladder.tracks()[0].levels.empty()
              ? std::string("swe-1")
              : ladder.tracks()[0].levels[0].id) +
         "`), a track with `rung show TRACK`.\n";
  return out;
}

std::string level_text(const Ladder& ladder, const Level& level, const TextOptions& options) {
  const Track* track = ladder.track_of(level.id);
  std::string out = fmt::format("{} ({})\n", level.title, level.id);
  std::vector<std::string> facts;
  if (track != nullptr) {
    facts.push_back(
        fmt::format("{}, level {} of {}", track->name, level.number, track->levels.back().number));
  }
  if (!level.grade.empty()) {
    facts.push_back("grade " + level.grade);
  }
  if (level.experience) {
    facts.push_back(experience_text(*level.experience) + " of experience");
  }
  out += fmt::format("{}\n", fmt::join(facts, " · "));
  if (const Level* next = ladder.next_level(level.id)) {
    out += fmt::format("Next level: {} ({})\n", next->title, next->id);
  }
  if (!level.shares.empty()) {
    const Level* shared = ladder.find_level(level.shares);
    out += fmt::format("Shares its description with {} ({})\n",
                       shared != nullptr ? shared->title : level.shares, level.shares);
  }
  for (const auto& block : ladder.content_of(level)) {
    const model::Area* area = ladder.find_area(block.area);
    out += fmt::format("\n{}\n", area != nullptr ? area->name : block.area);
    for (const auto& statement : block.statements) {
      std::string prefix = options.show_ids ? fmt::format("[{}] ", statement.id) : std::string();
      out += fmt::format("  • {}{}\n", prefix, statement.text);
      for (const auto& ref : statement.refs) {
        const Level* target = ladder.find_level(ref);
        out += fmt::format("      → {} ({})\n", target != nullptr ? target->title : ref, ref);
      }
    }
  }
  return out;
}

std::string track_text(const Ladder& ladder, const Track& track, const TextOptions& options) {
  std::string out = fmt::format("{} ({}, {})\n", track.name, track.id, family_text(track.family));
  for (const Level& level : track.levels) {
    out += "\n" + std::string(60, '=') + "\n" + level_text(ladder, level, options);
  }
  return out;
}

}  // namespace rung::render
