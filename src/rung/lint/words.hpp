#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Word-level text analysis for the lint rules: tokens, folding, stop words and a light stemmer.
// English only, deliberately simple: the rules compare statements of one ladder with each
// other, so what matters is that the same word always folds and stems the same way, not that
// the stems are linguistically right ("share", "shared", "sharing" all become "shar").
namespace rung::lint {

// A word as written: a run of letters and digits, with apostrophes inside it ("don't").
// Spaces, punctuation, dashes and typographic quotes separate words; other non-ASCII UTF-8
// characters count as letters. `text` views the input, which must outlive the token.
struct Token {
  std::string_view text;
  std::size_t offset = 0;  // byte offset in the input
};

std::vector<Token> tokenize(std::string_view text);

// "Team's" -> "team", "Don't" -> "dont": ASCII lower case, a possessive 's and apostrophes
// dropped.
std::string fold(std::string_view word);

// True for English function words ("the", "of", "you", "your", ...), which carry no topic.
bool is_stop_word(std::string_view folded);

// Light suffix stripping of a folded word: plural -s/-es/-ies, -ing, -ed (with a doubled final
// consonant undone: "planned" -> "plan") and a final -e. Words of three letters or fewer stay.
std::string stem(std::string_view folded);

// The folded words joined by single spaces: two texts that differ only in case, punctuation
// and white space normalise to the same string.
std::string normalise(std::string_view text);

// A content word: not a stop word, not a number, longer than one character.
bool is_content_word(std::string_view folded);

// The stems of a text's content words, in order, repeats kept.
std::vector<std::string> content_stems(std::string_view text);

}  // namespace rung::lint
