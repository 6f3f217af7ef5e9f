#include "rung/core/words.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

namespace rung {

namespace {

constexpr std::uint32_t k_invalid = 0xFFFFFFFF;

struct CodePoint {
  std::uint32_t value = k_invalid;
  std::size_t length = 1;
};

// Decodes the UTF-8 sequence at text[i]; an invalid byte decodes as k_invalid of length 1.
CodePoint decode(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) {
    return {lead, 1};
  }
  const std::size_t extra = (lead & 0xE0) == 0xC0   ? 1
                            : (lead & 0xF0) == 0xE0 ? 2
                            : (lead & 0xF8) == 0xF0 ? 3
                                                    : 0;
  if (extra == 0 || i + extra >= text.size()) {
    return {};
  }
  std::uint32_t value = lead & (0x3F >> extra);
  for (std::size_t k = 1; k <= extra; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) {
      return {};
    }
    value = (value << 6) | (next & 0x3F);
  }
  return {value, extra + 1};
}

bool is_ascii_letter(std::uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_digit(std::uint32_t c) {
  return c >= '0' && c <= '9';
}

// Non-ASCII code points are letters unless they are in the Latin-1 punctuation and symbol
// range, the general punctuation / symbol blocks, or CJK punctuation.
bool is_letter(std::uint32_t c) {
  if (c < 0x80) {
    return is_ascii_letter(c);
  }
  if (c == k_invalid || c < 0xC0 || c == 0xD7 || c == 0xF7) {
    return false;
  }
  return !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F);
}

bool is_apostrophe(std::uint32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2018;
}

bool is_number_joiner(std::uint32_t c) {
  return c == ':' || c == '-' || c == '/' || c == '.' || c == ',';
}

// Appends one code point of the source to a normalised word.
void append(std::string& word, std::string_view text, std::size_t i, CodePoint cp) {
  if (cp.value < 0x80) {
    char c = static_cast<char>(cp.value);
    word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  } else {
    word.append(text.substr(i, cp.length));
  }
}

// Reads the word that starts at `begin` (a letter or digit); returns the offset after it.
std::size_t read_word(std::string_view text, std::size_t begin, std::string& word) {
  std::size_t i = begin;
  std::uint32_t last = 0;
  while (i < text.size()) {
    CodePoint cp = decode(text, i);
    if (is_letter(cp.value) || is_digit(cp.value)) {
      append(word, text, i, cp);
      last = cp.value;
      i += cp.length;
      continue;
    }
    const bool joins_letters = is_apostrophe(cp.value) && is_letter(last);
    const bool joins_digits = is_number_joiner(cp.value) && is_digit(last);
    if (!(joins_letters || joins_digits) || i + cp.length >= text.size()) {
      break;
    }
    CodePoint next = decode(text, i + cp.length);
    if ((joins_letters && !is_letter(next.value)) || (joins_digits && !is_digit(next.value))) {
      break;
    }
    word.push_back(joins_letters ? '\'' : static_cast<char>(cp.value));
    i += cp.length;
  }
  return i;
}

// Sorted, so that is_stop_word can binary-search it.
constexpr auto k_stop_words = std::to_array<std::string_view>({
    "a",       "about", "above",  "after",    "again",  "all",        "also",    "am",
    "an",      "and",   "any",    "are",      "as",     "at",         "be",      "been",
    "being",   "both",  "but",    "by",       "can",    "could",      "did",     "do",
    "does",    "doing", "e",      "each",     "eg",     "either",     "etc",     "for",
    "from",    "g",     "had",    "has",      "have",   "having",     "he",      "her",
    "here",    "hers",  "him",    "his",      "how",    "i",          "i'm",     "ie",
    "if",      "in",    "into",   "is",       "it",     "it's",       "its",     "itself",
    "just",    "let's", "me",     "my",       "myself", "of",         "on",      "once",
    "only",    "onto",  "or",     "other",    "others", "our",        "ours",    "ourselves",
    "own",     "she",   "should", "so",       "some",   "such",       "than",    "that",
    "that's",  "the",   "their",  "theirs",   "them",   "themselves", "then",    "there",
    "there's", "these", "they",   "they're",  "this",   "those",      "through", "to",
    "too",     "us",    "very",   "vs",       "was",    "we",         "we're",   "were",
    "what",    "when",  "where",  "which",    "while",  "who",        "whom",    "whose",
    "why",     "will",  "with",   "would",    "you",    "you'd",      "you'll",  "you're",
    "you've",  "your",  "yours",  "yourself",
});
static_assert(std::is_sorted(k_stop_words.begin(), k_stop_words.end()));

}  // namespace

std::vector<WordToken> tokenize_words(std::string_view text) {
  std::vector<WordToken> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    CodePoint cp = decode(text, i);
    if (!is_letter(cp.value) && !is_digit(cp.value)) {
      i += cp.length;
      continue;
    }
    WordToken token;
    token.begin = i;
    i = read_word(text, i, token.word);
    token.end = i;
    tokens.push_back(std::move(token));
  }
  return tokens;
}

std::string_view written(std::string_view text, const WordToken& token) {
  return text.substr(token.begin, token.end - token.begin);
}

std::string fold(std::string_view word) {
  if (word.size() > 2 && word.ends_with("'s")) {
    word.remove_suffix(2);
  }
  std::string out;
  out.reserve(word.size());
  std::copy_if(word.begin(), word.end(), std::back_inserter(out), [](char c) { return c != '\''; });
  return out;
}

std::string normalise(std::string_view text) {
  std::string out;
  for (const auto& token : tokenize_words(text)) {
    if (!out.empty()) {
      out.push_back(' ');
    }
    out += fold(token.word);
  }
  return out;
}

bool is_stop_word(std::string_view word) {
  return std::binary_search(k_stop_words.begin(), k_stop_words.end(), word);
}

std::vector<std::string> content_stems(std::string_view text) {
  std::vector<std::string> stems;
  for (const auto& token : tokenize_words(text)) {
    if (!is_stop_word(token.word)) {
      stems.push_back(stem(token.word));
    }
  }
  return stems;
}

}  // namespace rung
