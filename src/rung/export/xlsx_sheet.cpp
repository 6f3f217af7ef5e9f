#include "rung/export/xlsx_sheet.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/render/text.hpp"

namespace rung::exports {

namespace {

// Excel's built-in number format 49, "@": the cell is text.
lxw_format* text_format(lxw_workbook* workbook) {
  lxw_format* format = workbook_add_format(workbook);
  format_set_num_format_index(format, 49);
  return format;
}

}  // namespace

XlsxFormats add_formats(lxw_workbook* workbook) {
  XlsxFormats formats;
  formats.title = text_format(workbook);
  format_set_bold(formats.title);
  format_set_font_size(formats.title, 14);
  formats.header = text_format(workbook);
  format_set_bold(formats.header);
  format_set_text_wrap(formats.header);
  format_set_align(formats.header, LXW_ALIGN_VERTICAL_TOP);
  format_set_pattern(formats.header, LXW_PATTERN_SOLID);
  format_set_bg_color(formats.header, 0xDDE4EE);
  format_set_bottom(formats.header, LXW_BORDER_THIN);
  formats.body = text_format(workbook);
  format_set_text_wrap(formats.body);
  format_set_align(formats.body, LXW_ALIGN_VERTICAL_TOP);
  return formats;
}

std::string cell_name(lxw_row_t row, lxw_col_t col) {
  std::string letters;
  for (unsigned n = static_cast<unsigned>(col) + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return fmt::format("{}{}", letters, row + 1);
}

SheetWriter::SheetWriter(lxw_worksheet* sheet, std::string name)
    : m_sheet(sheet), m_name(std::move(name)) {
  if (m_sheet == nullptr) {
    m_status =
        fail(ErrorKind::internal, "xlsx.write", fmt::format("cannot add sheet '{}'", m_name));
  }
}

void SheetWriter::check(lxw_error error, lxw_row_t row, lxw_col_t col) {
  if (error != LXW_NO_ERROR && m_status) {
    m_status = fail(
        ErrorKind::internal, "xlsx.write",
        fmt::format("sheet '{}', cell {}: {}", m_name, cell_name(row, col), lxw_strerror(error)));
  }
}

void SheetWriter::measure(lxw_col_t col, std::string_view text) {
  if (m_widths.size() <= col) {
    m_widths.resize(col + 1, 0);
  }
  for (std::string_view line : split_lines(text)) {
    m_widths[col] = std::max(m_widths[col], render::display_width(line));
  }
}

void SheetWriter::text(lxw_row_t row, lxw_col_t col, std::string_view text, lxw_format* format,
                       Measure counts) {
  if (!m_status) {
    return;
  }
  if (counts == Measure::yes) {
    measure(col, text);
  }
  check(worksheet_write_string(m_sheet, row, col, std::string(text).c_str(), format), row, col);
}

void SheetWriter::merged(lxw_row_t row, lxw_col_t first, lxw_col_t last, std::string_view text,
                         lxw_format* format) {
  if (!m_status) {
    return;
  }
  if (first == last) {
    this->text(row, first, text, format);
    return;
  }
  check(worksheet_merge_range(m_sheet, row, first, row, last, std::string(text).c_str(), format),
        row, first);
}

void SheetWriter::fit_column(lxw_col_t col, double min, double max, lxw_format* format) {
  if (!m_status) {
    return;
  }
  const double widest = col < m_widths.size() ? static_cast<double>(m_widths[col]) + 2 : 0;
  check(worksheet_set_column(m_sheet, col, col, std::clamp(widest, min, max), format), 0, col);
}

void SheetWriter::freeze(lxw_row_t rows, lxw_col_t cols) {
  if (m_status) {
    worksheet_freeze_panes(m_sheet, rows, cols);
  }
}

void SheetWriter::autofilter(lxw_row_t last_row, lxw_col_t last_col) {
  if (m_status) {
    check(worksheet_autofilter(m_sheet, 0, 0, last_row, last_col), 0, 0);
  }
}

Result<void> SheetWriter::status() const {
  return m_status;
}

}  // namespace rung::exports
