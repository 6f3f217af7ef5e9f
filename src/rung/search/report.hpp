#pragma once

#include <string>
#include <utility>
#include <vector>

#include "rung/search/index.hpp"

namespace rung::search {

struct TextOptions {
  bool color = false;  // ANSI bold colour for matched words and headings (default off)
};

// A hit's text cut into pieces, each with whether it is a highlighted match; concatenated,
// the pieces give the text back.
std::vector<std::pair<std::string, bool>> segments(const Hit& hit);

// The result for a terminal: a summary line, then the hits grouped by how they matched, each
// as "track > level title > area [statement id]" over its text (matched words in colour when
// options.color). With no hits: one line saying so, with a "did you mean" when there are
// suggestions. Ends with a newline.
std::string render_text(const SearchResult& result, const TextOptions& options = {});

// The result as JSON (shape in docs/search.md), indented by two spaces, ending with a newline.
std::string render_json(const SearchResult& result);

}  // namespace rung::search
