#include "rung/format/scalar_style.hpp"

#include <gtest/gtest.h>

namespace rung::format {
namespace {

TEST(ScalarStyle, OrdinaryTextsArePlain) {
  for (const char* text :
       {"Software Engineer", "You build small, well defined features", "“Typographic” quotes",
        "it's fine", "2nd level", "50%", "a-b", "C++ / Rust", "note:colon-without-space"}) {
    EXPECT_TRUE(is_plain_safe(text, Context::block)) << text;
  }
}

TEST(ScalarStyle, TextsYamlWouldMisreadAreQuoted) {
  for (const char* text :
       {"",      " leading", "trailing ", "yes",        "No",
        "ON",    "off",      "y",         "N",          "true",
        "False", "null",     "~",         "1",          "1.0",
        "-2",    "0x1F",     "1_000",     "3:30",       ".5",
        ".inf",  "-.INF",    ".nan",      "2019-12-17", "2001-12-14t21:59:43.10-05:00",
        "=",     "<<"}) {
    EXPECT_FALSE(is_plain_safe(text, Context::block)) << "'" << text << "'";
  }
}

TEST(ScalarStyle, TextsWithYamlSyntaxAreQuoted) {
  for (const char* text :
       {"- dash", "? what", ": colon", "# hash",     "a: b",      "a #b",  "ends:", "&a",
        "*a",     "!tag",   "|",       ">",          "'q'",       "\"q\"", "%x",    "@x",
        "`x",     "[x]",    "{x}",     "two\nlines", "tab\there", "bell\a"}) {
    EXPECT_FALSE(is_plain_safe(text, Context::block)) << "'" << text << "'";
  }
}

TEST(ScalarStyle, FlowIndicatorsOnlyMatterInsideFlowCollections) {
  EXPECT_TRUE(is_plain_safe("Problem Solving, Delivery", Context::block));
  EXPECT_FALSE(is_plain_safe("Problem Solving, Delivery", Context::flow));
  EXPECT_FALSE(is_plain_safe("a]b", Context::flow));
}

TEST(ScalarStyle, UnicodeLineBreaksAreQuoted) {
  EXPECT_FALSE(
      is_plain_safe("a\xE2\x80\xA8"
                    "b",
                    Context::block));
  EXPECT_FALSE(
      is_plain_safe("a\xC2\x85"
                    "b",
                    Context::block));
}

TEST(ScalarStyle, PlainIntegersAndDates) {
  EXPECT_TRUE(is_plain_integer("2"));
  EXPECT_TRUE(is_plain_integer("10"));
  EXPECT_TRUE(is_plain_integer("0"));
  EXPECT_FALSE(is_plain_integer("02"));
  EXPECT_FALSE(is_plain_integer("-1"));
  EXPECT_FALSE(is_plain_integer("2.0"));
  EXPECT_FALSE(is_plain_integer(""));
  EXPECT_TRUE(looks_like_iso_date("2019-12-17"));
  EXPECT_FALSE(looks_like_iso_date("2019-12-7"));
  EXPECT_FALSE(looks_like_iso_date("17/12/2019"));
}

}  // namespace
}  // namespace rung::format
