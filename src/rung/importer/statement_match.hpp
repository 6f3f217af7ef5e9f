#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "rung/model/ladder.hpp"

namespace rung::importer {

// Default least similarity for a reworded statement. Unrelated statements of one area of the
// company ladder reach 0.52 (short sentences sharing "You have ... your team"); light rewordings
// score 0.7 and more.
inline constexpr double k_reword_threshold = 0.6;

// Word-overlap similarity of two statements in [0, 1]: the Dice coefficient of their sets of
// lower-cased words (runs of ASCII letters and digits; other UTF-8 bytes count as letters). 1 for
// equal word sets, 0 when no word is shared or either has none.
double statement_similarity(std::string_view a, std::string_view b);

// A fresh statement's counterpart among the previous ones.
struct Match {
  std::size_t previous = 0;  // index into the previous statements
  bool reworded = false;     // false: same text; true: matched by similarity
};

// Pairs fresh statements with previous ones (of one level and area): equal texts first, in
// order; then, among those left, the most similar pair at or above `threshold`, repeatedly
// (ties go to the earlier fresh statement, then the earlier previous one). Each previous statement
// is used at most once. Returns one entry per fresh statement: its match, or nullopt for a new
// statement.
std::vector<std::optional<Match>> match_statements(const std::vector<model::Statement>& fresh,
                                                   const std::vector<model::Statement>& previous,
                                                   double threshold);

}  // namespace rung::importer
