#pragma once

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rung/core/words.hpp"
#include "rung/model/ladder.hpp"

// How alike two ladder statements are: cosine similarity of TF-IDF vectors over content stems.
//
//  1. Each text becomes its content stems (core/words.hpp): words split on anything that is not
//     a letter or digit, lower-cased, with apostrophes (' and ’) kept inside words, stop words
//     ("you", "the", "and", "to", ...) dropped, and Porter's step 1 applied, so "mentors" and
//     "mentoring" both count as "mentor".
//  2. A stem's weight in a text is tf * idf: tf is how often it occurs in the text, and
//     idf = ln((1 + N) / (1 + df)) + 1, where N is the number of statements in the ladder and df
//     the number of statements that contain the stem. Stems the ladder uses everywhere ("team",
//     "work") weigh little; stems it uses rarely ("mentor", "latency") weigh a lot. A stem the
//     ladder never uses gets the largest weight.
//  3. The score is the cosine of the angle between the two weight vectors: 1 when the texts use
//     the same stems in the same proportions, 0 when they share none.
//
// Why not Dice on stem sets (2|A∩B| / (|A|+|B|))? Dice counts every shared stem alike, so two
// statements of one ladder that share only its house vocabulary ("You ... your team ... work")
// score as high as two that share the one word that matters. With idf, "You help mentor new
// hires." and "You actively participate in mentoring new and existing engineers." are held
// together by "mentor", while "your team" contributes little. The weights are learned from the
// ladder being compared, so another company's vocabulary is weighed by its own usage.
//
// Word order and stop words do not count: "You understand scope of work" and "You understand
// the scope of work" score 1. Telling those apart (reworded, not unchanged) is the caller's job.

namespace rung::compare {

// A text's stems with their weights, sorted by stem; `norm` is the Euclidean length.
struct TermVector {
  std::vector<std::pair<std::string, double>> weights;
  double norm = 0;
};

// Cosine of two vectors in [0, 1]; 0 when either is empty (a text with only stop words).
double cosine(const TermVector& a, const TermVector& b);

// How a word (as core/words.hpp's tokenize_words writes it) becomes its stem. Rung uses
// rung::stem (Porter's steps 1 and 5); bench/stemmer/ passes others to compare them.
using Stemmer = std::string (*)(std::string_view word);

// Document frequencies learned from one ladder. Immutable after construction and thread-safe
// to read, so a server builds one per ladder and shares it across requests.
class Similarity {
 public:
  // Learns from every statement of `ladder`, each counted once (a level that shares another's
  // description adds nothing).
  explicit Similarity(const model::Ladder& ladder, Stemmer stemmer = &stem);

  // Learns from a list of texts (each one a "statement").
  explicit Similarity(std::span<const std::string> texts, Stemmer stemmer = &stem);

  // The weighted vector of `text`.
  TermVector vector_of(std::string_view text) const;

  // cosine(vector_of(a), vector_of(b)).
  double score(std::string_view a, std::string_view b) const;

  // The idf of a stem (see above); the largest value for a stem no statement has.
  double idf(std::string_view stem) const;

  std::size_t document_count() const { return m_documents; }

 private:
  void learn(std::string_view text);
  std::vector<std::string> stems_of(std::string_view text) const;

  Stemmer m_stemmer;
  std::size_t m_documents = 0;
  std::map<std::string, std::size_t, std::less<>> m_document_frequency;
};

}  // namespace rung::compare
