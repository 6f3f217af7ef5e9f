#pragma once

#include <string_view>

#include "rung/core/error.hpp"
#include "rung/importer/table.hpp"

namespace rung::importer {

// Reads CSV text (RFC 4180: fields separated by a delimiter, optionally in double quotes with
// "" for a quote, quoted fields may span lines; rows end with LF, CRLF or CR) into a Table.
// The delimiter is the one of ',', ';' and tab that occurs most often outside quotes in the
// first row (',' on a tie or when none occurs): spreadsheets in some locales write ';'. A
// leading UTF-8 byte order mark is skipped; columns count characters. Rows whose fields are
// all blank are left out. The input must already have passed check_text_input.
// Errors: "import.csv-quote" for a quoted field that never ends (at its opening quote) or text
// after a closing quote (at that text).
Result<Table> read_csv_table(std::string_view text, std::string_view file_name);

// True when `text` reads as CSV with at least two columns in its first row, the same number
// of fields in the first few rows, and no parse error: what `rung import` checks to recognise
// a CSV file by its content.
bool looks_like_csv(std::string_view text);

}  // namespace rung::importer
