#pragma once

#include "rung/core/error.hpp"
#include "rung/importer/note.hpp"
#include "rung/importer/text_document.hpp"
#include "rung/importer/text_import.hpp"
#include "rung/model/ladder.hpp"

namespace rung::importer {

struct Built {
  model::LadderData ladder;
  Notes notes;
};

// Turns a parsed document into a ladder, making the readings docs/import-text.md describes:
// ids (options.track_ids / area_ids, else the defaults of ids.hpp; levels "<track>-<n>",
// statements "<level>-<area>-<k>"), titles (the overview's; the detail page's as detail_title
// when it differs), shared levels, grades (individual-contributor level n -> grades[n-1];
// manager tracks top level -> top grade and down), refs to titles statements mention, and the
// default scale and readiness. Errors: "import.bad-option" for an option naming no track/area or
// giving an invalid id. Does not run model::validate.
Results<Built> build_ladder(const TextDocument& doc, const TextImportOptions& options);

}  // namespace rung::importer
