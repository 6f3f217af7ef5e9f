#pragma once

#include <string>

#include "rung/compare/compare.hpp"
#include "rung/core/json.hpp"

namespace rung::compare {

struct TextOptions {
  bool color = false;  // ANSI colours for markers, changed words and headings (default off)
};

// The comparison for a terminal: a heading naming both levels and a legend, then each area
// with one line per statement, marked "=" unchanged, "~" reworded (removed words as [-...-],
// added ones as {+...+}, the score at the end), "+" new at B, "-" only at A; then a summary
// line. Ends with a newline.
std::string render_text(const Comparison& comparison, const TextOptions& options = {});

// The comparison as JSON (the shape is documented in docs/compare.md), indented by two spaces,
// ending with a newline. Scores are rounded to three decimals.
std::string render_json(const Comparison& comparison);

// A word diff for a terminal: removed words as [-...-] (red), added ones as {+...+} (green).
std::string marked_words(const std::vector<DiffPiece>& pieces, bool color);

// A word diff as JSON: [{"op": "same"|"removed"|"added", "text": ...}, ...].
Json words_json(const std::vector<DiffPiece>& pieces);

// A similarity score as JSON shows it: rounded to three decimals.
double rounded(double score);

}  // namespace rung::compare
