#pragma once

#include <string>
#include <string_view>

#include "rung/export/exporter.hpp"
#include "rung/model/ladder.hpp"

namespace rung::exports {

// The columns of the CSV export, in order (the header row).
inline constexpr std::string_view k_csv_header =
    "track,level,grade,title,area,statement_id,text,shared_from";

// The ladder as CSV (RFC 4180): the header row, then one row per statement of every level in
// document order: track id, level id, grade label, level title, area id, statement id,
// statement text (verbatim with options.lossless, else through spreadsheet_safe), and
// `shared_from`: empty, or for a level that shares another's description the id of the level that
// holds the statement (the row repeats that statement id). Rows end with CRLF; UTF-8, with a byte
// order mark first when options.byte_order_mark. Fields are quoted only when they must be (see
// csv_field).
std::string to_csv(const model::Ladder& ladder, const Options& options);

// Whether a spreadsheet would take a cell starting like `text` for a formula (or a DDE
// command): it starts with '=', '+', '-', '@', a tab or a carriage return.
bool spreadsheet_risky(std::string_view text);

// A cell of a file written for people to open in a spreadsheet: a risky text (see above) gets
// a leading apostrophe, which spreadsheets show as text instead of running it; any other text
// is kept as it is. Exports offer a lossless mode that skips this (Options::lossless).
std::string spreadsheet_safe(std::string_view text);

// One field: as it is, or in double quotes with every quote doubled when it contains a comma,
// a double quote, CR or LF (or starts or ends with a space, which some readers trim).
std::string csv_field(std::string_view text);

}  // namespace rung::exports
