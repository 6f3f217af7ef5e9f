#include "rung/importer/markdown_import.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/importer/doc_assembler.hpp"
#include "rung/importer/text_fields.hpp"
#include "rung/model/validate.hpp"

namespace rung::importer {

namespace {

constexpr std::string_view k_md_bom = "\xEF\xBB\xBF";

enum class MdItemKind { bullet, lead_in, area_label, table, shares };

struct MdTableRow {
  std::vector<Cell> cells;
  model::SourceLoc end;
};

struct MdItem {
  MdItemKind kind = MdItemKind::bullet;
  std::string area;  // lead-in / area label
  std::string text;  // bullet or lead-in text
  model::SourceLoc loc;
  int indent = 0;                 // bullets: columns before the marker
  std::vector<MdTableRow> table;  // header first; the separator row left out
  int last_line = 0;              // the last line the item's text comes from
};

struct MdSection {
  int depth = 0;  // 1 for '#'
  std::string text;
  model::SourceLoc loc;
  int parent = -1;
  std::vector<MdItem> items;
  bool has_children = false;
};

int columns_of(std::string_view prefix) {
  int n = 0;
  for (char c : prefix) {
    n += (static_cast<unsigned char>(c) & 0xC0) == 0x80 ? 0 : 1;
  }
  return n;
}

// "# Title ##" -> depth 1, "Title"; nullopt for a line that is no ATX heading.
std::optional<std::pair<int, std::string_view>> heading_of(std::string_view line) {
  std::size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') {
    ++hashes;
  }
  if (hashes == 0 || hashes > 6 || hashes >= line.size() || line[hashes] != ' ') {
    return std::nullopt;
  }
  std::string_view text = trim(line.substr(hashes));
  while (!text.empty() && text.back() == '#') {
    text.remove_suffix(1);
  }
  return std::make_pair(static_cast<int>(hashes), trim(text));
}

// A list item: "- text", "* text", "+ text", "• text", "1. text", "2) text". Returns the text's
// offset in the line.
std::optional<std::size_t> bullet_text_at(std::string_view line, std::size_t indent) {
  std::string_view rest = line.substr(indent);
  for (std::string_view mark : {"-", "*", "+", "\xE2\x80\xA2"}) {
    if (rest.starts_with(mark) && rest.size() > mark.size() &&
        (rest[mark.size()] == ' ' || rest[mark.size()] == '\t')) {
      std::size_t at = indent + mark.size();
      while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) {
        ++at;
      }
      return at < line.size() ? std::optional<std::size_t>(at) : std::nullopt;
    }
  }
  std::size_t digits = 0;
  while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits])) != 0) {
    ++digits;
  }
  if (digits > 0 && digits + 1 < rest.size() && (rest[digits] == '.' || rest[digits] == ')') &&
      rest[digits + 1] == ' ') {
    std::size_t at = indent + digits + 1;
    while (at < line.size() && line[at] == ' ') {
      ++at;
    }
    return at < line.size() ? std::optional<std::size_t>(at) : std::nullopt;
  }
  return std::nullopt;
}

// "**Area**: text", "**Area:** text", "__Area__: text" -> {"Area", "text"} (text may be empty).
std::optional<std::pair<std::string, std::string>> lead_in_of(std::string_view text) {
  for (std::string_view fence : {"**", "__"}) {
    if (!text.starts_with(fence)) {
      continue;
    }
    std::size_t close = text.find(fence, fence.size());
    if (close == std::string_view::npos || close == fence.size()) {
      return std::nullopt;
    }
    std::string_view label = trim(text.substr(fence.size(), close - fence.size()));
    std::string_view rest = text.substr(close + fence.size());
    bool colon = false;
    if (label.ends_with(":")) {
      label.remove_suffix(1);
      colon = true;
    }
    rest = trim(rest);
    if (rest.starts_with(":")) {
      rest = trim(rest.substr(1));
      colon = true;
    }
    if (!colon && !rest.empty()) {
      return std::nullopt;  // bold words inside a sentence
    }
    return std::make_pair(std::string(trim(label)), std::string(rest));
  }
  return std::nullopt;
}

// A table cell as plain text: "[Title](#id)" -> "Title", "`swe-1`" -> "swe-1", "**x**" -> "x".
std::string plain_cell(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '[') {
      const std::size_t close = text.find("](", i);
      const std::size_t end = close == std::string_view::npos ? close : text.find(')', close);
      if (end != std::string_view::npos) {
        out += text.substr(i + 1, close - i - 1);
        i = end;
        continue;
      }
    }
    if (text[i] == '`') {
      continue;
    }
    out += text[i];
  }
  std::string_view view = trim(out);
  for (std::string_view fence : {"**", "__"}) {
    if (view.size() > 2 * fence.size() && view.starts_with(fence) && view.ends_with(fence)) {
      view = view.substr(fence.size(), view.size() - 2 * fence.size());
    }
  }
  return std::string(trim(view));
}

std::vector<Cell> table_cells(std::string_view line, int number, std::size_t indent) {
  std::vector<Cell> cells;
  std::string_view rest = line.substr(indent);
  std::size_t offset = indent;
  if (rest.starts_with("|")) {
    rest.remove_prefix(1);
    ++offset;
  }
  if (rest.ends_with("|")) {
    rest.remove_suffix(1);
  }
  std::size_t start = 0;
  for (std::size_t i = 0; i <= rest.size(); ++i) {
    if (i == rest.size() || (rest[i] == '|' && (i == 0 || rest[i - 1] != '\\'))) {
      std::string_view raw = rest.substr(start, i - start);
      std::string_view text = trim(raw);
      const std::size_t at = offset + start + static_cast<std::size_t>(text.data() - raw.data());
      cells.push_back(Cell{plain_cell(text), {number, columns_of(line.substr(0, at)) + 1}});
      start = i + 1;
    }
  }
  return cells;
}

bool is_separator_row(const std::vector<Cell>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const Cell& c) {
    return !c.text.empty() && c.text.find_first_not_of(":- ") == std::string::npos;
  });
}

// "2024-03-01": the date the ladder format's `published` takes.
bool is_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return false;
  }
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) {
      return false;
    }
  }
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  const int day = (text[8] - '0') * 10 + (text[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// "Level 2: Engineer II", "L3 — Senior Engineer" -> {"Level 2", "Engineer II"}; a heading
// without such a split is its own label, with no title.
std::pair<std::string, std::string> label_and_title(std::string_view heading) {
  for (std::string_view separator : {": ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", " | "}) {
    std::size_t at = heading.find(separator);
    if (at != std::string_view::npos && at > 0) {
      std::string_view left = trim(heading.substr(0, at));
      std::string_view right = trim(heading.substr(at + separator.size()));
      if (label_number(left) && !right.empty() && left.size() <= 24) {
        return {std::string(left), std::string(right)};
      }
    }
  }
  return {std::string(heading), ""};
}

class MarkdownReader {
 public:
  MarkdownReader(std::string_view text, std::string_view file_name)
      : m_text(text), m_file(file_name), m_doc(file_name) {}

  Result<TableReading> run();

 private:
  Result<void> read_front_matter(std::vector<std::string_view>& lines, std::size_t& first);
  Result<void> parse(const std::vector<std::string_view>& lines, std::size_t first);
  Result<void> assemble();
  void apply_level_table(const MdItem& table, PendingTrack* only);
  double levelness(const std::vector<int>& sections) const;
  Result<void> check_table(const MdItem& table) const;

  std::string_view m_text;
  std::string_view m_file;
  DocAssembler m_doc;
  std::deque<MdSection> m_sections;  // a deque: the section being read is held by address
  MdSection m_preamble;              // what comes before the first heading
  std::string m_name;
  std::string m_organization;
  std::string m_published;
  bool m_dropped_examples = false;
};

Result<void> MarkdownReader::read_front_matter(std::vector<std::string_view>& lines,
                                               std::size_t& first) {
  if (lines.empty() || trim(lines[0]) != "---") {
    return {};
  }
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::string_view line = trim(lines[i]);
    if (line == "---" || line == "...") {
      first = i + 1;
      return {};
    }
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || lines[i].starts_with(" ")) {
      continue;
    }
    std::string key = ascii_lower(trim(line.substr(0, colon)));
    std::string_view value = trim(line.substr(colon + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    if (key == "title" || key == "name") {
      m_name = std::string(value);
    } else if (key == "organization" || key == "organisation" || key == "company") {
      m_organization = std::string(value);
    } else if (key == "published" || key == "date") {
      if (is_date(value.substr(0, 10)) &&
          (value.size() == 10 || value[10] == 'T' || value[10] == ' ')) {
        m_published = std::string(value.substr(0, 10));
      } else {
        m_doc.note({static_cast<int>(i) + 1, 1},
                   fmt::format("'{}' is not a date (YYYY-MM-DD); left out", value));
      }
    }
  }
  return fail("import.front-matter", "the front matter that starts here never ends",
              Location{std::string(m_file), 1, 1}, "end it with a line '---'");
}

Result<void> MarkdownReader::parse(const std::vector<std::string_view>& lines, std::size_t first) {
  MdSection* current = &m_preamble;
  bool in_fence = false;
  for (std::size_t i = first; i < lines.size(); ++i) {
    const int number = static_cast<int>(i) + 1;
    std::string_view line = lines[i];
    std::string_view content = trim(line);
    if (content.starts_with("```") || content.starts_with("~~~")) {
      in_fence = !in_fence;
      continue;
    }
    if (in_fence || content.empty()) {
      continue;
    }
    const std::size_t indent = static_cast<std::size_t>(content.data() - line.data());
    if (auto heading = heading_of(content); heading && indent < 4) {
      MdSection section;
      section.depth = heading->first;
      section.text = std::string(heading->second);
      section.loc = {number, columns_of(line.substr(0, static_cast<std::size_t>(
                                                           heading->second.data() - line.data()))) +
                                 1};
      for (int p = static_cast<int>(m_sections.size()) - 1; p >= 0; --p) {
        if (m_sections[static_cast<std::size_t>(p)].depth < section.depth) {
          section.parent = p;
          m_sections[static_cast<std::size_t>(p)].has_children = true;
          break;
        }
      }
      m_sections.push_back(std::move(section));
      current = &m_sections.back();
      continue;
    }
    if (content.starts_with("|")) {
      std::vector<Cell> cells = table_cells(line, number, indent);
      MdItem* table = !current->items.empty() && current->items.back().kind == MdItemKind::table &&
                              current->items.back().table.back().end.line == number - 1
                          ? &current->items.back()
                          : nullptr;
      if (table == nullptr) {
        current->items.push_back(
            MdItem{MdItemKind::table, "", "", {number, static_cast<int>(indent) + 1}, 0, {}, 0});
        table = &current->items.back();
      } else if (table->table.size() == 1 && is_separator_row(cells)) {
        table->table.back().end.line = number;  // keep the table contiguous
        continue;
      }
      table->table.push_back(MdTableRow{std::move(cells), {number, columns_of(line) + 1}});
      continue;
    }
    if (auto at = bullet_text_at(line, indent)) {
      std::string_view text = trim(line.substr(*at));
      const model::SourceLoc loc{number, columns_of(line.substr(0, *at)) + 1};
      // A bullet nested under a statement is an example of it.
      const MdItem* last = current->items.empty() ? nullptr : &current->items.back();
      if (last != nullptr && last->kind != MdItemKind::table &&
          last->kind != MdItemKind::area_label && static_cast<int>(indent) > last->indent + 1 &&
          !(last->kind == MdItemKind::lead_in && last->text.empty())) {
        m_dropped_examples = true;
        continue;
      }
      if (auto lead = lead_in_of(text)) {
        current->items.push_back(
            MdItem{lead->second.empty() ? MdItemKind::area_label : MdItemKind::lead_in,
                   lead->first,
                   lead->second,
                   loc,
                   static_cast<int>(indent),
                   {},
                   number});
      } else {
        current->items.push_back(MdItem{
            MdItemKind::bullet, "", std::string(text), loc, static_cast<int>(indent), {}, number});
      }
      continue;
    }
    if (auto lead = lead_in_of(content)) {
      current->items.push_back(
          MdItem{lead->second.empty() ? MdItemKind::area_label : MdItemKind::lead_in,
                 lead->first,
                 lead->second,
                 {number, static_cast<int>(indent) + 1},
                 -1,
                 {},
                 number});
      continue;
    }
    // "Shares the description of [Title](#id)." (rung's Markdown export) under a level.
    for (std::string_view opening : {"Shares the description of ", "(same description as "}) {
      if (content.starts_with(opening)) {
        std::string target = plain_cell(content.substr(opening.size()));
        while (!target.empty() && (target.back() == '.' || target.back() == ')')) {
          target.pop_back();
        }
        current->items.push_back(MdItem{MdItemKind::shares,
                                        "",
                                        target,
                                        {number, static_cast<int>(indent) + 1},
                                        -1,
                                        {},
                                        number});
      }
    }
    // A line right after a statement (a bullet or a lead-in) continues it, indented or not
    // (Markdown's lazy continuation); other paragraphs are prose.
    if (!current->items.empty() && i > 0 && !trim(lines[i - 1]).empty()) {
      MdItem& last = current->items.back();
      const bool statement = last.kind == MdItemKind::bullet || last.kind == MdItemKind::lead_in;
      if (statement && last.last_line == number - 1) {
        last.text += ' ';
        last.text += content;
        last.last_line = number;
      }
    }
  }
  return {};
}

double MarkdownReader::levelness(const std::vector<int>& sections) const {
  if (sections.empty()) {
    return 0.0;
  }
  int count = 0;
  for (int s : sections) {
    count += looks_like_level(m_sections[static_cast<std::size_t>(s)].text) ? 1 : 0;
  }
  return static_cast<double>(count) / static_cast<double>(sections.size());
}

Result<void> MarkdownReader::check_table(const MdItem& table) const {
  const std::size_t width = table.table.front().cells.size();
  for (std::size_t r = 1; r < table.table.size(); ++r) {
    const auto& row = table.table[r];
    if (row.cells.size() != width) {
      const model::SourceLoc where = row.cells.size() > width ? row.cells[width].loc : row.end;
      return fail("import.ragged",
                  fmt::format("this table row has {} cells; the table's header (line {}) has {}",
                              row.cells.size(), table.loc.line, width),
                  m_doc.at(where), "give every row of the table one cell per column");
    }
  }
  return {};
}

void MarkdownReader::apply_level_table(const MdItem& table, PendingTrack* only) {
  std::map<TableColumn, std::size_t> columns;
  const auto& header = table.table.front().cells;
  for (std::size_t c = 0; c < header.size(); ++c) {
    TableColumn column = column_of(header[c].text);
    if (column != TableColumn::none && !columns.contains(column)) {
      columns[column] = c;
    }
  }
  if (!columns.contains(TableColumn::level) || columns.contains(TableColumn::text)) {
    return;
  }
  auto value = [&](const MdTableRow& row, TableColumn column) {
    auto found = columns.find(column);
    return found == columns.end() ? std::string() : row.cells[found->second].text;
  };
  for (std::size_t r = 1; r < table.table.size(); ++r) {
    const MdTableRow& row = table.table[r];
    const std::string label = value(row, TableColumn::level);
    if (label.empty()) {
      continue;
    }
    std::vector<PendingTrack*> tracks;
    if (only != nullptr) {
      tracks.push_back(only);
    } else {
      for (auto& t : m_doc.tracks()) {
        tracks.push_back(&t);
      }
    }
    bool found = false;
    for (PendingTrack* t : tracks) {
      for (PendingLevel& l : t->levels) {
        const std::string title = value(row, TableColumn::title);
        const bool by_label = l.label == label || level_title(l) == label;
        const bool by_title = !title.empty() && (l.label == title || level_title(l) == title);
        if (!by_label && !by_title) {
          continue;
        }
        found = true;
        if (std::string id = value(row, TableColumn::statement_id);
            model::is_valid_id(id) && l.id.empty()) {
          l.id = id;  // an "Id" column, as rung's Markdown export writes
        }
        if (!title.empty()) {
          l.title = title;
        }
        if (std::string grade = value(row, TableColumn::grade); !grade.empty()) {
          l.grade = grade;
        }
        if (std::string years = value(row, TableColumn::experience); !years.empty()) {
          l.experience = parse_experience(years);
          if (l.experience) {
            l.experience->loc = row.cells[columns[TableColumn::experience]].loc;
          }
        }
      }
    }
    if (!found && tracks.size() == 1) {
      PendingLevel& l = m_doc.level(*tracks.front(), label, row.cells.front().loc);
      l.title = value(row, TableColumn::title);
      if (std::string id = value(row, TableColumn::statement_id); model::is_valid_id(id)) {
        l.id = id;
      }
      l.grade = value(row, TableColumn::grade);
      l.experience = parse_experience(value(row, TableColumn::experience));
      m_doc.note(row.cells.front().loc,
                 fmt::format("level '{}' is in the table of levels but has no heading; it has no "
                             "statements",
                             label));
    }
  }
}

Result<void> MarkdownReader::assemble() {
  // The ladder's title: a single '#' heading that comes first, with deeper headings below.
  int title = -1;
  const auto h1 = std::count_if(m_sections.begin(), m_sections.end(),
                                [](const MdSection& s) { return s.depth == 1; });
  if (!m_sections.empty() && m_sections.front().depth == 1 && h1 == 1 &&
      m_sections.front().has_children) {
    title = 0;
    if (m_name.empty()) {
      m_name = m_sections.front().text;
    }
  }
  // Sections holding statements (bullets or lead-ins).
  std::vector<int> content;
  for (std::size_t s = 0; s < m_sections.size(); ++s) {
    const auto& items = m_sections[s].items;
    if (static_cast<int>(s) != title &&
        std::any_of(items.begin(), items.end(), [](const MdItem& i) {
          return i.kind == MdItemKind::bullet || i.kind == MdItemKind::lead_in;
        })) {
      content.push_back(static_cast<int>(s));
    }
  }
  for (const MdItem& item : m_preamble.items) {
    if (item.kind == MdItemKind::table) {
      RUNG_TRY(check_table(item));
    }
  }
  for (const MdSection& section : m_sections) {
    for (const MdItem& item : section.items) {
      if (item.kind == MdItemKind::table) {
        RUNG_TRY(check_table(item));
      }
    }
  }
  if (content.empty()) {
    return fail("import.no-levels",
                "no recognisable levels: no heading of this Markdown document holds statements",
                m_doc.at(m_sections.empty() ? model::SourceLoc{1, 1} : m_sections.front().loc),
                "put each level under a heading ('## Level 1') and its statements in bullets "
                "below it ('- You fix bugs.')");
  }
  std::vector<int> parents;
  bool lead_ins = false;
  for (int s : content) {
    const MdSection& section = m_sections[static_cast<std::size_t>(s)];
    if (section.parent >= 0 && section.parent != title &&
        std::find(parents.begin(), parents.end(), section.parent) == parents.end()) {
      parents.push_back(section.parent);
    }
    for (const MdItem& item : section.items) {
      lead_ins =
          lead_ins || item.kind == MdItemKind::lead_in || item.kind == MdItemKind::area_label;
    }
  }
  // Statements sit in areas under levels, or directly under levels.
  const bool areas_are_headings = !lead_ins && !parents.empty() &&
                                  levelness(parents) >= levelness(content) &&
                                  levelness(parents) > 0.0;
  std::vector<int> level_sections = areas_are_headings ? parents : content;
  auto track_of_level = [&](int s) -> PendingTrack& {
    int parent = m_sections[static_cast<std::size_t>(s)].parent;
    if (parent >= 0 && parent != title) {
      const MdSection& t = m_sections[static_cast<std::size_t>(parent)];
      return m_doc.track(t.text, "", t.loc);
    }
    return m_doc.track(m_name.empty() ? name_from_file(m_file) : m_name, "",
                       m_sections[static_cast<std::size_t>(s)].loc);
  };
  auto level_of_section = [&](int s) -> PendingLevel& {
    const MdSection& section = m_sections[static_cast<std::size_t>(s)];
    auto [label, heading_title] = label_and_title(section.text);
    PendingLevel& level = m_doc.level(track_of_level(s), label, section.loc);
    if (!heading_title.empty()) {
      level.title = heading_title;
    }
    return level;
  };
  auto add_items = [&](PendingLevel& level, const MdSection& section, std::string area) {
    const std::string heading_area = area;
    for (const MdItem& item : section.items) {
      switch (item.kind) {
        case MdItemKind::area_label:
          area = item.area;
          break;
        case MdItemKind::lead_in:
          if (areas_are_headings) {
            m_doc.add_statement(level, heading_area, "", item.area + ": " + item.text, item.loc);
          } else {
            m_doc.add_statement(level, item.area, "", item.text, item.loc);
          }
          break;
        case MdItemKind::bullet:
          m_doc.add_statement(level, area.empty() ? std::string("General") : area, "", item.text,
                              item.loc);
          break;
        case MdItemKind::table:
        case MdItemKind::shares:
          break;
      }
    }
  };
  for (int s : level_sections) {
    PendingLevel& level = level_of_section(s);
    if (areas_are_headings) {
      for (int c : content) {
        const MdSection& area = m_sections[static_cast<std::size_t>(c)];
        if (area.parent == s) {
          add_items(level, area, area.text);
        }
      }
    } else {
      add_items(level, m_sections[static_cast<std::size_t>(s)], "");
    }
  }
  // Levels that share another's description: a heading with no statements of its own.
  for (std::size_t s = 0; s < m_sections.size(); ++s) {
    for (const MdItem& item : m_sections[s].items) {
      if (item.kind == MdItemKind::shares && static_cast<int>(s) != title) {
        PendingLevel& level = level_of_section(static_cast<int>(s));
        level.shares = item.text;
        level.shares_loc = item.loc;
      }
    }
  }
  // Tables of levels: under a track's heading they speak for that track, else for all.
  for (std::size_t s = 0; s < m_sections.size(); ++s) {
    for (const MdItem& item : m_sections[s].items) {
      if (item.kind != MdItemKind::table) {
        continue;
      }
      PendingTrack* only = nullptr;
      if (static_cast<int>(s) != title) {
        for (auto& t : m_doc.tracks()) {
          if (t.name == m_sections[s].text) {
            only = &t;
          }
        }
      }
      if (only == nullptr && m_doc.tracks().size() == 1) {
        only = &m_doc.tracks().front();
      }
      apply_level_table(item, only);
    }
  }
  for (const MdItem& item : m_preamble.items) {
    if (item.kind == MdItemKind::table) {
      apply_level_table(item, m_doc.tracks().size() == 1 ? &m_doc.tracks().front() : nullptr);
    } else {
      m_doc.note(item.loc, "text before the first heading is left out");
      break;
    }
  }
  if (m_dropped_examples) {
    m_doc.note({}, "bullets nested under a statement (examples) are left out");
  }
  return {};
}

Result<TableReading> MarkdownReader::run() {
  std::string_view text = m_text.starts_with(k_md_bom) ? m_text.substr(k_md_bom.size()) : m_text;
  std::vector<std::string_view> lines = split_lines(text);
  std::size_t first = 0;
  RUNG_TRY(read_front_matter(lines, first));
  RUNG_TRY(parse(lines, first));
  RUNG_TRY(assemble());
  RUNG_TRY_ASSIGN(TextDocument doc, m_doc.finish());
  doc.name = m_name.empty() ? name_from_file(m_file) : m_name;
  doc.organization = m_organization;
  doc.published = m_published;
  return TableReading{std::move(doc), m_doc.take_notes()};
}

}  // namespace

Result<TableReading> read_markdown_document(std::string_view text, std::string_view file_name) {
  return MarkdownReader(text, file_name).run();
}

}  // namespace rung::importer
