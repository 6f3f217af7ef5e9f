#include <gtest/gtest.h>

#include "rung/export/xlsx.hpp"

namespace rung::exports {
namespace {

TEST(SheetName, KeepsANameExcelAccepts) {
  std::vector<std::string> taken;
  EXPECT_EQ(sheet_name("Software Engineer", taken), "Software Engineer");
  EXPECT_EQ(taken, std::vector<std::string>{"Software Engineer"});
}

TEST(SheetName, ReplacesForbiddenCharacters) {
  std::vector<std::string> taken;
  EXPECT_EQ(sheet_name("Ops/SRE [2]: *what?* a\\b", taken), "Ops-SRE -2-- -what-- a-b");
  EXPECT_EQ(sheet_name("tab\there", taken), "tab-here");
}

TEST(SheetName, DropsApostrophesAndSpacesAtTheEnds) {
  std::vector<std::string> taken;
  EXPECT_EQ(sheet_name("  'Quoted' ", taken), "Quoted");
  EXPECT_EQ(sheet_name("Engineers'", taken), "Engineers");
  EXPECT_EQ(sheet_name("O'Brien's team", taken), "O'Brien's team");
}

TEST(SheetName, CutsAt31Characters) {
  std::vector<std::string> taken;
  EXPECT_EQ(sheet_name("Senior Site Reliability Engineer Manager", taken),
            "Senior Site Reliability Enginee");
  // 31 two-byte characters fit; a 32nd does not.
  const std::string umlauts = [] {
    std::string s;
    for (int i = 0; i < 32; ++i) {
      s += "ü";
    }
    return s;
  }();
  EXPECT_EQ(sheet_name(umlauts, taken), umlauts.substr(0, 62));
  // Characters beyond U+FFFF count twice, as in Excel, and are never cut in half.
  std::string emoji;
  for (int i = 0; i < 16; ++i) {
    emoji += "😀";
  }
  EXPECT_EQ(sheet_name(emoji, taken), emoji.substr(0, 15 * 4));
}

TEST(SheetName, MakesTakenNamesUniqueIgnoringCase) {
  std::vector<std::string> taken{"Overview"};
  EXPECT_EQ(sheet_name("overview", taken), "overview (2)");
  EXPECT_EQ(sheet_name("OVERVIEW", taken), "OVERVIEW (3)");
  EXPECT_EQ(sheet_name("History", taken), "History (2)");
  std::vector<std::string> long_taken;
  const std::string long_name = "Senior Site Reliability Engineer Manager";
  sheet_name(long_name, long_taken);
  EXPECT_EQ(sheet_name(long_name, long_taken), "Senior Site Reliability Eng (2)");
}

TEST(SheetName, NeverEmpty) {
  std::vector<std::string> taken;
  EXPECT_EQ(sheet_name("''", taken), "Sheet");
  EXPECT_EQ(sheet_name("", taken), "Sheet (2)");
}

}  // namespace
}  // namespace rung::exports
