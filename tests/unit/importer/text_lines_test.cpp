#include "rung/importer/text_lines.hpp"

#include <string>

#include <gtest/gtest.h>

namespace rung::importer {
namespace {

constexpr std::size_t k_limit = 1024;

std::vector<Line> lines_of(std::string_view text) {
  auto lines = read_lines(text, "t.txt", k_limit);
  EXPECT_TRUE(lines.has_value()) << (lines ? "" : lines.error().to_string());
  return lines ? *lines : std::vector<Line>{};
}

std::string error_of(std::string_view text, std::size_t limit = k_limit) {
  auto lines = read_lines(text, "t.txt", limit);
  return lines ? std::string("<no error>") : lines.error().to_string();
}

TEST(ReadLines, DropsBlankLinesAndKeepsLineNumbers) {
  auto lines = lines_of("Name\n\n  \nSecond\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].number, 1);
  EXPECT_EQ(lines[1].number, 4);
  EXPECT_EQ(lines[1].text, "Second");
  EXPECT_EQ(lines[1].kind, LineKind::text);
}

TEST(ReadLines, RecognisesTheThreeBulletMarkers) {
  auto lines = lines_of("  \xE2\x80\xA2 One\n- Two\n\t* Three.\n");
  ASSERT_EQ(lines.size(), 3u);
  for (const Line& line : lines) {
    EXPECT_EQ(line.kind, LineKind::bullet) << line.text;
  }
  EXPECT_EQ(lines[0].text, "One");
  EXPECT_EQ(lines[0].column, 7);  // two spaces, three bytes of bullet, one space
  EXPECT_EQ(lines[1].text, "Two");
  EXPECT_EQ(lines[2].text, "Three.");
}

TEST(ReadLines, NoBreakSpacesCountAsWhiteSpaceAroundTheMarker) {
  auto lines = lines_of(
      "\xC2\xA0\xE2\x80\xA2\xC2\xA0Pasted from a word processor\n"
      "\xC2\xA0\xC2\xA0"
      "and wrapped.\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].kind, LineKind::bullet);
  EXPECT_EQ(lines[0].text, "Pasted from a word processor and wrapped.");
  EXPECT_EQ(lines[0].column, 8);
}

TEST(ReadLines, AMarkerWithoutASpaceIsNotABullet) {
  auto lines = lines_of("-3 years\n*emphasis*\n\xE2\x80\xA2word\n");
  ASSERT_EQ(lines.size(), 3u);
  for (const Line& line : lines) {
    EXPECT_EQ(line.kind, LineKind::text) << line.text;
  }
}

TEST(ReadLines, KeepsBulletTextVerbatimButTrimsTheEnds) {
  auto lines = lines_of("  \xE2\x80\xA2   You say \xE2\x80\x9Chi\xE2\x80\x9D  \n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "You say \xE2\x80\x9Chi\xE2\x80\x9D");
}

TEST(ReadLines, JoinsAnIndentedLineDirectlyAfterABullet) {
  auto lines = lines_of("- You write code\n    that others read\n    and change.\nHeading\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "You write code that others read and change.");
  EXPECT_EQ(lines[1].text, "Heading");
}

TEST(ReadLines, AnUnindentedLineAfterABulletIsNotAContinuation) {
  auto lines = lines_of("  \xE2\x80\xA2 Last bullet.\nFooter line\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].kind, LineKind::text);
  EXPECT_EQ(lines[1].text, "Footer line");
}

TEST(ReadLines, ABlankLineEndsABullet) {
  auto lines = lines_of("- One\n\n  Indented text\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].text, "Indented text");
}

TEST(ReadLines, AcceptsCrLfAndAByteOrderMark) {
  auto lines = lines_of("\xEF\xBB\xBFName\r\n\r\n- One\r\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "Name");
  EXPECT_EQ(lines[0].column, 1);
  EXPECT_EQ(lines[1].number, 3);
  EXPECT_EQ(lines[1].text, "One");
}

TEST(ReadLines, RefusesEmptyInput) {
  EXPECT_EQ(error_of(""),
            "t.txt: error[import.empty]: the input is empty; expected a plain-text "
            "ladder");
  EXPECT_EQ(error_of(" \n\r\n\t\n"),
            "t.txt: error[import.empty]: the input is empty; expected a plain-text ladder");
}

TEST(ReadLines, RefusesBinaryInputAtTheFirstControlByte) {
  EXPECT_EQ(error_of(std::string("Name\nab\0cd", 10)),
            "t.txt:2:3: error[import.binary]: the input looks binary (byte 0x00), not a "
            "plain-text ladder");
}

TEST(ReadLines, RefusesInvalidUtf8WithItsPlace) {
  EXPECT_EQ(error_of("Name\r\nCaf\xE9\n"),
            "t.txt:2:4: error[import.invalid-utf8]: invalid UTF-8 (byte 0xE9)\n"
            "  hint: save the file as UTF-8");
}

TEST(ReadLines, RefusesInputOverTheLimit) {
  EXPECT_EQ(error_of("0123456789", 9),
            "t.txt: error[import.too-large]: the input is 10 bytes; the limit is 9 bytes\n"
            "  hint: a plain-text ladder is normally well under 100 KB; is this the right file?");
}

TEST(ReadLines, RefusesABulletWithoutText) {
  EXPECT_EQ(error_of("Name\n  - \n"),
            "t.txt:2:3: error[import.empty-bullet]: expected text after the bullet");
}

}  // namespace
}  // namespace rung::importer
