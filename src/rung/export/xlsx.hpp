#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/export/exporter.hpp"
#include "rung/model/ladder.hpp"

namespace rung::exports {

// Writes the ladder as an Excel workbook (libxlsxwriter) to `path`, all-or-nothing (written to
// a temporary file beside `path`, renamed into place only when complete). Sheets, in order:
//   Overview   the ladder's name, then the general ladder as a grid: a row per grade, a column
//              per track, each cell the titles of that track's levels at that grade; levels
//              not on the general ladder listed below.
//   <track>    one per track, named by the track: a row per statement (Level, Title, Grade,
//              Experience, Area, Statement id, Text, Shared from), a level that shares another's
//              description repeating that level's statements with "Shared from" set; an
//              autofilter on the header.
//   Matrix     areas down, levels across (two header rows: track, then level title), each cell
//              the statements of that area at that level, one per line.
// Every sheet: bold header rows frozen, wrapped text aligned to the top, column widths fitted
// to the content within limits. Errors: "file.unwritable" ("cannot write 'PATH': ...") for
// the file system, "xlsx.write" for what Excel cannot hold (a cell over 32,767 characters).
// `options` is unused.
Result<void> write_xlsx(const model::Ladder& ladder, const Options& options,
                        const std::filesystem::path& path);

// A worksheet name Excel accepts, made from `wanted` and not in `taken` (compared ignoring
// ASCII case), which it is added to: the characters []:*?/\ and control characters become '-',
// apostrophes at either end and surrounding spaces are dropped, at most 31 characters (UTF-16
// units; cut at a character boundary), "Sheet" when nothing is left, and " (2)", " (3)", ...
// appended, within the limit, when the name is taken. "History" counts as taken (Excel
// reserves it).
std::string sheet_name(std::string_view wanted, std::vector<std::string>& taken);

}  // namespace rung::exports
