#include "rung/export/markdown.hpp"

#include <vector>

#include <fmt/format.h>

#include "rung/export/views.hpp"
#include "rung/format/markdown_text.hpp"

namespace rung::exports {

using format::md_escape;
using format::md_link;
using format::MdPlace;

namespace {

using model::Ladder;
using model::Level;
using model::Track;

std::string text(std::string_view raw) {
  return md_escape(raw, MdPlace::text);
}

std::string cell(std::string_view raw) {
  return md_escape(raw, MdPlace::table_cell);
}

std::string track_anchor(const Track& track) {
  return "track-" + track.id;
}

std::string table_row(const std::vector<std::string>& cells) {
  return fmt::format("| {} |\n", fmt::join(cells, " | "));
}

std::string header(const Ladder& ladder) {
  const model::Metadata& meta = ladder.data().meta;
  std::string out = fmt::format("# {}\n\n", md_escape(meta.name, MdPlace::heading));
  std::vector<std::string> facts;
  if (!meta.organization.empty()) {
    facts.push_back(text(meta.organization));
  }
  if (!meta.published.empty()) {
    facts.push_back("published " + text(meta.published));
  }
  std::vector<std::string> authors;
  for (const model::Author& author : meta.authors) {
    authors.push_back(author.role.empty()
                          ? text(author.name)
                          : fmt::format("{} ({})", text(author.name), text(author.role)));
  }
  if (!authors.empty()) {
    facts.push_back("written by " + fmt::format("{}", fmt::join(authors, ", ")));
  }
  if (!facts.empty()) {
    out += fmt::format("{}\n\n", fmt::join(facts, " · "));
  }
  return out;
}

std::string grid(const Ladder& ladder) {
  const model::GeneralLadder& general = ladder.data().general;
  GradeGrid cells = grade_grid(ladder);
  std::string out =
      fmt::format("### {}\n\n", general.name.empty() ? "General ladder"
                                                     : md_escape(general.name, MdPlace::heading));
  std::vector<std::string> head{"Grade"};
  std::vector<std::string> rule{"---"};
  for (const Track& track : ladder.tracks()) {
    head.push_back(md_link(track.name, track_anchor(track), MdPlace::table_cell));
    rule.emplace_back("---");
  }
  out += table_row(head) + table_row(rule);
  for (std::size_t g = 0; g < general.grades.size(); ++g) {
    std::vector<std::string> row{cell(general.grades[g])};
    for (const auto& levels : cells.cells[g]) {
      std::vector<std::string> links;
      for (const Level* level : levels) {
        links.push_back(md_link(level->title, level->id, MdPlace::table_cell));
      }
      row.push_back(fmt::format("{}", fmt::join(links, "<br>")));
    }
    out += table_row(row);
  }
  if (!cells.ungraded.empty()) {
    std::vector<std::string> links;
    for (const Level* level : cells.ungraded) {
      links.push_back(md_link(level->title, level->id, MdPlace::text));
    }
    out += fmt::format("\nNot on the general ladder: {}.\n", fmt::join(links, ", "));
  }
  return out + "\n";
}

std::string track_table(const Track& track) {
  std::string out = fmt::format("### {}\n\n", md_escape(track.name, MdPlace::heading));
  out += table_row({"Level", "Id", "Title", "Grade", "Experience"});
  out += table_row({"---:", "---", "---", "---", "---"});
  for (const Level& level : track.levels) {
    out += table_row({std::to_string(level.number), fmt::format("`{}`", level.id),
                      md_link(level.title, level.id, MdPlace::table_cell), cell(level.grade),
                      cell(experience_label(level))});
  }
  return out + "\n";
}

std::string overview(const Ladder& ladder) {
  std::string out = "## Overview\n\n";
  if (!ladder.data().general.grades.empty()) {
    out += grid(ladder);
  }
  for (const Track& track : ladder.tracks()) {
    out += track_table(track);
  }
  return out;
}

std::string facts_line(const Ladder& ladder, const Track& track, const Level& level) {
  std::vector<std::string> facts{fmt::format("`{}`", level.id),
                                 fmt::format("{}, level {} of {}", text(track.name), level.number,
                                             track.levels.back().number)};
  if (!level.detail_title.empty()) {
    facts.push_back("detail page title: " + text(level.detail_title));
  }
  if (!level.grade.empty()) {
    facts.push_back("grade " + text(level.grade));
  }
  if (level.experience) {
    facts.push_back(experience_label(level) + " of experience");
  }
  if (const Level* next = ladder.next_level(level.id)) {
    facts.push_back("next: " + md_link(next->title, next->id, MdPlace::text));
  }
  return fmt::format("{}\n\n", fmt::join(facts, " · "));
}

std::string statement_item(const Ladder& ladder, const model::Statement& statement) {
  std::string out = "- " + text(statement.text);
  std::vector<std::string> links;
  for (const std::string& ref : statement.refs) {
    const Level* target = ladder.find_level(ref);
    links.push_back(md_link(target != nullptr ? target->title : ref, ref, MdPlace::text));
  }
  if (!links.empty()) {
    out += fmt::format(" (see {})", fmt::join(links, ", "));
  }
  return out + "\n";
}

std::string level_section(const Ladder& ladder, const Track& track, const Level& level) {
  std::string out = fmt::format("<a id=\"{}\"></a>\n\n### {}\n\n", level.id,
                                md_escape(level.title, MdPlace::heading));
  out += facts_line(ladder, track, level);
  if (!level.shares.empty()) {
    const Level* shared = ladder.find_level(level.shares);
    return out + fmt::format("Shares the description of {}.\n\n",
                             md_link(shared != nullptr ? shared->title : level.shares, level.shares,
                                     MdPlace::text));
  }
  if (level.areas.empty()) {
    return out + "No statements yet.\n\n";
  }
  for (const model::AreaStatements& block : level.areas) {
    out += fmt::format("#### {}\n\n", md_escape(area_name(ladder, block.area), MdPlace::heading));
    for (const model::Statement& statement : block.statements) {
      out += statement_item(ladder, statement);
    }
    out += '\n';
  }
  return out;
}

std::string track_section(const Ladder& ladder, const Track& track) {
  std::string out = fmt::format("<a id=\"{}\"></a>\n\n## {}\n\n", track_anchor(track),
                                md_escape(track.name, MdPlace::heading));
  out += fmt::format("{} track · {} levels\n\n",
                     track.family == model::Family::manager ? "Manager" : "Individual-contributor",
                     track.levels.size());
  for (const Level& level : track.levels) {
    out += level_section(ladder, track, level);
  }
  return out;
}

std::string credits(const Ladder& ladder) {
  const auto& lines = ladder.data().meta.credits;
  if (lines.empty()) {
    return {};
  }
  std::string out = "## Credits\n\n";
  for (const std::string& line : lines) {
    out += "- " + text(line) + "\n";
  }
  return out + "\n";
}

}  // namespace

std::string to_markdown(const Ladder& ladder, const Options& /*options*/) {
  std::string out = header(ladder) + overview(ladder);
  for (const Track& track : ladder.tracks()) {
    out += track_section(ladder, track);
  }
  out += credits(ladder);
  while (out.size() > 1 && out.ends_with("\n\n")) {
    out.pop_back();
  }
  return out;
}

}  // namespace rung::exports
