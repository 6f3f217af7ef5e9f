#include "rung/lint/words.hpp"

#include <algorithm>
#include <array>

namespace rung::lint {

bool is_stop_word(std::string_view folded) {
  static constexpr auto k_stop = std::to_array<std::string_view>({
      "a",       "about",   "above",   "across",  "after", "again",   "against", "all",   "almost",
      "also",    "am",      "an",      "and",     "any",   "are",     "as",      "at",    "be",
      "because", "been",    "before",  "being",   "below", "between", "both",    "but",   "by",
      "can",     "could",   "did",     "do",      "does",  "doing",   "dont",    "down",  "during",
      "each",    "either",  "else",    "etc",     "even",  "ever",    "every",   "few",   "for",
      "from",    "further", "had",     "has",     "have",  "having",  "he",      "her",   "here",
      "hers",    "how",     "i",       "if",      "in",    "into",    "is",      "it",    "its",
      "itself",  "just",    "least",   "less",    "like",  "many",    "may",     "me",    "might",
      "more",    "most",    "much",    "must",    "my",    "no",      "nor",     "not",   "now",
      "of",      "off",     "often",   "on",      "once",  "only",    "or",      "other", "others",
      "our",     "out",     "over",    "own",     "per",   "quite",   "rather",  "same",  "she",
      "should",  "so",      "some",    "such",    "than",  "that",    "the",     "their", "them",
      "then",    "there",   "these",   "they",    "this",  "those",   "through", "to",    "too",
      "under",   "up",      "us",      "very",    "was",   "we",      "well",    "were",  "what",
      "when",    "where",   "whether", "which",   "while", "who",     "whom",    "whose", "why",
      "will",    "with",    "within",  "without", "would", "yet",     "you",     "your",  "yours",
  });
  static_assert(std::is_sorted(k_stop.begin(), k_stop.end()), "binary search needs sorted words");
  constexpr std::size_t k_longest = 7;  // "against", "because", "between", ...
  return folded.size() <= k_longest && std::binary_search(k_stop.begin(), k_stop.end(), folded);
}

bool is_content_word(std::string_view folded) {
  if (folded.size() <= 1 || is_stop_word(folded)) {
    return false;
  }
  // A number, possibly kept whole by the tokeniser ("1:1", "6-12"), is not a content word.
  return !std::all_of(folded.begin(), folded.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '/' || c == '.' || c == ',';
  });
}

}  // namespace rung::lint
