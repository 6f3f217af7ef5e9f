#pragma once

#include <string>
#include <vector>

#include "rung/model/ladder.hpp"

namespace rung::importer {

// A spreadsheet as the table importer reads it: rows of text cells, each with the place it came
// from (line and column of a CSV file; row and column of a worksheet, both 1-based).

struct Cell {
  std::string text;  // as the file holds it (a CSV field unquoted; a worksheet cell's text)
  model::SourceLoc loc;
};

using TableRow = std::vector<Cell>;

struct Table {
  std::string name;            // the worksheet's name; "" for a CSV file
  std::vector<TableRow> rows;  // in file order; rows whose cells are all blank are left out
  // Where a row ends (one past its last cell), for "this row has fewer cells" errors; same
  // size as rows.
  std::vector<model::SourceLoc> row_ends;
};

}  // namespace rung::importer
