#pragma once

#include <string>

#include "rung/export/exporter.hpp"
#include "rung/model/ladder.hpp"

namespace rung::exports {

// The ladder as one Markdown document (GitHub-flavoured, readable on a code-hosting site):
//   # <ladder name>, a metadata line (organization, published date, authors)
//   ## Overview: the general ladder as a grid (grades x tracks, each cell linking to its
//      levels; levels not on it listed below), then a table per track
//      (level number, id, title, grade, experience)
//   ## <track name> per track, with ### <level title> per level: an anchor named by the level
//      id (<a id="swe-3"></a>, so links are #swe-3), a facts line (id, position in the track,
//      grade, experience, next level), then #### <area name> with the statements as a bullet
//      list; a statement's references to other levels are links after its text. A level that
//      shares another's description says "Shares the description of <link>." instead.
//   ## Credits: the credit lines, when there are any.
// Ladder text is escaped (markdown_text.hpp) so that it shows as written. Deterministic;
// ends with one newline. `options` is unused.
std::string to_markdown(const model::Ladder& ladder, const Options& options);

}  // namespace rung::exports
