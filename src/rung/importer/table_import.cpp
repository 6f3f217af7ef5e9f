#include "rung/importer/table_import.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/importer/doc_assembler.hpp"
#include "rung/importer/text_fields.hpp"
#include "rung/model/validate.hpp"

namespace rung::importer {

namespace {

// "Statement_ID " -> "statement id": what a header is compared by.
std::string header_key(std::string_view text) {
  std::string out;
  for (char c : trim(text)) {
    const auto u = static_cast<unsigned char>(c);
    const char mapped =
        (c == '_' || c == '-' || std::isspace(u) != 0) ? ' ' : static_cast<char>(std::tolower(u));
    if (mapped != ' ' || (!out.empty() && out.back() != ' ')) {
      out += mapped;
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ':')) {
    out.pop_back();
  }
  return out;
}

bool is_corner_label(std::string_view text) {
  const std::string key = header_key(text);
  const TableColumn column = column_of(key);
  return key.empty() || column == TableColumn::area || column == TableColumn::level ||
         key == "levels" || key == "area / level" || key == "areas";
}

// "tech-skills" -> "Tech skills": an area or track name made from an id.
std::string name_from_id(std::string_view id) {
  std::string out(id);
  std::replace(out.begin(), out.end(), '-', ' ');
  if (!out.empty()) {
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  }
  return out;
}

// The statements of a grid cell: one per bullet, or one per line when no line has a bullet.
std::vector<std::string> cell_statements(std::string_view text) {
  static constexpr std::string_view k_marks[] = {"\xE2\x80\xA2", "-", "*", "\xE2\x80\x93"};
  std::vector<std::string> out;
  bool any_bullet = false;
  std::vector<std::pair<bool, std::string>> lines;  // (starts a bullet, text)
  for (std::string_view raw : split_lines(text)) {
    std::string_view line = trim(raw);
    if (line.empty()) {
      continue;
    }
    bool bullet = false;
    for (std::string_view mark : k_marks) {
      if (line.starts_with(mark) && line.size() > mark.size() &&
          (line[mark.size()] == ' ' || line[mark.size()] == '\t')) {
        line = trim(line.substr(mark.size()));
        bullet = true;
        break;
      }
    }
    if (!bullet) {  // "1. text" / "2) text"
      std::size_t digits = 0;
      while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits])) != 0) {
        ++digits;
      }
      if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
          line[digits + 1] == ' ') {
        line = trim(line.substr(digits + 1));
        bullet = true;
      }
    }
    any_bullet = any_bullet || bullet;
    lines.emplace_back(bullet, std::string(line));
  }
  for (auto& [bullet, line] : lines) {
    if (any_bullet && !bullet && !out.empty()) {
      out.back() += ' ';
      out.back() += line;
    } else {
      out.push_back(std::move(line));
    }
  }
  return out;
}

class TableReader {
 public:
  TableReader(std::string_view file_name, std::string_view default_track)
      : m_file(file_name), m_fallback_track(default_track) {}

  // Reads one table (a CSV file, a worksheet) into the document; tables read one after the
  // other add to one ladder.
  Result<void> read(const Table& table);
  Result<TableReading> finish();

 private:
  Location at(model::SourceLoc loc) const { return m_doc.at(loc); }
  void note(model::SourceLoc loc, std::string message) { m_doc.note(loc, std::move(message)); }

  Result<void> check_ragged(std::size_t header_row) const;
  Result<void> read_rows(const std::map<TableColumn, std::size_t>& columns);
  Result<void> read_grid();

  const Table* m_table = nullptr;
  std::string_view m_file;
  std::string m_fallback_track;
  std::string m_default_track;
  DocAssembler m_doc{m_file};
};

Result<void> TableReader::check_ragged(std::size_t header_row) const {
  const std::size_t width = m_table->rows[header_row].size();
  for (std::size_t r = header_row + 1; r < m_table->rows.size(); ++r) {
    const TableRow& row = m_table->rows[r];
    if (row.size() < width) {
      return fail("import.ragged",
                  fmt::format("this row has {} cells; the header row (line {}) has {}", row.size(),
                              m_table->rows[header_row].front().loc.line, width),
                  at(m_table->row_ends[r]),
                  "every row needs a cell for every column, empty or not; check for a missing "
                  "delimiter or an unclosed quote");
    }
    for (std::size_t c = width; c < row.size(); ++c) {
      if (!trim(row[c].text).empty()) {
        return fail("import.ragged",
                    fmt::format("this row has a cell beyond the {} columns the header row (line "
                                "{}) names",
                                width, m_table->rows[header_row].front().loc.line),
                    at(row[c].loc),
                    "give the column a heading, or check for a stray delimiter in the row");
      }
    }
  }
  return {};
}

Result<void> TableReader::read_rows(const std::map<TableColumn, std::size_t>& columns) {
  auto cell = [&](const TableRow& row, TableColumn column) -> const Cell* {
    auto found = columns.find(column);
    return found == columns.end() ? nullptr : &row[found->second];
  };
  auto value = [&](const TableRow& row, TableColumn column) {
    const Cell* c = cell(row, column);
    return c == nullptr ? std::string() : unguard_cell(trim(c->text));
  };
  // Ids are taken from the document when it carries statement ids (rung's own exports).
  const bool ids_given = columns.contains(TableColumn::statement_id);
  if (!columns.contains(TableColumn::area)) {
    note(m_table->rows[0].front().loc,
         "the header names no area column; every statement goes to one area, 'General'");
  }
  if (!columns.contains(TableColumn::track) && m_table->name.empty()) {
    note(m_table->rows[0].front().loc,
         fmt::format("the header names no track column; one track, '{}'", m_default_track));
  }
  for (std::size_t r = 1; r < m_table->rows.size(); ++r) {
    const TableRow& row = m_table->rows[r];
    const std::string label = value(row, TableColumn::level);
    const std::string text = cell(row, TableColumn::text) == nullptr
                                 ? std::string()
                                 : unguard_cell(trim(cell(row, TableColumn::text)->text));
    if (label.empty()) {
      if (trim(text).empty()) {
        continue;
      }
      return fail("import.missing-cell", "this row has a statement but no level",
                  at(cell(row, TableColumn::level)->loc),
                  "name the level of every statement, e.g. 'L3' or 'Senior Engineer'");
    }
    std::string track_name = value(row, TableColumn::track);
    std::string track_id;
    model::SourceLoc track_loc = row.front().loc;
    if (track_name.empty()) {
      track_name = m_default_track;
    } else if (ids_given && model::is_valid_id(track_name)) {
      track_id = track_name;
    }
    PendingTrack& t = m_doc.track(track_name, track_id, track_loc);
    PendingLevel& l = m_doc.level(t, label, cell(row, TableColumn::level)->loc);
    if (ids_given && model::is_valid_id(label)) {
      l.id = label;
    }
    if (std::string title = value(row, TableColumn::title); !title.empty() && l.title.empty()) {
      l.title = title;
    }
    if (std::string grade = value(row, TableColumn::grade); !grade.empty() && l.grade.empty()) {
      l.grade = grade;
    }
    if (const Cell* years = cell(row, TableColumn::experience);
        years != nullptr && !trim(years->text).empty() && !l.experience) {
      l.experience = parse_experience(trim(years->text));
      if (l.experience) {
        l.experience->loc = years->loc;
      } else {
        note(years->loc, fmt::format("'{}' is not read as years of experience (e.g. '2-5 years', "
                                     "'8+ years'); left out",
                                     trim(years->text)));
      }
    }
    if (std::string shared = value(row, TableColumn::shared_from); !shared.empty()) {
      l.shares = shared;
      l.shares_loc = cell(row, TableColumn::shared_from)->loc;
      continue;  // the row repeats a statement of the level it shares
    }
    if (trim(text).empty()) {
      continue;  // a level without statements
    }
    std::string area_name = value(row, TableColumn::area);
    std::string area_id;
    if (cell(row, TableColumn::area) == nullptr) {
      area_name = "General";
    } else if (area_name.empty()) {
      return fail("import.missing-cell", "this row has a statement but no area",
                  at(cell(row, TableColumn::area)->loc),
                  "name the area of every statement, e.g. 'Communication'");
    } else if (ids_given && model::is_valid_id(area_name)) {
      area_id = area_name;
      area_name = name_from_id(area_id);
    }
    std::string id = value(row, TableColumn::statement_id);
    if (!model::is_valid_id(id)) {
      id.clear();
    }
    if (area_id.empty() && !l.id.empty() && id.starts_with(l.id + "-")) {
      // "<level>-<area>-<k>": an export that names areas (XLSX) still carries their ids.
      std::string_view middle = std::string_view(id).substr(l.id.size() + 1);
      if (auto dash = middle.rfind('-'); dash != std::string_view::npos && dash > 0) {
        area_id = std::string(middle.substr(0, dash));
      }
    }
    m_doc.add_statement(l, area_name, area_id, text, cell(row, TableColumn::text)->loc,
                        std::move(id));
  }
  return {};
}

Result<void> TableReader::read_grid() {
  const auto& rows = m_table->rows;
  const bool track_row =
      rows.size() >= 3 && (column_of(rows[0][0].text) == TableColumn::track ||
                           (trim(rows[0][0].text).empty() && (is_corner_label(rows[1][0].text))));
  const std::size_t header = track_row ? 1 : 0;
  const TableRow& heads = rows[header];
  std::size_t plausible = 0;
  std::size_t named = 0;
  for (std::size_t c = 1; c < heads.size(); ++c) {
    std::string_view label = trim(heads[c].text);
    if (!label.empty()) {
      ++named;
      plausible += looks_like_level(label) ? 1 : 0;
    }
  }
  if (named == 0 || (!is_corner_label(heads[0].text) && plausible * 2 < named)) {
    return fail("import.no-levels",
                "no recognisable levels: the first row names no level and text columns, and "
                "does not read as a grid of levels across and areas down",
                at(heads[0].loc),
                "start with a header row such as 'level,area,text', or put the level names "
                "across the first row and the area names down the first column");
  }
  RUNG_TRY(check_ragged(header));
  // The level of each column (nullptr for a column without a heading).
  std::vector<PendingLevel*> levels(heads.size(), nullptr);
  std::vector<std::string> track_of_column(heads.size(), m_default_track);
  for (std::size_t c = 1; c < heads.size(); ++c) {
    if (track_row) {
      std::string name;
      for (std::size_t k = c; k >= 1 && name.empty(); --k) {
        name = unguard_cell(trim(rows[0][k].text));
      }
      if (!name.empty()) {
        track_of_column[c] = name;
      }
    }
  }
  for (std::size_t c = 1; c < heads.size(); ++c) {
    std::vector<std::string_view> lines = split_lines(heads[c].text);
    std::string label = lines.empty() ? std::string() : unguard_cell(trim(lines.front()));
    if (label.empty()) {
      for (std::size_t r = header + 1; r < rows.size(); ++r) {
        if (!trim(rows[r][c].text).empty()) {
          return fail("import.missing-cell", "this column has statements but no level heading",
                      at(heads[c].loc), "name the level at the top of every column");
        }
      }
      continue;
    }
    PendingTrack& t =
        m_doc.track(track_of_column[c], "", track_row ? rows[0][c].loc : heads[c].loc);
    PendingLevel& l = m_doc.level(t, label, heads[c].loc);
    levels[c] = &l;
    for (std::size_t k = 1; k < lines.size(); ++k) {
      std::string_view extra = trim(lines[k]);
      constexpr std::string_view k_same = "(same description as ";
      if (extra.starts_with(k_same) && extra.ends_with(")")) {
        l.shares = std::string(trim(extra.substr(k_same.size(), extra.size() - k_same.size() - 1)));
        l.shares_loc = heads[c].loc;
      }
    }
  }
  for (std::size_t r = header + 1; r < rows.size(); ++r) {
    const TableRow& row = rows[r];
    const std::string area = unguard_cell(trim(row[0].text));
    bool any = false;
    for (std::size_t c = 1; c < heads.size(); ++c) {
      if (trim(row[c].text).empty()) {
        continue;
      }
      if (area.empty()) {
        return fail("import.missing-cell", "this row has statements but no area name",
                    at(row[0].loc), "name the area at the start of every row");
      }
      if (levels[c] == nullptr || !levels[c]->shares.empty()) {
        continue;  // a shared level's column repeats the statements of the level it shares
      }
      any = true;
      for (std::string& text : cell_statements(row[c].text)) {
        m_doc.add_statement(*levels[c], area, "", unguard_cell(text), row[c].loc, "");
      }
    }
    if (!any && !area.empty()) {
      note(row[0].loc, fmt::format("area '{}' has no statements at any level; left out", area));
    }
  }
  return {};
}

Result<void> TableReader::read(const Table& table) {
  m_table = &table;
  m_default_track = table.name.empty() ? m_fallback_track : table.name;
  if (table.rows.empty()) {
    return fail("import.empty", "the table has no rows", at({}));
  }
  std::map<TableColumn, std::size_t> columns;
  const TableRow& header = table.rows.front();
  for (std::size_t c = 0; c < header.size(); ++c) {
    TableColumn column = column_of(header[c].text);
    if (column != TableColumn::none && !columns.contains(column)) {
      columns[column] = c;
    }
  }
  if (columns.contains(TableColumn::level) && columns.contains(TableColumn::text)) {
    RUNG_TRY(check_ragged(0));
    for (std::size_t c = 0; c < header.size(); ++c) {
      if (column_of(header[c].text) == TableColumn::none && !trim(header[c].text).empty()) {
        note(header[c].loc,
             fmt::format("column '{}' is not one rung reads; left out", trim(header[c].text)));
      }
    }
    return read_rows(columns);
  }
  return read_grid();
}

Result<TableReading> TableReader::finish() {
  if (m_doc.empty()) {
    return fail("import.no-levels", "no recognisable levels: no row names a level",
                at(m_table != nullptr && !m_table->rows.empty() ? m_table->rows.front().front().loc
                                                                : model::SourceLoc{}),
                "name a level in every row, e.g. 'L3'");
  }
  RUNG_TRY_ASSIGN(TextDocument doc, m_doc.finish());
  return TableReading{std::move(doc), m_doc.take_notes()};
}

bool is_rows_table(const Table& table) {
  if (table.rows.empty()) {
    return false;
  }
  bool level = false;
  bool text = false;
  for (const Cell& cell : table.rows.front()) {
    level = level || column_of(cell.text) == TableColumn::level;
    text = text || column_of(cell.text) == TableColumn::text;
  }
  return level && text;
}

Error in_sheet(Error error, const Table& table) {
  if (!table.name.empty()) {
    error.message = fmt::format("sheet '{}': {}", table.name, error.message);
  }
  return error;
}

}  // namespace

TableColumn column_of(std::string_view header) {
  static const std::map<std::string, TableColumn, std::less<>> k_names = {
      {"track", TableColumn::track},
      {"track id", TableColumn::track},
      {"track name", TableColumn::track},
      {"role", TableColumn::track},
      {"job family", TableColumn::track},
      {"ladder", TableColumn::track},
      {"career path", TableColumn::track},
      {"level", TableColumn::level},
      {"level id", TableColumn::level},
      {"level name", TableColumn::level},
      {"rung", TableColumn::level},
      {"band", TableColumn::level},
      {"step", TableColumn::level},
      {"seniority", TableColumn::level},
      {"career level", TableColumn::level},
      {"title", TableColumn::title},
      {"level title", TableColumn::title},
      {"job title", TableColumn::title},
      {"grade", TableColumn::grade},
      {"pay grade", TableColumn::grade},
      {"experience", TableColumn::experience},
      {"years", TableColumn::experience},
      {"years of experience", TableColumn::experience},
      {"area", TableColumn::area},
      {"area id", TableColumn::area},
      {"area name", TableColumn::area},
      {"competency", TableColumn::area},
      {"category", TableColumn::area},
      {"dimension", TableColumn::area},
      {"topic", TableColumn::area},
      {"theme", TableColumn::area},
      {"skill", TableColumn::area},
      {"pillar", TableColumn::area},
      {"focus area", TableColumn::area},
      {"statement id", TableColumn::statement_id},
      {"id", TableColumn::statement_id},
      {"text", TableColumn::text},
      {"statement", TableColumn::text},
      {"statement text", TableColumn::text},
      {"description", TableColumn::text},
      {"criteria", TableColumn::text},
      {"criterion", TableColumn::text},
      {"expectation", TableColumn::text},
      {"expectations", TableColumn::text},
      {"behaviour", TableColumn::text},
      {"behavior", TableColumn::text},
      {"behaviours", TableColumn::text},
      {"behaviors", TableColumn::text},
      {"indicator", TableColumn::text},
      {"shared from", TableColumn::shared_from},
  };
  auto found = k_names.find(header_key(header));
  return found == k_names.end() ? TableColumn::none : found->second;
}

// Words that make a column heading read as a level of a grid.
bool looks_like_level(std::string_view label) {
  if (label_number(label) || label.find_first_of("0123456789") != std::string_view::npos) {
    return true;
  }
  static constexpr std::string_view k_words[] = {
      "level",  "junior", "senior",    "staff",    "principal", "lead",      "engineer",
      "intern", "mid",    "associate", "manager",  "director",  "head",      "fellow",
      "expert", "entry",  "novice",    "advanced", "developer", "architect", "apprentice"};
  const std::string lower = ascii_lower(label);
  return std::any_of(std::begin(k_words), std::end(k_words),
                     [&](std::string_view w) { return lower.find(w) != std::string::npos; });
}

std::string unguard_cell(std::string_view text) {
  if (text.size() >= 2 && text.front() == '\'' &&
      std::string_view("=+-@\t\r").find(text[1]) != std::string_view::npos) {
    return std::string(text.substr(1));
  }
  return std::string(text);
}

std::string name_from_file(std::string_view file_name) {
  std::string_view base = file_name;
  if (auto slash = base.find_last_of("/\\"); slash != std::string_view::npos) {
    base.remove_prefix(slash + 1);
  }
  if (auto dot = base.find('.'); dot != std::string_view::npos) {
    base = base.substr(0, dot);
  }
  std::string out;
  bool start = true;
  for (char c : base) {
    if (c == '-' || c == '_' || c == ' ') {
      if (!out.empty() && out.back() != ' ') {
        out += ' ';
      }
      start = true;
      continue;
    }
    out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    start = false;
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out.empty() ? std::string("Ladder") : out;
}

Result<TableReading> read_table_document(const Table& table, std::string_view file_name,
                                         std::string_view default_track) {
  TableReader reader(file_name, default_track);
  RUNG_TRY(reader.read(table));
  return reader.finish();
}

Result<TableReading> read_workbook_document(const std::vector<Table>& tables,
                                            std::string_view file_name,
                                            std::string_view default_track) {
  const bool any_rows = std::any_of(tables.begin(), tables.end(), is_rows_table);
  Notes skipped;
  std::optional<Error> first_error;
  for (const Table& table : tables) {
    if (any_rows) {
      break;
    }
    TableReader reader(file_name, default_track);
    if (auto read = reader.read(table); !read) {
      first_error = first_error ? first_error : in_sheet(std::move(read).error(), table);
      continue;
    }
    auto reading = reader.finish();
    if (!reading) {
      return tl::unexpected(in_sheet(std::move(reading).error(), table));
    }
    for (const Table& other : tables) {
      if (&other != &table) {
        reading->notes.push_back(Note{Location{std::string(file_name)},
                                      fmt::format("sheet '{}' is left out: the ladder is read "
                                                  "from sheet '{}'",
                                                  other.name, table.name)});
      }
    }
    return reading;
  }
  if (!any_rows) {
    return tl::unexpected(first_error
                              ? *first_error
                              : Error{"import.no-levels", "no recognisable levels in any sheet",
                                      Location{std::string(file_name)}, ""});
  }
  // Sheets with a row per statement (a track each, as rung's export writes them) make the
  // ladder; the others (an overview, a matrix) are left out.
  TableReader reader(file_name, default_track);
  for (const Table& table : tables) {
    if (!is_rows_table(table)) {
      skipped.push_back(Note{Location{std::string(file_name)},
                             fmt::format("sheet '{}' is left out: it has no level and text "
                                         "columns, and other sheets have",
                                         table.name)});
      continue;
    }
    if (auto read = reader.read(table); !read) {
      return tl::unexpected(in_sheet(std::move(read).error(), table));
    }
  }
  auto reading = reader.finish();
  if (reading) {
    reading->notes.insert(reading->notes.begin(), skipped.begin(), skipped.end());
  }
  return reading;
}

}  // namespace rung::importer
