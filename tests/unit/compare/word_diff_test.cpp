#include "rung/compare/word_diff.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace rung::compare {
namespace {

// Renders pieces the way a reader sees them: [-removed-] and {+added+}.
std::string marked(const std::vector<DiffPiece>& pieces) {
  std::string out;
  for (const auto& piece : pieces) {
    switch (piece.kind) {
      case Edit::same:
        out += piece.text;
        break;
      case Edit::removed:
        out += "[-" + piece.text + "-]";
        break;
      case Edit::added:
        out += "{+" + piece.text + "+}";
        break;
    }
  }
  return out;
}

TEST(DiffWords, PunctuationOnlyChangeIsOneSamePiece) {
  const std::string a =
      "You write code that addresses the heart of the matter, avoiding over-engineered "
      "solutions, but that is also appropriately flexible, reusable, efficient and adaptable to "
      "changing requirements.";
  const std::string b = a.substr(0, a.size() - 1);
  auto pieces = diff_words(a, b);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0], (DiffPiece{Edit::same, b}));
  EXPECT_TRUE(same_words(a, b));
}

TEST(DiffWords, MarksTheArticleTheReliabilityTrackAdded) {
  EXPECT_EQ(marked(diff_words("You understand scope of work before taking on tasks.",
                              "You understand the scope of work before taking on tasks.")),
            "You understand {+the+} scope of work before taking on tasks.");
}

TEST(DiffWords, SubstitutionsShowTheOldWordsThenTheNew) {
  EXPECT_EQ(marked(diff_words("You help mentor new hires.",
                              "You actively participate in mentoring new and existing engineers.")),
            "You [-help mentor-]{+actively participate in mentoring+} new [-hires-]{+and existing "
            "engineers+}.");
  EXPECT_EQ(marked(diff_words("You have the technical skills of a Senior Software Developer.",
                              "You have the technical skills of a Staff Software Developer.")),
            "You have the technical skills of a [-Senior-]{+Staff+} Software Developer.");
}

TEST(DiffWords, RemovedWordsKeepASpaceOnEitherSide) {
  EXPECT_EQ(marked(diff_words("You build great features", "You build features")),
            "You build [-great-] features");
  EXPECT_EQ(marked(diff_words("You build features quickly.", "You build features.")),
            "You build features [-quickly-].");
  EXPECT_EQ(marked(diff_words("Really, you build", "you build")), "[-Really-] you build");
}

TEST(DiffWords, AddedWordsAtTheEdges) {
  EXPECT_EQ(marked(diff_words("build features", "You build features today.")),
            "{+You+} build features {+today+}.");
}

TEST(DiffWords, SameAndAddedPiecesSpellTheNewText) {
  const std::string a = "You learn from your own research and from those around you.";
  const std::string b =
      "You learn from your own research and from those around you, seizing opportunities to "
      "increase your knowledge.";
  std::string spelled;
  for (const auto& piece : diff_words(a, b)) {
    EXPECT_NE(piece.kind, Edit::removed);
    spelled += piece.text;
  }
  EXPECT_EQ(spelled, b);
}

TEST(DiffWords, EmptySides) {
  EXPECT_EQ(marked(diff_words("", "New text.")), "{+New text+}.");
  EXPECT_EQ(marked(diff_words("Old text.", "")), "[-Old text-]");
  EXPECT_TRUE(diff_words("", "").empty());
}

TEST(SameWords, IgnoresCasePunctuationAndQuoteStyle) {
  EXPECT_TRUE(same_words("You ensure your team’s solutions.", "you ensure your team's solutions"));
  EXPECT_TRUE(same_words("over the “clever” one", "over the \"clever\" one"));
  EXPECT_FALSE(same_words("You understand scope of work", "You understand the scope of work"));
  EXPECT_FALSE(same_words("You mentor", "You mentors"));
}

}  // namespace
}  // namespace rung::compare
