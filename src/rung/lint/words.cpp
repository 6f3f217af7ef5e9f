#include "rung/lint/words.hpp"

#include <algorithm>
#include <array>

namespace rung::lint {

namespace {

enum class CharKind { letter, apostrophe, separator };

struct Char {
  CharKind kind;
  std::size_t length;
};

constexpr std::string_view k_right_single_quote = "\xE2\x80\x99";

// Non-ASCII characters that separate words rather than belong to them.
constexpr std::array<std::string_view, 9> k_separators{
    "\xC2\xA0",      // no-break space
    "\xE2\x80\x98",  // left single quote
    "\xE2\x80\x9C",  // left double quote
    "\xE2\x80\x9D",  // right double quote
    "\xE2\x80\x93",  // en dash
    "\xE2\x80\x94",  // em dash
    "\xE2\x80\xA2",  // bullet
    "\xE2\x80\xA6",  // ellipsis
    "\xC2\xB7",      // middle dot
};

// ASCII-only character tests: cheaper than <cctype>'s, which consult the locale.
bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char ascii_to_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

Char classify(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    if (is_ascii_alnum(c)) {
      return {CharKind::letter, 1};
    }
    return {c == '\'' ? CharKind::apostrophe : CharKind::separator, 1};
  }
  std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  length = std::min(length, text.size() - i);
  const std::string_view ch = text.substr(i, length);
  if (ch == k_right_single_quote) {
    return {CharKind::apostrophe, length};
  }
  bool separates = std::find(k_separators.begin(), k_separators.end(), ch) != k_separators.end();
  return {separates ? CharKind::separator : CharKind::letter, length};
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

std::string strip_plural(std::string word) {
  if (word.ends_with("ies") && word.size() > 4) {
    return word.substr(0, word.size() - 3) + "y";
  }
  if (word.ends_with("sses")) {
    return word.substr(0, word.size() - 2);
  }
  if (word.ends_with("s") && !word.ends_with("ss") && !word.ends_with("us") &&
      !word.ends_with("is")) {
    word.pop_back();
  }
  return word;
}

std::string strip_verb_ending(std::string word) {
  std::size_t cut = 0;
  if (word.ends_with("ing") && word.size() >= 6) {
    cut = 3;
  } else if (word.ends_with("ed") && word.size() >= 6) {
    cut = 2;
  }
  if (cut == 0) {
    return word;
  }
  word.resize(word.size() - cut);
  const std::size_t n = word.size();
  const char last = word[n - 1];
  if (word[n - 2] == last && !is_vowel(last) && last != 'l' && last != 's' && last != 'z') {
    word.pop_back();
  }
  return word;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 1);  // about one word per five bytes of English
  std::size_t i = 0;
  std::size_t start = std::string_view::npos;
  auto close = [&](std::size_t end) {
    if (start != std::string_view::npos) {
      tokens.push_back(Token{text.substr(start, end - start), start});
      start = std::string_view::npos;
    }
  };
  while (i < text.size()) {
    const Char ch = classify(text, i);
    const std::size_t next = i + ch.length;
    const bool inner_apostrophe = ch.kind == CharKind::apostrophe &&
                                  start != std::string_view::npos && next < text.size() &&
                                  classify(text, next).kind == CharKind::letter;
    if (ch.kind == CharKind::letter || inner_apostrophe) {
      if (start == std::string_view::npos) {
        start = i;
      }
    } else {
      close(i);
    }
    i = next;
  }
  close(text.size());
  return tokens;
}

std::string fold(std::string_view word) {
  if (word.size() > 2 && (word.back() == 's' || word.back() == 'S')) {
    const std::string_view stem = word.substr(0, word.size() - 1);
    if (stem.ends_with('\'')) {
      word = stem.substr(0, stem.size() - 1);
    } else if (stem.size() > k_right_single_quote.size() && stem.ends_with(k_right_single_quote)) {
      word = stem.substr(0, stem.size() - k_right_single_quote.size());
    }
  }
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word[i] == k_right_single_quote[0] && word.substr(i, 3) == k_right_single_quote) {
      i += k_right_single_quote.size() - 1;
    } else if (word[i] != '\'') {
      out.push_back(ascii_to_lower(word[i]));
    }
  }
  return out;
}

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

std::string stem(std::string_view folded) {
  std::string word(folded);
  if (word.size() <= 3) {
    return word;
  }
  word = strip_verb_ending(strip_plural(std::move(word)));
  if (word.size() > 3 && word.back() == 'e') {
    word.pop_back();
  }
  return word;
}

std::string normalise(std::string_view text) {
  std::string out;
  for (const Token& token : tokenize(text)) {
    if (!out.empty()) {
      out.push_back(' ');
    }
    out += fold(token.text);
  }
  return out;
}

bool is_content_word(std::string_view folded) {
  if (folded.size() <= 1 || is_stop_word(folded)) {
    return false;
  }
  return !std::all_of(folded.begin(), folded.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> content_stems(std::string_view text) {
  std::vector<std::string> stems;
  for (const Token& token : tokenize(text)) {
    std::string folded = fold(token.text);
    if (is_content_word(folded)) {
      stems.push_back(stem(folded));
    }
  }
  return stems;
}

}  // namespace rung::lint
