#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/importer/note.hpp"
#include "rung/importer/reconcile.hpp"
#include "rung/importer/text_document.hpp"
#include "rung/model/ladder.hpp"

namespace rung::importer {

// An explicit id for a named track or area ("--track-id 'Software Engineer=swe'").
struct NamedId {
  std::string name;
  std::string id;
};

// "Software Engineer=swe" -> {"Software Engineer", "swe"}, split at the last '=' and trimmed.
// Error "import.bad-option" when there is no '=', or the name or id is empty.
Result<NamedId> parse_named_id(std::string_view text);

struct TextImportOptions {
  // The input's name in every location reported, and LadderData::source_file. Default "".
  std::string file_name;
  // Larger input is refused ("import.too-large"). Default 4 MiB.
  std::size_t max_bytes = std::size_t{4} * 1024 * 1024;
  // Ids for tracks by name; other tracks get the initials of their name. Default none.
  std::vector<NamedId> track_ids;
  // Ids for areas by name; other areas get the slug of their first word. Default none.
  std::vector<NamedId> area_ids;
  // The ladder file this import replaces (--ids-from): its ids and its owner's decisions are
  // kept (see reconcile). Not owned; must outlive the call. Default nullptr: a fresh import.
  const model::LadderData* previous = nullptr;
  // Least similarity (statement_similarity) for a changed statement to keep the previous id.
  // Default k_reword_threshold (0.6).
  double reword_threshold = k_reword_threshold;
};

struct TextImport {
  model::LadderData ladder;  // passes model::validate
  Notes notes;               // readings worth telling the user (levels without a grade, ...)
  ReconcileSummary summary;  // without options.previous every statement counts as added
};

// Imports a ladder written in the plain-text layout (docs/import-text.md). All or nothing:
// returns the ladder, or the problems that stop it: unreadable input (empty, too large, binary,
// invalid UTF-8), the first place where the text departs from the layout (file:line:col, what
// was expected, what was found), --track-id / --area-id names the document does not have
// ("import.bad-option"), and any model::validate error of the result. Pure: reads no files.
Results<TextImport> import_text_ladder(std::string_view text, const TextImportOptions& options);

// What follows the reading of a document in every layout (text, CSV, Markdown, YAML, XLSX):
// build_ladder (ids, titles, grades, refs), reconcile with options.previous when given, and
// model::validate. Errors as import_text_ladder's after its parsing.
Results<TextImport> import_document(const TextDocument& doc, const TextImportOptions& options);

}  // namespace rung::importer
