#include "rung/compare/compare.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/core/words.hpp"

namespace rung::compare {

namespace {

struct Candidate {
  bool identical = false;
  double score = 0;
  std::size_t a = 0;
  std::size_t b = 0;
};

bool comes_first(const Candidate& x, const Candidate& y) {
  if (x.identical != y.identical) {
    return x.identical;
  }
  if (x.score != y.score) {
    return x.score > y.score;
  }
  return x.a != y.a ? x.a < y.a : x.b < y.b;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  for (auto& token : tokenize_words(text)) {
    words.push_back(std::move(token.word));
  }
  return words;
}

// Which statements of b to score against each one of a: all of them for small inputs or a
// threshold of 0; else only those that share a stem or all their words with it (found through
// an index of b), since any other scores 0 and is not identical: it changes neither the best
// scores nor the candidates. So the result is the same either way, and comparing two large
// lists (rung diff's pass across levels, on a ladder 100 times the built-in one) costs what
// the statements share instead of every pair.
class CandidateIndex {
 public:
  CandidateIndex(const std::vector<TermVector>& vectors_b,
                 const std::vector<std::vector<std::string>>& words_b, std::size_t a_size,
                 double threshold)
      : m_all(threshold <= 0 || a_size * vectors_b.size() < k_index_from),
        m_size(vectors_b.size()),
        m_seen(vectors_b.size(), k_none) {
    if (m_all) {
      return;
    }
    for (std::size_t j = 0; j < vectors_b.size(); ++j) {
      for (const auto& weighted : vectors_b[j].weights) {
        m_by_stem[weighted.first].push_back(j);
      }
      m_by_words[words_b[j]].push_back(j);
    }
  }

  // The statements of b to score against a[i] (whose vector and words are given), ascending.
  std::vector<std::size_t> for_a(std::size_t i, const TermVector& vector_a,
                                 const std::vector<std::string>& words_a) {
    std::vector<std::size_t> out;
    if (m_all) {
      out.resize(m_size);
      for (std::size_t j = 0; j < m_size; ++j) {
        out[j] = j;
      }
      return out;
    }
    const auto take = [&](const std::vector<std::size_t>& js) {
      for (std::size_t j : js) {
        if (m_seen[j] != i) {
          m_seen[j] = i;
          out.push_back(j);
        }
      }
    };
    for (const auto& weighted : vector_a.weights) {
      if (const auto found = m_by_stem.find(weighted.first); found != m_by_stem.end()) {
        take(found->second);
      }
    }
    if (const auto found = m_by_words.find(words_a); found != m_by_words.end()) {
      take(found->second);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  static constexpr std::size_t k_index_from = 1024;  // pairs; fewer are all scored
  static constexpr std::size_t k_none = static_cast<std::size_t>(-1);

  bool m_all;
  std::size_t m_size;
  std::vector<std::size_t> m_seen;  // j -> the last i it was taken for
  std::map<std::string, std::vector<std::size_t>, std::less<>> m_by_stem;
  std::map<std::vector<std::string>, std::vector<std::size_t>> m_by_words;
};

// Every pair of statements that may be paired, best first; also the best score each
// statement reached (for the unpaired ones' `similarity`).
std::vector<Candidate> candidates(const Similarity& similarity, const std::vector<StatementText>& a,
                                  const std::vector<StatementText>& b, double threshold,
                                  std::vector<double>& best_a, std::vector<double>& best_b) {
  std::vector<TermVector> vectors_b;
  std::vector<std::vector<std::string>> words_b;
  for (const auto& statement : b) {
    vectors_b.push_back(similarity.vector_of(statement.text));
    words_b.push_back(words_of(statement.text));
  }
  CandidateIndex index(vectors_b, words_b, a.size(), threshold);
  std::vector<Candidate> found;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const TermVector vector_a = similarity.vector_of(a[i].text);
    const std::vector<std::string> words_a = words_of(a[i].text);
    for (std::size_t j : index.for_a(i, vector_a, words_a)) {
      Candidate c{words_a == words_b[j], cosine(vector_a, vectors_b[j]), i, j};
      if (c.identical) {
        c.score = 1.0;
      }
      best_a[i] = std::max(best_a[i], c.score);
      best_b[j] = std::max(best_b[j], c.score);
      if (c.identical || c.score >= threshold) {
        found.push_back(c);
      }
    }
  }
  std::sort(found.begin(), found.end(), comes_first);
  return found;
}

LevelInfo info_of(const model::Ladder& ladder, const model::Level& level) {
  const model::Track* track = ladder.track_of(level.id);
  return LevelInfo{level.id, level.title, track != nullptr ? track->id : "",
                   track != nullptr ? track->name : "", level.shares};
}

std::vector<StatementText> texts_in(std::span<const model::AreaStatements> content,
                                    std::string_view area, bool& present) {
  std::vector<StatementText> texts;
  for (const auto& block : content) {
    if (block.area == area) {
      for (const auto& statement : block.statements) {
        texts.push_back({statement.id, statement.text});
      }
    }
  }
  present = !texts.empty();
  return texts;
}

void count(Counts& counts, const std::vector<StatementPair>& pairs) {
  for (const auto& pair : pairs) {
    switch (pair.change) {
      case Change::unchanged:
        ++counts.unchanged;
        break;
      case Change::reworded:
        ++counts.reworded;
        break;
      case Change::new_at_b:
        ++counts.new_at_b;
        break;
      case Change::only_at_a:
        ++counts.only_at_a;
        break;
    }
  }
}

}  // namespace

std::string_view to_string(Change change) {
  switch (change) {
    case Change::unchanged:
      return "unchanged";
    case Change::reworded:
      return "reworded";
    case Change::new_at_b:
      return "new_at_b";
    case Change::only_at_a:
      return "only_at_a";
  }
  return "unchanged";
}

std::vector<StatementPair> pair_statements(const Similarity& similarity,
                                           const std::vector<StatementText>& a,
                                           const std::vector<StatementText>& b, double threshold) {
  std::vector<double> best_a(a.size(), 0.0);
  std::vector<double> best_b(b.size(), 0.0);
  const auto found = candidates(similarity, a, b, threshold, best_a, best_b);
  std::vector<const Candidate*> partner_of_b(b.size(), nullptr);
  std::vector<bool> a_taken(a.size(), false);
  for (const auto& c : found) {
    if (!a_taken[c.a] && partner_of_b[c.b] == nullptr) {
      a_taken[c.a] = true;
      partner_of_b[c.b] = &c;
    }
  }
  std::vector<StatementPair> pairs;
  for (std::size_t j = 0; j < b.size(); ++j) {
    const Candidate* c = partner_of_b[j];
    if (c == nullptr) {
      pairs.push_back({Change::new_at_b, std::nullopt, b[j], best_b[j], {}});
    } else if (c->identical) {
      pairs.push_back({Change::unchanged, a[c->a], b[j], c->score, {}});
    } else {
      pairs.push_back(
          {Change::reworded, a[c->a], b[j], c->score, diff_words(a[c->a].text, b[j].text)});
    }
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a_taken[i]) {
      pairs.push_back({Change::only_at_a, a[i], std::nullopt, best_a[i], {}});
    }
  }
  return pairs;
}

Result<Comparison> compare_levels(const model::Ladder& ladder, const Similarity& similarity,
                                  std::string_view a_id, std::string_view b_id,
                                  const CompareOptions& options) {
  RUNG_TRY_ASSIGN(const model::Level* a, model::require_level(ladder, a_id));
  RUNG_TRY_ASSIGN(const model::Level* b, model::require_level(ladder, b_id));
  Comparison result;
  result.a = info_of(ladder, *a);
  result.b = info_of(ladder, *b);
  result.threshold = options.threshold;
  const auto content_a = ladder.content_of(*a);
  const auto content_b = ladder.content_of(*b);
  for (const auto& area : ladder.areas()) {
    AreaComparison block{area.id, area.name, false, false, {}};
    const auto texts_a = texts_in(content_a, area.id, block.at_a);
    const auto texts_b = texts_in(content_b, area.id, block.at_b);
    if (!block.at_a && !block.at_b) {
      continue;
    }
    block.pairs = pair_statements(similarity, texts_a, texts_b, options.threshold);
    count(result.counts, block.pairs);
    result.areas.push_back(std::move(block));
  }
  return result;
}

Result<Comparison> compare_with_next(const model::Ladder& ladder, const Similarity& similarity,
                                     std::string_view a_id, const CompareOptions& options) {
  RUNG_TRY_ASSIGN(const model::Level* a, model::require_level(ladder, a_id));
  const model::Level* next = ladder.next_level(a->id);
  if (next == nullptr) {
    const model::Track* track = ladder.track_of(a->id);
    return fail("compare.top-of-track",
                fmt::format("{} ({}) is the top level of the {} track; there is no next level",
                            a->id, a->title, track != nullptr ? track->name : "its"),
                {}, "name a second level to compare it with");
  }
  return compare_levels(ladder, similarity, a->id, next->id, options);
}

}  // namespace rung::compare
