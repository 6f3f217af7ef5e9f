#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rung {

// Removes ASCII white space (and a UTF-8 no-break space) from both ends.
std::string_view trim(std::string_view text);

// Lower-cases ASCII letters; other bytes are kept as they are.
std::string ascii_lower(std::string_view text);

// "Programming / Problem Solving" -> "programming-problem-solving": ASCII letters and digits
// lower-cased, every other run of characters turned into one '-', no '-' at either end.
std::string slugify(std::string_view text);

// Edit distance over bytes (Damerau-Levenshtein, optimal string alignment): insertions,
// deletions, substitutions and swaps of two neighbouring bytes each count as one edit.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` by edit distance (case-insensitive), if it is close enough
// to be a plausible typo: within a third of the longer length, at least 1, at most 4 edits.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates);

// Index of the first byte that is not part of valid UTF-8, or nullopt when all of it is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Splits text into lines, accepting "\n", "\r\n" and a lone "\r"; the line ends are dropped.
std::vector<std::string_view> split_lines(std::string_view text);

// "a, b and c" style list for messages: joins with ", ".
std::string join(std::span<const std::string> items, std::string_view separator = ", ");

// Percent-encodes everything but unreserved characters (A-Z a-z 0-9 - . _ ~), for URL path
// segments and query values.
std::string percent_encode(std::string_view text);

}  // namespace rung
