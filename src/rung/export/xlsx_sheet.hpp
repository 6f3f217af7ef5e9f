#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xlsxwriter.h>

#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"

// Internal to rung::exports: the pieces of the XLSX export that talk to libxlsxwriter.
namespace rung::exports {

// The cell formats of a workbook; owned by the workbook. Every one has the number format Text
// ("@"): the cells hold typed text, which spreadsheets never run as a formula, and a cell
// formatted as Text keeps what is typed into it as text too, so a statement starting with '='
// does not turn into a formula when someone edits it. The texts themselves stay as they are.
struct XlsxFormats {
  lxw_format* title = nullptr;   // bold, larger: a sheet's title line
  lxw_format* header = nullptr;  // bold, shaded, bottom border, wrapped, top-aligned
  lxw_format* body = nullptr;    // wrapped, top-aligned
};

XlsxFormats add_formats(lxw_workbook* workbook);

// Writes the cells of one worksheet, remembering each column's widest line (so that widths can
// be fitted at the end) and the first error libxlsxwriter reports (later writes are skipped).
class SheetWriter {
 public:
  SheetWriter(lxw_worksheet* sheet, std::string name);

  // Whether a text counts towards its column's width (a title line that may overflow does not).
  enum class Measure { yes, no };

  void text(lxw_row_t row, lxw_col_t col, std::string_view text, lxw_format* format,
            Measure counts = Measure::yes);
  // One text over the columns first..last of a row.
  void merged(lxw_row_t row, lxw_col_t first, lxw_col_t last, std::string_view text,
              lxw_format* format);
  // Sets a column's width (in characters) to its widest line plus a margin, within [min, max].
  void fit_column(lxw_col_t col, double min, double max, lxw_format* format);
  // Freezes the rows above `rows` and the columns left of `cols`.
  void freeze(lxw_row_t rows, lxw_col_t cols);
  void autofilter(lxw_row_t last_row, lxw_col_t last_col);

  lxw_worksheet* sheet() const { return m_sheet; }
  // The first error: "xlsx.write", "sheet 'NAME', cell C4: <reason>".
  Result<void> status() const;

 private:
  void check(lxw_error error, lxw_row_t row, lxw_col_t col);
  void measure(lxw_col_t col, std::string_view text);

  lxw_worksheet* m_sheet;
  std::string m_name;
  std::vector<std::size_t> m_widths;  // widest line seen per column, in characters
  Result<void> m_status;
};

// "C4" for row 3, column 2 (both 0-based).
std::string cell_name(lxw_row_t row, lxw_col_t col);

// The sheets (xlsx_sheets.cpp). Each adds a worksheet named `name` to `workbook`.
Result<void> add_overview_sheet(lxw_workbook* workbook, const XlsxFormats& formats,
                                const model::Ladder& ladder, const std::string& name);
Result<void> add_track_sheet(lxw_workbook* workbook, const XlsxFormats& formats,
                             const model::Ladder& ladder, const model::Track& track,
                             const std::string& name);
Result<void> add_matrix_sheet(lxw_workbook* workbook, const XlsxFormats& formats,
                              const model::Ladder& ladder, const std::string& name);

}  // namespace rung::exports
