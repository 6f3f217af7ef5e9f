#include "rung/core/text.hpp"

#include <gtest/gtest.h>

namespace rung {
namespace {

TEST(Trim, RemovesAsciiSpaceAndNoBreakSpace) {
  EXPECT_EQ(trim("  \t hello \r\n"), "hello");
  EXPECT_EQ(trim("\xC2\xA0x\xC2\xA0"), "x");
  EXPECT_EQ(trim("   "), "");
}

TEST(Slugify, CollapsesPunctuationIntoSingleDashes) {
  EXPECT_EQ(slugify("Programming / Problem Solving / Delivery"),
            "programming-problem-solving-delivery");
  EXPECT_EQ(slugify("  Role Highlights! "), "role-highlights");
  EXPECT_EQ(slugify("Sr. Director"), "sr-director");
}

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("same", "same"), 0u);
  EXPECT_EQ(edit_distance("titel", "title"), 1u);
  EXPECT_EQ(edit_distance("ca", "abc"), 3u);
}

TEST(ClosestMatch, SuggestsOnlyPlausibleTypos) {
  std::vector<std::string> keys{"tracks", "levels", "statements", "title"};
  EXPECT_EQ(closest_match("trakcs", keys), "tracks");
  EXPECT_EQ(closest_match("Titel", keys), "title");
  EXPECT_EQ(closest_match("zzzzzzzz", keys), std::nullopt);
  // Length alone can rule a candidate out (found slow by the ratings_text fuzz target): the
  // allowance follows the longer of the two, so one extra letter or two missing still match.
  EXPECT_EQ(closest_match("statementss", keys), "statements");
  EXPECT_EQ(closest_match("statemen", keys), "statements");
  EXPECT_EQ(closest_match("tracks-and-more", keys), std::nullopt);
  EXPECT_EQ(closest_match(std::string(100000, 't'), keys), std::nullopt);
}

TEST(FindInvalidUtf8, AcceptsValidAndLocatesTheFirstBadByte) {
  EXPECT_EQ(find_invalid_utf8("plain ascii"), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("quotes \xE2\x80\x9C ok \xE2\x80\x9D"), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("ab\xFFz"), 2u);
  EXPECT_EQ(find_invalid_utf8("ab\xE2\x80"), 2u);     // truncated sequence
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);       // overlong encoding
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);  // UTF-16 surrogate
}

TEST(SplitLines, AcceptsEveryLineEnding) {
  auto lines = split_lines("a\r\nb\nc\rd");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "a");
  EXPECT_EQ(lines[3], "d");
  EXPECT_EQ(split_lines("a\n\nb\n").size(), 3u);
}

}  // namespace
}  // namespace rung
