#include "rung/format/markdown_text.hpp"

#include <gtest/gtest.h>

namespace rung::format {
namespace {

std::string text(std::string_view raw) {
  return md_escape(raw, MdPlace::text);
}

TEST(MdEscape, PlainProseIsUnchanged) {
  EXPECT_EQ(text("You build small to medium sized features, end-to-end (mostly)."),
            "You build small to medium sized features, end-to-end (mostly).");
  EXPECT_EQ(text("Naïve “quotes” — 😀"), "Naïve “quotes” — 😀");
}

TEST(MdEscape, InlineSyntaxIsEscapedEverywhere) {
  EXPECT_EQ(text("*stars* and `ticks`"), "\\*stars\\* and \\`ticks\\`");
  EXPECT_EQ(text("[a link](http://x)"), "\\[a link\\](http://x)");
  EXPECT_EQ(text("<b>html</b>"), "\\<b>html\\</b>");
  EXPECT_EQ(text("~~struck~~"), "\\~\\~struck\\~\\~");
  EXPECT_EQ(text("a back\\slash"), "a back\\\\slash");
}

TEST(MdEscape, UnderscoresAreEscapedOnlyWhereTheyCouldMeanEmphasis) {
  EXPECT_EQ(text("snake_case_name"), "snake_case_name");
  EXPECT_EQ(text("_under_ and x_ and _y"), "\\_under\\_ and x\\_ and \\_y");
  EXPECT_EQ(text("__init__"), "\\_\\_init\\_\\_");
}

TEST(MdEscape, EntitiesAreKeptLiteralButAmpersandsAreNotTouched) {
  EXPECT_EQ(text("R&D & co"), "R&D & co");
  EXPECT_EQ(text("&amp; and &#169; and &copy;"), "&amp;amp; and &amp;#169; and &amp;copy;");
}

TEST(MdEscape, BlockSyntaxAtTheStartOfALineIsEscaped) {
  EXPECT_EQ(text("# not a heading"), "\\# not a heading");
  EXPECT_EQ(text("> not a quote"), "\\> not a quote");
  EXPECT_EQ(text("- not an item"), "\\- not an item");
  EXPECT_EQ(text("+ not an item"), "\\+ not an item");
  EXPECT_EQ(text("12. not an item"), "12\\. not an item");
  EXPECT_EQ(text("3) not an item"), "3\\) not an item");
  EXPECT_EQ(text("=== not an underline"), "\\=== not an underline");
  EXPECT_EQ(text("in the # middle - and > here 1. fine"), "in the # middle - and > here 1. fine");
  EXPECT_EQ(text("2019 was a year"), "2019 was a year");
}

TEST(MdEscape, PipesAreEscapedOnlyInTableCells) {
  EXPECT_EQ(text("a | b"), "a | b");
  EXPECT_EQ(md_escape("a | b", MdPlace::table_cell), "a \\| b");
}

TEST(MdEscape, LineBreaksFitThePlace) {
  EXPECT_EQ(text("one\r\n# two\nthree"), "one\\\n  \\# two\\\n  three");
  EXPECT_EQ(md_escape("one\ntwo", MdPlace::table_cell), "one<br>two");
  EXPECT_EQ(md_escape("one\ntwo", MdPlace::heading), "one two");
}

TEST(MdEscape, HeadingsEscapeEveryHash) {
  EXPECT_EQ(md_escape("C# and F# #", MdPlace::heading), "C\\# and F\\# \\#");
}

TEST(MdEscape, SpacesAtLineEndsAreDropped) {
  EXPECT_EQ(text("     indented like code  "), "indented like code");
}

TEST(MdLink, EscapesTheLabel) {
  EXPECT_EQ(md_link("Engineer [II]", "swe-2", MdPlace::text), "[Engineer \\[II\\]](#swe-2)");
  EXPECT_EQ(md_link("A | B", "x", MdPlace::table_cell), "[A \\| B](#x)");
}

}  // namespace
}  // namespace rung::format
