#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rung/core/error.hpp"
#include "rung/importer/text_import.hpp"

namespace rung::importer {

// `rung import` for every layout a ladder is kept in (docs/import.md): recognising the layout
// from the content, reading it, and reporting what was inferred.

enum class Layout { text, csv, markdown, yaml, xlsx };

// "md" / "markdown", "yaml" / "yml", "csv", "xlsx", "text" / "txt"; nullopt for anything else.
std::optional<Layout> parse_layout(std::string_view name);
std::string_view to_string(Layout layout);

// The layout of `input`, from its content: a zip archive (an XLSX workbook) by its signature;
// YAML whose top level has a `topics:` or `themes:` list (after an optional `---`); Markdown
// when a line is a '#' heading or a '|' table row (front matter allowed); CSV when the first
// rows have the same number of two or more fields; else the plain-text layout.
Layout detect_layout(std::string_view input);

struct LadderImport {
  TextImport result;
  Layout layout = Layout::text;
};

// Imports `input` in `forced` layout, or the one detect_layout recognises. For every layout
// but the plain text, the notes end with what was inferred: the tracks with their levels
// (id and title), the areas, and the counts. All or nothing, like import_text_ladder.
// Errors: the reader's, with file:line:col, "import.unsupported" for a layout this build
// cannot read, and the input checks (empty, binary, not UTF-8) for the text layouts.
Results<LadderImport> import_ladder(std::string_view input, const TextImportOptions& options,
                                    std::optional<Layout> forced = std::nullopt);

}  // namespace rung::importer
