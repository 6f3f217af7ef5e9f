#include "rung/compare/similarity.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "rung/core/words.hpp"

namespace rung::compare {

double cosine(const TermVector& a, const TermVector& b) {
  if (a.norm == 0 || b.norm == 0) {
    return 0;
  }
  double dot = 0;
  auto i = a.weights.begin();
  auto j = b.weights.begin();
  while (i != a.weights.end() && j != b.weights.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      dot += i->second * j->second;
      ++i;
      ++j;
    }
  }
  // Rounding can push the cosine of identical vectors a hair above 1.
  return std::min(1.0, dot / (a.norm * b.norm));
}

Similarity::Similarity(const model::Ladder& ladder, Stemmer stemmer) : m_stemmer(stemmer) {
  for (const auto& track : ladder.tracks()) {
    for (const auto& level : track.levels) {
      for (const auto& block : level.areas) {
        for (const auto& statement : block.statements) {
          learn(statement.text);
        }
      }
    }
  }
}

Similarity::Similarity(std::span<const std::string> texts, Stemmer stemmer) : m_stemmer(stemmer) {
  for (const auto& text : texts) {
    learn(text);
  }
}

// core/words.hpp's content_stems, with this similarity's stemmer.
std::vector<std::string> Similarity::stems_of(std::string_view text) const {
  std::vector<std::string> stems;
  for (const auto& token : tokenize_words(text)) {
    if (!is_stop_word(token.word)) {
      stems.push_back(m_stemmer(token.word));
    }
  }
  return stems;
}

void Similarity::learn(std::string_view text) {
  ++m_documents;
  auto stems = stems_of(text);
  for (const auto& stem : std::set<std::string>(stems.begin(), stems.end())) {
    ++m_document_frequency[stem];
  }
}

double Similarity::idf(std::string_view stem) const {
  auto it = m_document_frequency.find(stem);
  const double df = it == m_document_frequency.end() ? 0.0 : static_cast<double>(it->second);
  return std::log((1.0 + static_cast<double>(m_documents)) / (1.0 + df)) + 1.0;
}

TermVector Similarity::vector_of(std::string_view text) const {
  auto stems = stems_of(text);
  std::sort(stems.begin(), stems.end());
  TermVector vector;
  for (std::size_t i = 0; i < stems.size();) {
    std::size_t j = i;
    while (j < stems.size() && stems[j] == stems[i]) {
      ++j;
    }
    const double weight = static_cast<double>(j - i) * idf(stems[i]);
    vector.weights.emplace_back(stems[i], weight);
    vector.norm += weight * weight;
    i = j;
  }
  vector.norm = std::sqrt(vector.norm);
  return vector;
}

double Similarity::score(std::string_view a, std::string_view b) const {
  return cosine(vector_of(a), vector_of(b));
}

}  // namespace rung::compare
