#include "rung/lint/words.hpp"

#include <gtest/gtest.h>

namespace rung::lint {
namespace {

std::vector<std::string> texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& token : tokenize(text)) {
    out.emplace_back(token.text);
  }
  return out;
}

TEST(Tokenize, SplitsOnPunctuationDashesAndTypographicQuotes) {
  using V = std::vector<std::string>;
  EXPECT_EQ(texts("You actively level up less-experienced members."),
            (V{"You", "actively", "level", "up", "less", "experienced", "members"}));
  EXPECT_EQ(texts("the \xE2\x80\x9C"
                  "clever\xE2\x80\x9D one \xE2\x80\x94 1:1"),
            (V{"the", "clever", "one", "1", "1"}));
  EXPECT_EQ(tokenize("  ab cd").at(1).offset, 5u);
}

TEST(Tokenize, KeepsApostrophesInsideWordsAndNonAsciiLetters) {
  using V = std::vector<std::string>;
  EXPECT_EQ(texts("don't team\xE2\x80\x99s 'quoted' caf\xC3\xA9"),
            (V{"don't", "team\xE2\x80\x99s", "quoted", "caf\xC3\xA9"}));
}

TEST(Fold, LowerCasesAndDropsPossessivesAndApostrophes) {
  EXPECT_EQ(fold("Team's"), "team");
  EXPECT_EQ(fold("team\xE2\x80\x99s"), "team");
  EXPECT_EQ(fold("Don't"), "dont");
  EXPECT_EQ(fold("OS"), "os");
}

TEST(StopWords, AreFunctionWordsOnly) {
  EXPECT_TRUE(is_stop_word("the"));
  EXPECT_TRUE(is_stop_word("your"));
  EXPECT_TRUE(is_stop_word("dont"));
  EXPECT_FALSE(is_stop_word("team"));
  EXPECT_FALSE(is_stop_word("mentor"));
  EXPECT_FALSE(is_content_word("2019"));
  EXPECT_FALSE(is_content_word("e"));
  EXPECT_TRUE(is_content_word("code"));
}

TEST(Stem, MapsInflectionsOfOneWordToOneStem) {
  EXPECT_EQ(stem("share"), stem("shared"));
  EXPECT_EQ(stem("share"), stem("sharing"));
  EXPECT_EQ(stem("plan"), stem("planned"));
  EXPECT_EQ(stem("plan"), stem("planning"));
  EXPECT_EQ(stem("speed"), stem("speeds"));
  EXPECT_EQ(stem("process"), stem("processes"));
  EXPECT_EQ(stem("library"), stem("libraries"));
  EXPECT_EQ(stem("code"), stem("coding"));
  EXPECT_EQ(stem("skill"), stem("skilled"));
  EXPECT_EQ(stem("focus"), "focus");
  EXPECT_EQ(stem("bring"), "bring");
  EXPECT_NE(stem("speed"), stem("spend"));
}

TEST(Normalise, IgnoresCasePunctuationAndWhiteSpace) {
  EXPECT_EQ(normalise("You write code,  adaptable to changing requirements."),
            normalise("you write code adaptable to changing requirements"));
  EXPECT_NE(normalise("You write code."), normalise("You wrote code."));
}

TEST(ContentStems, LeaveOutStopWordsAndNumbers) {
  EXPECT_EQ(content_stems("You can manage a team of up to 8 developers."),
            (std::vector<std::string>{"manag", "team", "developer"}));
}

}  // namespace
}  // namespace rung::lint
