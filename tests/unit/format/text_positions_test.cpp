#include "rung/format/text_positions.hpp"

#include <gtest/gtest.h>

namespace rung::format {
namespace {

TEST(TextPositions, TurnsZeroBasedMarksIntoOneBasedPlaces) {
  TextPositions positions("a: 1\nbb: 2\n");
  EXPECT_EQ(positions.of_mark(0, 0), (model::SourceLoc{1, 1}));
  EXPECT_EQ(positions.of_mark(1, 4), (model::SourceLoc{2, 5}));
}

TEST(TextPositions, CountsCharactersNotBytes) {
  // "{t: “é”, " is 9 characters but 14 bytes: yaml-cpp's byte column 14 is character column 10.
  TextPositions positions("{t: “é”, id: z}\n");
  EXPECT_EQ(positions.of_mark(0, 14), (model::SourceLoc{1, 10}));
  EXPECT_EQ(positions.of_offset(14), (model::SourceLoc{1, 10}));
}

TEST(TextPositions, SkipsAByteOrderMarkAndHandlesCrLf) {
  TextPositions positions(
      "\xEF\xBB\xBF"
      "a: 1\r\nb: 2\r\n");
  EXPECT_EQ(positions.of_mark(0, 0), (model::SourceLoc{1, 1}));
  EXPECT_EQ(positions.of_mark(1, 3), (model::SourceLoc{2, 4}));
  EXPECT_EQ(positions.of_offset(9), (model::SourceLoc{2, 1}));
  EXPECT_EQ(positions.of_offset(0), (model::SourceLoc{1, 1}));
}

TEST(TextPositions, PlacesBeyondTheTextStayUsable) {
  TextPositions positions("a: 1");
  EXPECT_EQ(positions.of_mark(0, 6), (model::SourceLoc{1, 7}));
  EXPECT_EQ(positions.of_mark(3, 2), (model::SourceLoc{4, 3}));
  EXPECT_EQ(positions.of_mark(-1, -1), (model::SourceLoc{}));
}

TEST(TextPositions, FindsTheStartOfTheLineBeforeAPlace) {
  TextPositions positions("items:\n  -   # gone\n\n  - x\n");
  // yaml-cpp places the empty item at the next "-" (line 3, column 2); it was written on line 1.
  EXPECT_EQ(positions.content_start_before(3, 2), (std::pair<int, int>{1, 2}));
  EXPECT_EQ(positions.content_start_before(0, 0), (std::pair<int, int>{0, 0}));
}

}  // namespace
}  // namespace rung::format
