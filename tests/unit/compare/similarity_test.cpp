#include "rung/compare/similarity.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rung/compare/compare.hpp"

#include "../support/document_ladder.hpp"

namespace rung::compare {
namespace {

const Similarity& document_similarity() {
  static const model::Ladder ladder = test_data::document_ladder();
  static const Similarity similarity(ladder);
  return similarity;
}

struct JudgedPair {
  const char* a;
  const char* b;
  bool same_statement;  // would a reader say B is A reworded?
  const char* why;
};

// Pairs from the company ladder, judged by reading them. These set the default threshold
// (compare.hpp): every pair a reader calls a rewording scores at or above it, every pair that
// only shares the ladder's house words scores below it.
const std::vector<JudgedPair> k_judged = {
    {"You understand scope of work before taking on tasks.",
     "You understand the scope of work before taking on tasks.", true, "swe-1 / sre-1: + 'the'"},
    {"You verify your work by writing tests as well as the old fashioned manual way.",
     "You verify your work by testing it yourself before asking others to review it.", true,
     "swe-1 / sre-1: verifying work by testing"},
    {"You share your knowledge with your coworkers.",
     "You actively share your knowledge and seek opportunities to teach others about your "
     "domain.",
     true, "swe-3 / swe-4: sharing knowledge, more actively"},
    {"You understand the technical concepts necessary to do your job effectively and are aware "
     "of industry trends in your domain.",
     "You closely follow industry trends relevant to your domain and understand how to apply "
     "them to your work as appropriate.",
     true, "swe-2 / swe-3: aware of trends -> follows them closely"},
    {"You can manage a team of up to 8 developers.", "You are able to manage 2-3 developer teams.",
     true, "mgr-1 / mgr-2: the size of what you manage"},
    {"You have regular and effective 1:1 meetings with your team.",
     "You conduct regular and effective 1:1 meetings with each of your team leads.", true,
     "mgr-1 / mgr-2: 1:1s with the team -> with team leads"},
    {"You collaborate with Product and QA to make sure releases go on time with the highest "
     "quality in mind.",
     "You make sure products are built according to business goals and that they are shipped "
     "on time.",
     true, "mgr-1 / mgr-3: shipping on time"},
    {"You help mentor new hires.",
     "You actively participate in mentoring new and existing engineers.", true,
     "swe-2 / mgr-3: mentoring new people, then new and existing ones"},
    {"You understand scope of work before taking on tasks.",
     "You verify your work by testing it yourself before asking others to review it.", false,
     "swe-1 / sre-1: share only 'work' and 'before'"},
    {"You quickly extract core issues from discussions and meetings. Your presence makes "
     "meetings more productive.",
     "You have regular and effective 1:1 meetings with your team.", false,
     "swe-3 / mgr-1: both mention meetings, say different things"},
    {"You are able to delegate the right tasks to the right people when needed.",
     "You are able to identify headcount needs and handle the recruitment process as well as "
     "decide when to let people go.",
     false, "mgr-1 / mgr-2: delegating is not hiring"},
    {"You help mentor new hires.", "You choose new technologies.", false,
     "swe-2 / swe-4: share only 'new'"},
    {"You build medium to large scale features, sometimes with not-so-well-defined requirements.",
     "You sometimes challenge why the things we build are important to the business and can "
     "present alternatives.",
     false, "swe-2 / swe-3: share 'build' and 'sometimes'"},
};

TEST(Similarity, SeparatesRewordingsFromStatementsThatShareHouseWords) {
  const Similarity& similarity = document_similarity();
  for (const auto& pair : k_judged) {
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
  for (const auto& pair : k_judged) {
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
