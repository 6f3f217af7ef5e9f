#pragma once

#include <string_view>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/importer/table.hpp"

namespace rung::importer {

// Reads the worksheets of an XLSX workbook (a zip archive of XML parts: minizip to unzip, expat
// to parse) into Tables, in the workbook's sheet order, each named by its sheet. A cell's text
// is its shared string, inline string, formula result or number as written; a merged range
// gives every cell of the range the text of its top-left cell (a track name merged across its
// levels names each of them). Cell places are row and column (B3 is 3:2). At most 64 MiB
// unpacked. Errors: "import.xlsx" (not a workbook, a part missing, XML that does not parse,
// too large), with the part's name.
Result<std::vector<Table>> read_xlsx_tables(std::string_view bytes, std::string_view file_name);

}  // namespace rung::importer
