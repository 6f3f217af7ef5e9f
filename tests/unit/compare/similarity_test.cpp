#include "rung/compare/similarity.hpp"

#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rung/compare/compare.hpp"

#include "../support/document_ladder.hpp"
#include "support/golden.hpp"

namespace rung::compare {
namespace {

const Similarity& document_similarity() {
  static const model::Ladder ladder = test_data::document_ladder();
  static const Similarity similarity(ladder);
  return similarity;
}

struct JudgedPair {
  std::string a;
  std::string b;
  bool same_statement = false;  // would a reader say B is A reworded?
  std::string why;
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t from = 0;
  for (std::size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', from)) {
    fields.push_back(line.substr(from, tab - from));
    from = tab + 1;
  }
  fields.push_back(line.substr(from));
  return fields;
}

// Pairs from the company ladder, judged by reading them (tests/data/compare/judged_pairs.tsv,
// which bench/stemmer/ reads too). These set the default threshold (compare.hpp): every pair a
// reader calls a rewording scores at or above it, every pair that only shares the ladder's house
// words scores below it.
const std::vector<JudgedPair>& judged_pairs() {
  static const std::vector<JudgedPair> pairs = [] {
    std::vector<JudgedPair> out;
    std::ifstream in(test_support::source_root() / "tests/data/compare/judged_pairs.tsv");
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line.starts_with('#')) {
        continue;
      }
      const auto fields = split_tabs(line);
      if (fields.size() == 4) {
        out.push_back({fields[1], fields[2], fields[0] == "yes", fields[3]});
      }
    }
    return out;
  }();
  return pairs;
}

TEST(Similarity, SeparatesRewordingsFromStatementsThatShareHouseWords) {
  const Similarity& similarity = document_similarity();
  ASSERT_EQ(judged_pairs().size(), 13u);
  for (const auto& pair : judged_pairs()) {
    const double score = similarity.score(pair.a, pair.b);
    if (pair.same_statement) {
      EXPECT_GE(score, k_default_threshold) << pair.why;
    } else {
      EXPECT_LT(score, k_default_threshold) << pair.why;
    }
  }
}

TEST(Similarity, IdenticalContentScoresOneAndNothingSharedScoresZero) {
  const Similarity& similarity = document_similarity();
  EXPECT_DOUBLE_EQ(
      similarity.score("You write clean and readable code.", "You write clean and readable code"),
      1.0);
  EXPECT_DOUBLE_EQ(similarity.score("You understand scope of work before taking on tasks.",
                                    "You understand the scope of work before taking on tasks."),
                   1.0);
  EXPECT_EQ(similarity.score("You choose new technologies.", "You have laser eyes."), 0.0);
  EXPECT_EQ(similarity.score("You and your", "You and your"), 0.0);
}

TEST(Similarity, IsSymmetric) {
  const Similarity& similarity = document_similarity();
  for (const auto& pair : judged_pairs()) {
    EXPECT_DOUBLE_EQ(similarity.score(pair.a, pair.b), similarity.score(pair.b, pair.a));
  }
}

TEST(Similarity, RareStemsWeighMoreThanTheLaddersHouseWords) {
  const Similarity& similarity = document_similarity();
  EXPECT_EQ(similarity.document_count(), 184u);
  EXPECT_GT(similarity.idf("mentor"), similarity.idf("team"));
  EXPECT_GT(similarity.idf("never-seen"), similarity.idf("mentor"));
  // "mentor" and "help" each appear once in both texts, so only their weights differ.
  const double with_rare = similarity.score("You help mentor", "You mentor");
  const double with_common = similarity.score("You help mentor", "You help");
  EXPECT_GT(with_rare, with_common);
}

TEST(Similarity, LearnsFromAPlainListOfTexts) {
  const std::vector<std::string> texts{"alpha beta", "alpha gamma", "alpha delta"};
  Similarity similarity(texts);
  EXPECT_EQ(similarity.document_count(), 3u);
  EXPECT_LT(similarity.idf("alpha"), similarity.idf("beta"));
  EXPECT_GT(similarity.score("alpha beta", "beta"), similarity.score("alpha beta", "alpha"));
}

TEST(Cosine, OfEmptyVectorsIsZero) {
  EXPECT_EQ(cosine(TermVector{}, TermVector{}), 0.0);
}

}  // namespace
}  // namespace rung::compare
