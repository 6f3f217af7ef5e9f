#pragma once

#include <string_view>

#include "rung/core/error.hpp"
#include "rung/importer/table_import.hpp"

namespace rung::importer {

// Reads a progression framework kept as YAML topics x levels x criteria (docs/import.md,
// "Topics"): a top-level `topics:` (or `themes:`) list, each topic a map with `name` (or
// `title`, `topic`, `theme`) and `levels:`, a list (or map) of levels, each with a `level`
// (a number or an id; `id`, `name` also read), an optional `title`, and `criteria:` (or
// `statements:`, `expectations:`), a list of texts or of maps with `text` (or `criterion`,
// `description`) and optional `examples` (left out, with a note). Optional at the top:
// `name` / `title`, `organization`, `levels:` (a list of {level, title, experience, grade}
// that names and orders the levels), `track` (the one track's name). A topic becomes an area;
// a level missing from some topics simply has no statements there.
// Errors, at line:col: "yaml.syntax", "import.no-levels" (no topic has a level with criteria),
// "import.topics-shape" (a value of the wrong kind where the shape needs a list, map or text).
Results<TableReading> read_topics_document(std::string_view text, std::string_view file_name);

}  // namespace rung::importer
