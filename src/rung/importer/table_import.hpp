#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/importer/note.hpp"
#include "rung/importer/table.hpp"
#include "rung/importer/text_document.hpp"

namespace rung::importer {

// Spreadsheets (CSV files and worksheets) -> the document the builder turns into a ladder
// (docs/import.md). Two shapes are recognised from the first row:
//
// Rows: a header row naming columns, then a row per statement. Columns are found by their
// header, in any order and case ('_' and '-' read as spaces): level (also "level id", "rung",
// "band", "step", "seniority"), text ("statement", "description", "criteria", "expectation",
// "behaviour", ...), area ("competency", "category", "dimension", "topic", "theme", "skill",
// ...), and optionally track ("role", "job family", "ladder"), title, grade, experience,
// statement id ("id"), shared from. This includes what `rung export --format csv` and the
// track sheets of `--format xlsx` write: their ids are kept, a level with "shared from" shares
// that level's description, and cells the export guarded with a leading apostrophe (a text
// starting with = + - @ tab or CR) are read back without it.
//
// Grid: levels across and areas down: the first row names the levels (the top-left cell is
// blank or a label such as "Area"), the first column the areas, each cell the statements of
// that area at that level, one per line or bullet ("•", "-", "*", "1."). A row above the
// levels may name tracks (its first cell "Track", or blank; a blank cell continues the track
// to its left, as a merged cell does). A level heading's second line "(same description as
// <title>)" makes the level share that level's description (what the export's Matrix writes).
//
// Both: levels are ordered by the number in their label when every label of a track has one
// ("L3", "Level 0", "swe-2"; a level numbered from 0 becomes number 1, its title keeps the
// document's label), else by first appearance; a title is the title column's, else the label
// ("Level 0" for a bare "0"). Without a track column there is one track, named by the
// worksheet, else by `default_track`. Repeated statements in one level and area are kept once.
// Errors with the cell's place: "import.ragged" (a row with more or fewer cells than the header),
// "import.no-levels" (no header or grid that names levels), "import.missing-cell" (a statement
// without a level or area), "import.bad-share".
// A document read by the table, Markdown or topics reader, before the builder.
struct TableReading {
  TextDocument doc;
  Notes notes;  // what was inferred and what was left out
};

// What a column heading names, compared ignoring case, '_' and '-' (the words listed above).
enum class TableColumn {
  none,
  track,
  level,
  title,
  grade,
  experience,
  area,
  statement_id,
  text,
  shared_from
};
TableColumn column_of(std::string_view header);

// Whether a heading reads as a level: it has a digit or a word such as level, junior, senior,
// staff, principal, lead, engineer, manager, director.
bool looks_like_level(std::string_view label);

Result<TableReading> read_table_document(const Table& table, std::string_view file_name,
                                         std::string_view default_track);

// The sheets of a workbook: the sheets with a row per statement (a level and a text column;
// one track each, named by the sheet, as rung's XLSX export writes them) make one ladder and
// the others are left out with a note; without such sheets, the first sheet that reads as a
// grid is the ladder. Errors name the sheet.
Result<TableReading> read_workbook_document(const std::vector<Table>& tables,
                                            std::string_view file_name,
                                            std::string_view default_track);

// Whether a cell's text was guarded by `rung export` against spreadsheet formulas (a leading
// apostrophe before = + - @ tab or CR), and the text without the guard.
std::string unguard_cell(std::string_view text);

// "acme-robotics_ladder.csv" -> "Acme Robotics Ladder": a name for a ladder or track taken from
// a file name when the document names none. "Ladder" when nothing is left.
std::string name_from_file(std::string_view file_name);

}  // namespace rung::importer
