#include "rung/compare/word_diff.hpp"

#include <cstddef>
#include <utility>

#include "rung/core/words.hpp"

namespace rung::compare {

namespace {

using Tokens = std::vector<WordToken>;

// Index pairs (i in A, j in B) of a longest common subsequence of the two word lists, in
// order. Ties prefer matching earlier words of A, which keeps the diff stable.
std::vector<std::pair<std::size_t, std::size_t>> common_words(const Tokens& a, const Tokens& b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  // lcs[i][j] = length of the LCS of a[i..] and b[j..].
  std::vector<std::vector<std::size_t>> lcs(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[i][j] =
          a[i].word == b[j].word ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n && j < m) {
    if (a[i].word == b[j].word) {
      pairs.emplace_back(i++, j++);
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  return pairs;
}

// Builds the pieces, merging neighbours of the same kind.
class PieceWriter {
 public:
  void add(Edit kind, std::string_view text) {
    if (text.empty()) {
      return;
    }
    if (!m_pieces.empty() && m_pieces.back().kind == kind) {
      m_pieces.back().text += text;
    } else {
      m_pieces.push_back({kind, std::string(text)});
    }
  }
  std::vector<DiffPiece> take() { return std::move(m_pieces); }

 private:
  std::vector<DiffPiece> m_pieces;
};

std::string_view span(std::string_view text, std::size_t begin, std::size_t end) {
  return text.substr(begin, end - begin);
}

}  // namespace

std::vector<DiffPiece> diff_words(std::string_view a, std::string_view b) {
  const Tokens ta = tokenize_words(a);
  const Tokens tb = tokenize_words(b);
  auto pairs = common_words(ta, tb);
  pairs.emplace_back(ta.size(), tb.size());  // a sentinel closing the last gap
  PieceWriter out;
  std::size_t next_a = 0;
  std::size_t next_b = 0;
  std::size_t written_b = 0;  // B's text before this offset is written
  for (const auto& [ia, ib] : pairs) {
    const bool removed = ia > next_a;
    const bool added = ib > next_b;
    const bool at_end = ib == tb.size();
    // Where the gap's pieces go: before B's first added word, else before the next kept word.
    const std::size_t anchor = added ? tb[next_b].begin : at_end ? b.size() : tb[ib].begin;
    if (removed || added) {
      if (!(removed && !added && at_end)) {
        out.add(Edit::same, span(b, written_b, anchor));
        written_b = anchor;
      } else {
        // A deletion at the very end goes after B's last word, before its final punctuation.
        const std::size_t last = tb.empty() ? 0 : tb.back().end;
        out.add(Edit::same, span(b, written_b, last));
        if (last > 0) {
          out.add(Edit::same, " ");
        }
        written_b = last;
      }
    }
    if (removed) {
      out.add(Edit::removed, span(a, ta[next_a].begin, ta[ia - 1].end));
      if (!added && !at_end) {
        out.add(Edit::same, " ");
      }
    }
    if (added) {
      out.add(Edit::added, span(b, tb[next_b].begin, tb[ib - 1].end));
      written_b = tb[ib - 1].end;
    }
    if (!at_end) {
      out.add(Edit::same, span(b, written_b, tb[ib].end));
      written_b = tb[ib].end;
    }
    next_a = ia + 1;
    next_b = ib + 1;
  }
  out.add(Edit::same, span(b, written_b, b.size()));
  return out.take();
}

bool same_words(std::string_view a, std::string_view b) {
  const Tokens ta = tokenize_words(a);
  const Tokens tb = tokenize_words(b);
  if (ta.size() != tb.size()) {
    return false;
  }
  for (std::size_t i = 0; i < ta.size(); ++i) {
    if (ta[i].word != tb[i].word) {
      return false;
    }
  }
  return true;
}

}  // namespace rung::compare
