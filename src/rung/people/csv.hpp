#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "rung/core/error.hpp"

namespace rung::people {

struct CsvOptions {
  std::size_t max_bytes = 64 * 1024 * 1024;  // larger input is refused ("csv.too-large")
  std::size_t max_errors = 20;               // stop reporting after this many problems
};

// One record. `row` is its number as a spreadsheet shows it: the header is row 1, and an
// empty line still takes a row number (a spreadsheet shows it as an empty row), while a quoted
// field that spans lines keeps the whole record on one row.
struct CsvRow {
  int row = 0;
  std::vector<std::string> fields;  // as many as the header has
};

struct CsvTable {
  std::string file;                 // the name used in messages
  std::vector<std::string> header;  // the first non-empty record, fields trimmed
  std::vector<CsvRow> rows;         // the records after it, empty lines left out
};

// Reads comma-separated values (RFC 4180) as spreadsheets and HR systems write them: UTF-8
// with or without a byte order mark, rows ending in CRLF or LF (or a lone CR), fields in
// double quotes holding commas, line breaks and "" for a quote. Empty lines are skipped. Every
// record must have as many fields as the header.
//
// Errors (all of them, up to options.max_errors, each at file:row): "csv.too-large",
// "csv.empty" (no header), "csv.binary" (a NUL byte, a workbook rather than CSV, UTF-16 text),
// "csv.invalid-utf8", "csv.unterminated-quote" (at the row where the quote opened),
// "csv.text-after-quote" (`"a"b`), "csv.field-count" (too many or too few fields, with both
// counts), "csv.too-many-errors" (the last one, when reading stopped early). A quote inside an
// unquoted field (`a"b`) is kept as it is, as spreadsheets do.
Results<CsvTable> read_csv(std::string_view text, std::string_view file,
                           const CsvOptions& options = {});

// `text` safe to print on a terminal or in a message: control characters (C0, DEL) are shown
// as \xNN, so a field cannot move the cursor or change colours.
std::string printable(std::string_view text);

// read_csv on a file's content. Errors as read_csv, plus the file errors of core/fs.hpp.
Results<CsvTable> read_csv_file(const std::filesystem::path& path, const CsvOptions& options = {});

}  // namespace rung::people
