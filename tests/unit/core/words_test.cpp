#include "rung/core/words.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace rung {
namespace {

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  for (const auto& token : tokenize_words(text)) {
    words.push_back(token.word);
  }
  return words;
}

using Words = std::vector<std::string>;

TEST(TokenizeWords, LowerCasesAndSplitsOnPunctuation) {
  EXPECT_EQ(words_of("You investigate and fix bugs, write tests."),
            (Words{"you", "investigate", "and", "fix", "bugs", "write", "tests"}));
  EXPECT_EQ(words_of("not-so-well-defined (e.g. PMs)"),
            (Words{"not", "so", "well", "defined", "e", "g", "pms"}));
  EXPECT_EQ(words_of(""), Words{});
  EXPECT_EQ(words_of(" ... ;) "), Words{});
}

TEST(TokenizeWords, KeepsApostrophesInsideWordsAndNormalisesTypographicOnes) {
  EXPECT_EQ(words_of("You don't yet know your team’s best practices"),
            (Words{"you", "don't", "yet", "know", "your", "team's", "best", "practices"}));
  EXPECT_EQ(words_of("you’re 'quoted' engineers' work"),
            (Words{"you're", "quoted", "engineers", "work"}));
}

TEST(TokenizeWords, TypographicQuotesSeparateWords) {
  EXPECT_EQ(words_of("over the “clever” one"), (Words{"over", "the", "clever", "one"}));
  EXPECT_EQ(words_of("a—b…c"), (Words{"a", "b", "c"}));
}

TEST(TokenizeWords, KeepsNumbersWithTheirJoinersTogether) {
  EXPECT_EQ(
      words_of("regular 1:1 meetings, 6-12 months, 2-3 teams, up to 8."),
      (Words{"regular", "1:1", "meetings", "6-12", "months", "2-3", "teams", "up", "to", "8"}));
}

TEST(TokenizeWords, NonAsciiLettersBelongToWords) {
  EXPECT_EQ(words_of("Café Ünïcode"), (Words{"café", "Ünïcode"}));
  EXPECT_EQ(words_of("bad\xFF"
                     "byte"),
            (Words{"bad", "byte"}));
}

TEST(TokenizeWords, OffsetsPointAtTheOriginalBytes) {
  const std::string text = "Your team’s “clever” plan";
  auto tokens = tokenize_words(text);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "team’s");
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "clever");
  EXPECT_EQ(tokens[3].end, text.size());
}

TEST(IsStopWord, DropsFunctionWordsButKeepsNegationsAndMeaning) {
  for (std::string_view word : {"you", "your", "the", "and", "to", "of", "a", "it's", "e", "g"}) {
    EXPECT_TRUE(is_stop_word(word)) << word;
  }
  for (std::string_view word : {"not", "no", "mentor", "team", "before", "up", "well", "don't"}) {
    EXPECT_FALSE(is_stop_word(word)) << word;
  }
}

TEST(Stem, MentorFormsShareOneStem) {
  EXPECT_EQ(stem("mentor"), "mentor");
  EXPECT_EQ(stem("mentors"), "mentor");
  EXPECT_EQ(stem("mentoring"), "mentor");
  EXPECT_EQ(stem("mentored"), "mentor");
  EXPECT_NE(stem("mentees"), "mentor");
  EXPECT_EQ(stem("mentees"), stem("mentee"));
}

TEST(Stem, UndoesPluralsAndVerbEndings) {
  EXPECT_EQ(stem("planning"), "plan");
  EXPECT_EQ(stem("planned"), "plan");
  EXPECT_EQ(stem("estimates"), stem("estimate"));
  EXPECT_EQ(stem("estimated"), stem("estimate"));
  EXPECT_EQ(stem("estimating"), stem("estimate"));
  EXPECT_EQ(stem("tests"), stem("testing"));
  EXPECT_EQ(stem("engineers"), stem("engineering"));
  EXPECT_EQ(stem("processes"), "process");
  EXPECT_EQ(stem("business"), "business");
  EXPECT_EQ(stem("identifies"), stem("identify"));
  EXPECT_EQ(stem("identifying"), stem("identify"));
  EXPECT_EQ(stem("agreed"), stem("agree"));
  EXPECT_EQ(stem("feed"), "feed");
  EXPECT_EQ(stem("hoping"), stem("hope"));
  EXPECT_EQ(stem("falling"), "fall");
}

TEST(Stem, DropsAFinalEWhereThatLetsFormsMeet) {
  EXPECT_EQ(stem("teaches"), stem("teach"));
  EXPECT_EQ(stem("managing"), stem("manage"));
  EXPECT_EQ(stem("manages"), stem("manage"));
  EXPECT_EQ(stem("hiring"), "hire");
  EXPECT_EQ(stem("hires"), "hire");
  EXPECT_EQ(stem("coding"), "code");
  EXPECT_EQ(stem("controlled"), stem("control"));
  EXPECT_NE(stem("generous"), stem("general"));
}

TEST(Stem, DropsPossessivesAndLeavesOddWordsAlone) {
  EXPECT_EQ(stem("team's"), "team");
  EXPECT_EQ(stem("engineers'"), "engineer");
  EXPECT_EQ(stem("don't"), "don't");
  EXPECT_EQ(stem("1:1"), "1:1");
  EXPECT_EQ(stem("is"), "is");
  EXPECT_EQ(stem("café"), "café");
}

TEST(TokenizeWords, WrittenGivesTheWordAsInTheText) {
  const std::string text = "  Less-experienced team’s";
  auto tokens = tokenize_words(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].begin, 7u);
  EXPECT_EQ(written(text, tokens[0]), "Less");
  EXPECT_EQ(written(text, tokens[2]), "team’s");
  EXPECT_EQ(tokens[2].word, "team's");
}

TEST(Fold, DropsPossessivesAndApostrophes) {
  EXPECT_EQ(fold("team's"), "team");
  EXPECT_EQ(fold(tokenize_words("Team’s").at(0).word), "team");
  EXPECT_EQ(fold("don't"), "dont");
  EXPECT_EQ(fold("os"), "os");
  EXPECT_EQ(fold("1:1"), "1:1");
}

TEST(Normalise, IgnoresCasePunctuationAndWhiteSpace) {
  EXPECT_EQ(normalise("You write code,  adaptable to changing requirements."),
            normalise("you write code adaptable to changing requirements"));
  EXPECT_EQ(normalise("Your team’s “clever” plan"), "your team clever plan");
  EXPECT_NE(normalise("You write code."), normalise("You wrote code."));
  EXPECT_EQ(normalise(" ... "), "");
}

TEST(Stem, MapsInflectionsOfOneWordToOneStem) {
  EXPECT_EQ(stem("share"), stem("shared"));
  EXPECT_EQ(stem("share"), stem("sharing"));
  EXPECT_EQ(stem("plan"), stem("planned"));
  EXPECT_EQ(stem("speed"), stem("speeds"));
  EXPECT_EQ(stem("library"), stem("libraries"));
  EXPECT_EQ(stem("skill"), stem("skilled"));
  EXPECT_EQ(stem("bring"), "bring");
  EXPECT_NE(stem("speed"), stem("spend"));
}

TEST(ContentStems, KeepsOnlyTheWordsThatCarryMeaning) {
  EXPECT_EQ(content_stems("You help mentor new hires."), (Words{"help", "mentor", "new", "hire"}));
  EXPECT_EQ(content_stems("You understand the scope of work"),
            content_stems("You understand scope of work."));
  EXPECT_EQ(content_stems("You can manage a team of up to 8 developers."),
            (Words{"manag", "team", "up", "8", "developer"}));
}

}  // namespace
}  // namespace rung
