#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rung::compare {

enum class Edit {
  same,     // text both sides have
  removed,  // words only the old text (A) has
  added,    // words only the new text (B) has
};

// One run of a word diff. `removed` pieces hold A's words (with A's punctuation between them)
// at the place they left; `same` and `added` pieces spell B's text, plus one space beside each
// removed piece that is not directly followed by an added one, so that the pieces read as
// "x [-old-] y" rather than "x [-old-]y".
struct DiffPiece {
  Edit kind = Edit::same;
  std::string text;

  friend bool operator==(const DiffPiece&, const DiffPiece&) = default;
};

// Word-level diff of A and B: the longest common subsequence of their words (tokenize_words;
// compared case-insensitively, with ’ and ' alike, stop words included, no stemming, so
// "mentor" -> "mentoring" shows as a change). Between two common words, A's words that are not
// kept form one `removed` piece, directly followed by B's as one `added` piece. Punctuation
// and spacing come from B, so a change of punctuation only ("requirements." vs "requirements")
// gives a single `same` piece. Adjacent pieces never have the same kind.
std::vector<DiffPiece> diff_words(std::string_view a, std::string_view b);

// True when A and B have the same words in the same order (diff_words has no removed or added
// piece): they differ at most in case, punctuation, spacing and quote style.
bool same_words(std::string_view a, std::string_view b);

}  // namespace rung::compare
