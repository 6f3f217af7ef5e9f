#include "rung/format/json_escapes.hpp"

#include <gtest/gtest.h>

namespace rung::format {
namespace {

TEST(SurrogateEscapes, TextWithoutPairsIsNotCopied) {
  EXPECT_EQ(rewrite_surrogate_escapes(R"({"a": "caf\u00e9 \n \\ \" 😀"})"), std::nullopt);
}

TEST(SurrogateEscapes, PairsBecomeOneYamlEscape) {
  EXPECT_EQ(rewrite_surrogate_escapes(R"({"a": "x\uD83D\uDE00y \ud834\udd1e"})"),
            R"({"a": "x\U0001F600y \U0001D11E"})");
}

TEST(SurrogateEscapes, AnEscapedBackslashIsNotTheStartOfAnEscape) {
  // "\\uD83D\uDE00": a backslash, the text uD83D, then a lone low surrogate left for the
  // parser to refuse.
  EXPECT_EQ(rewrite_surrogate_escapes(R"("\\uD83D\uDE00")"), std::nullopt);
  EXPECT_EQ(rewrite_surrogate_escapes(R"("\\\uD83D\uDE00")"), R"("\\\U0001F600")");
}

TEST(SurrogateEscapes, LoneOrMisorderedSurrogatesAreLeftAlone) {
  EXPECT_EQ(rewrite_surrogate_escapes(R"("\uD83D" "\uDE00\uD83D" "\uD83D\u0041")"), std::nullopt);
  EXPECT_EQ(rewrite_surrogate_escapes(R"("\uD83D\uDE0)"), std::nullopt);
}

}  // namespace
}  // namespace rung::format
