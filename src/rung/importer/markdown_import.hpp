#pragma once

#include <string_view>

#include "rung/core/error.hpp"
#include "rung/importer/table_import.hpp"

namespace rung::importer {

// Reads a ladder kept as a Markdown page (docs/import.md, "Markdown"):
// - optional YAML front matter (`title` or `name`, `organization`, `published` or `date`);
// - a single first `#` heading above the others is the ladder's name;
// - a heading per level, or per track and then per level; areas as sub-headings of a level,
//   or as bold lead-ins (`**Area**: text`, or a line `**Area**` above bullets); statements as
//   bullets ("-", "*", "+", "1."), lines indented under a bullet continuing it and bullets
//   nested under a statement (examples) left out with a note;
// - a table with a level column (and title, grade, experience columns) gives those levels
//   their titles, grades and experience.
// Which headings are levels and which are areas is inferred from where statements are and
// from how the headings read (numbers, "Level", "Senior", ...); levels order by the number in
// their heading when every one has one ("Level 0: Intern 🌱" -> label "Level 0", title
// "Intern 🌱"). Errors: "import.no-levels" (no heading holds statements), "import.front-matter"
// (front matter without its closing `---`), "import.ragged" (a table row with more or fewer
// cells than its header), each at line:col.
Result<TableReading> read_markdown_document(std::string_view text, std::string_view file_name);

}  // namespace rung::importer
