#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Words of English prose, for comparing, searching and linting ladder statements: a tokeniser
// that keeps byte offsets (so callers can mark words in the original text), a fixed stop-word
// list (lint keeps its own for now, see lint/words.hpp), a small suffix-stripping stemmer and
// folding for exact comparison. Everything here is pure and thread-safe.

namespace rung {

// One word of a text, as found by tokenize_words.
struct WordToken {
  std::size_t begin = 0;  // byte offset of the word's first byte in the text
  std::size_t end = 0;    // one past its last byte
  std::string word;       // ASCII lower-cased; a typographic apostrophe (’ or ‘) written as '

  friend bool operator==(const WordToken&, const WordToken&) = default;
};

// Splits UTF-8 text into words, in order. A word is a run of letters and digits, where
//  - a letter is an ASCII letter or any non-ASCII character other than punctuation, symbols
//    and spaces (U+00A0..U+00BF, U+00D7, U+00F7, U+2000..U+2BFF, U+3000..U+303F): "café" is
//    one word, “quoted” is the word quoted;
//  - an apostrophe (' or ’ or ‘) between two letters stays inside the word: "don't",
//    "team’s" -> "team's" (stem() later drops the possessive);
//  - ':', '-', '/', '.' or ',' between two digits stays inside the word: "1:1", "6-12", "2.5";
//  - every other character separates words, so "well-defined" is two words and "e.g." is
//    "e" and "g". Bytes that are not valid UTF-8 separate words too.
std::vector<WordToken> tokenize_words(std::string_view text);

// The word as written in `text`, case and typographic apostrophes kept: the bytes
// [token.begin, token.end) of the text `token` was read from.
std::string_view written(std::string_view text, const WordToken& token);

// A word as tokenize_words writes it, folded for exact comparison: a possessive "'s" and then
// every apostrophe dropped. "team's" -> "team", "don't" -> "dont", "1:1" stays "1:1".
std::string fold(std::string_view word);

// The folded words of `text` joined by single spaces: two texts that differ only in case,
// punctuation (outside numbers such as "1:1") and white space normalise to the same string.
std::string normalise(std::string_view text);

// True when `word` (as tokenize_words writes it) is on Rung's fixed list of English function
// words: pronouns ("you", "your", "they"), articles, common prepositions and conjunctions,
// auxiliary verbs ("is", "have", "can"), and the "e"/"g" of "e.g.". Negations ("not", "no")
// and words that carry meaning in a ladder ("before", "up", "well") are not on it.
bool is_stop_word(std::string_view word);

// The stem of a word as tokenize_words writes it, by Porter's steps 1 and 5 (M. F. Porter, "An
// algorithm for suffix stripping", 1980), which undo plurals, -ed/-ing forms and a final -e:
//  1a  -sses -> -ss, -ies -> -i, -s -> (dropped) unless -ss;
//  1b  -eed -> -ee when the rest has measure > 0; -ed and -ing are dropped when the rest has a
//      vowel, and then -at/-bl/-iz gain an "e", a doubled final consonant other than l/s/z is
//      undoubled, and a short consonant-vowel-consonant rest gains an "e";
//  1c  a final -y becomes -i when the rest has a vowel;
//  5   a final -e is dropped when the rest has measure > 1, or measure 1 and no short
//      consonant-vowel-consonant ending; a final -ll becomes -l when the measure is > 1.
// (Porter's steps 2-4, which strip derivational endings such as -ation and -ness, are left
// out: they merge words a ladder keeps apart, like "generous" and "general".)
// Before that a possessive "'s" (or a trailing "'") is dropped. So "mentor", "mentors" and
// "mentoring" all give "mentor"; "planning" and "planned" give "plan"; "teaches" and "teach"
// give "teach"; "managing" and "manage" give "manag"; "hire", "hires" and "hiring" give
// "hire". "mentee" is not a form of "mentor" (a different role). Words of one or two letters,
// and words with digits or non-ASCII letters, are returned unchanged. Stems are keys for
// matching, not words to show.
std::string stem(std::string_view word);

// The words of `text` that carry its meaning: tokenize_words minus stop words, stemmed,
// in order. "You help mentor new hires." -> {"help", "mentor", "new", "hire"}.
std::vector<std::string> content_stems(std::string_view text);

}  // namespace rung
