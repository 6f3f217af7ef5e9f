#pragma once

#include <string_view>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/importer/text_document.hpp"
#include "rung/importer/text_lines.hpp"

namespace rung::importer {

// Reads the structure of a plain-text ladder (docs/import-text.md) from its non-blank lines
// (read_lines): the name, the overview of tracks and titles, the general ladder line, one
// detail section per track, and the footer. Stops at the first problem and reports it at its
// line and column with what was expected and what was found, e.g.
// "file:52:1: error[import.expected]: expected a level number after 'Level', found 'Title'".
// Codes: import.expected, import.bad-experience, import.bad-date, import.unknown-track,
// import.ambiguous-track, import.duplicate-track, import.duplicate-level, import.duplicate-area.
Result<TextDocument> parse_text_document(const std::vector<Line>& lines,
                                         std::string_view file_name);

}  // namespace rung::importer
