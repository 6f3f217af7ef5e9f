#include <string>
#include <vector>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/export/views.hpp"
#include "rung/export/xlsx_sheet.hpp"

namespace rung::exports {

namespace {

using model::Ladder;
using model::Level;
using model::Track;

lxw_worksheet* add_sheet(lxw_workbook* workbook, const std::string& name) {
  return workbook_add_worksheet(workbook, name.c_str());
}

lxw_row_t to_row(std::size_t n) {
  return static_cast<lxw_row_t>(n);
}

lxw_col_t to_col(std::size_t n) {
  return static_cast<lxw_col_t>(n);
}

std::string titles(const std::vector<const Level*>& levels) {
  std::vector<std::string> lines;
  for (const Level* level : levels) {
    lines.push_back(level->title);
  }
  return join(lines, "\n");
}

std::string overview_title(const Ladder& ladder) {
  const model::LadderData& data = ladder.data();
  std::string out = data.meta.name;
  if (!data.meta.organization.empty()) {
    out += " · " + data.meta.organization;
  }
  if (!data.general.name.empty()) {
    out += " · " + data.general.name;
  }
  return out;
}

}  // namespace

Result<void> add_overview_sheet(lxw_workbook* workbook, const XlsxFormats& formats,
                                const Ladder& ladder, const std::string& name) {
  SheetWriter out(add_sheet(workbook, name), name);
  const GradeGrid grid = grade_grid(ladder);
  const auto& grades = ladder.data().general.grades;
  out.text(0, 0, overview_title(ladder), formats.title, SheetWriter::Measure::no);
  out.text(1, 0, "Grade", formats.header);
  for (std::size_t t = 0; t < ladder.tracks().size(); ++t) {
    out.text(1, to_col(t + 1), ladder.tracks()[t].name, formats.header);
  }
  for (std::size_t g = 0; g < grades.size(); ++g) {
    out.text(to_row(g + 2), 0, grades[g], formats.body);
    for (std::size_t t = 0; t < grid.cells[g].size(); ++t) {
      out.text(to_row(g + 2), to_col(t + 1), titles(grid.cells[g][t]), formats.body);
    }
  }
  if (!grid.ungraded.empty()) {
    const lxw_row_t row = to_row(grades.size() + 2);
    out.text(row, 0, "Not on the general ladder", formats.header);
    for (std::size_t t = 0; t < ladder.tracks().size(); ++t) {
      std::vector<const Level*> levels;
      for (const Level* level : grid.ungraded) {
        if (ladder.track_of(level->id) == &ladder.tracks()[t]) {
          levels.push_back(level);
        }
      }
      out.text(row, to_col(t + 1), titles(levels), formats.body);
    }
  }
  out.fit_column(0, 8, 14, formats.body);
  for (std::size_t t = 0; t < ladder.tracks().size(); ++t) {
    out.fit_column(to_col(t + 1), 16, 40, nullptr);
  }
  out.freeze(2, 1);
  return out.status();
}

namespace {

constexpr const char* k_track_columns[] = {"Level", "Title",        "Grade", "Experience",
                                           "Area",  "Statement id", "Text",  "Shared from"};

// Level, title, grade and experience: the first four cells of a row.
void level_cells(SheetWriter& out, lxw_row_t row, const Level& level, lxw_format* format) {
  out.text(row, 0, level.id, format);
  out.text(row, 1, level.title, format);
  out.text(row, 2, level.grade, format);
  out.text(row, 3, experience_label(level), format);
}

}  // namespace

Result<void> add_track_sheet(lxw_workbook* workbook, const XlsxFormats& formats,
                             const Ladder& ladder, const Track& track, const std::string& name) {
  SheetWriter out(add_sheet(workbook, name), name);
  const std::size_t columns = std::size(k_track_columns);
  for (std::size_t c = 0; c < columns; ++c) {
    out.text(0, to_col(c), k_track_columns[c], formats.header);
  }
  lxw_row_t row = 1;
  for (const Level& level : track.levels) {
    const auto blocks = ladder.content_of(level);
    if (blocks.empty()) {
      level_cells(out, row++, level, formats.body);
    }
    for (const model::AreaStatements& block : blocks) {
      for (const model::Statement& statement : block.statements) {
        level_cells(out, row, level, formats.body);
        out.text(row, 4, area_name(ladder, block.area), formats.body);
        out.text(row, 5, statement.id, formats.body);
        out.text(row, 6, statement.text, formats.body);
        out.text(row, 7, level.shares, formats.body);
        ++row;
      }
    }
  }
  const double limits[][2] = {{8, 14},  {14, 34}, {7, 10},  {11, 14},
                              {10, 28}, {12, 28}, {40, 90}, {8, 14}};
  for (std::size_t c = 0; c < columns; ++c) {
    out.fit_column(to_col(c), limits[c][0], limits[c][1], formats.body);
  }
  out.freeze(1, 0);
  out.autofilter(row - 1, to_col(columns - 1));
  return out.status();
}

namespace {

std::string bullets(const model::AreaStatements& block) {
  std::string out;
  for (const model::Statement& statement : block.statements) {
    out += (out.empty() ? "• " : "\n• ") + statement.text;
  }
  return out;
}

std::string matrix_level_header(const Ladder& ladder, const Level& level) {
  if (level.shares.empty()) {
    return level.title;
  }
  const Level* shared = ladder.find_level(level.shares);
  return fmt::format("{}\n(same description as {})", level.title,
                     shared != nullptr ? shared->title : level.shares);
}

}  // namespace

Result<void> add_matrix_sheet(lxw_workbook* workbook, const XlsxFormats& formats,
                              const Ladder& ladder, const std::string& name) {
  SheetWriter out(add_sheet(workbook, name), name);
  out.text(0, 0, "Track", formats.header);
  out.text(1, 0, "Area", formats.header);
  std::vector<const Level*> columns;
  for (const Track& track : ladder.tracks()) {
    const lxw_col_t first = to_col(columns.size() + 1);
    for (const Level& level : track.levels) {
      out.text(1, to_col(columns.size() + 1), matrix_level_header(ladder, level), formats.header);
      columns.push_back(&level);
    }
    if (!track.levels.empty()) {
      out.merged(0, first, to_col(columns.size()), track.name, formats.header);
    }
  }
  for (std::size_t a = 0; a < ladder.areas().size(); ++a) {
    const model::Area& area = ladder.areas()[a];
    out.text(to_row(a + 2), 0, area.name, formats.header);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      for (const model::AreaStatements& block : ladder.content_of(*columns[c])) {
        if (block.area == area.id) {
          out.text(to_row(a + 2), to_col(c + 1), bullets(block), formats.body);
        }
      }
    }
  }
  out.fit_column(0, 12, 24, formats.header);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    out.fit_column(to_col(c + 1), 24, 48, formats.body);
  }
  out.freeze(2, 1);
  return out.status();
}

}  // namespace rung::exports
