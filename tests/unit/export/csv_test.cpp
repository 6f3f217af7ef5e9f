#include "rung/export/csv.hpp"

#include <gtest/gtest.h>

#include "rung/core/text.hpp"

#include "../format/sample_ladder.hpp"

namespace rung::exports {
namespace {

TEST(CsvField, QuotesOnlyWhatMustBeQuoted) {
  EXPECT_EQ(csv_field("plain text"), "plain text");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field("a, b"), "\"a, b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field("carriage\rreturn"), "\"carriage\rreturn\"");
  EXPECT_EQ(csv_field(" padded "), "\" padded \"");
  EXPECT_EQ(csv_field("ünïcödé ‘quotes’"), "ünïcödé ‘quotes’");
}

TEST(SpreadsheetSafe, GuardsWhatASpreadsheetWouldRun) {
  for (const std::string_view risky : {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=", "-"}) {
    EXPECT_TRUE(spreadsheet_risky(risky)) << risky;
    EXPECT_EQ(spreadsheet_safe(risky), "'" + std::string(risky));
  }
  for (const std::string_view plain : {"", "a=b", " =1", "'=1", "1-2", "You lead"}) {
    EXPECT_FALSE(spreadsheet_risky(plain)) << plain;
    EXPECT_EQ(spreadsheet_safe(plain), plain);
  }
}

class CsvExport : public ::testing::Test {
 protected:
  model::Ladder ladder{format::testing::full_ladder()};
};

TEST_F(CsvExport, StartsWithTheHeaderAndEndsRowsWithCrlf) {
  const std::string csv = to_csv(ladder, {});
  EXPECT_TRUE(csv.starts_with(std::string(k_csv_header) + "\r\n"));
  EXPECT_TRUE(csv.ends_with("\r\n"));
}

TEST_F(CsvExport, HasOneRowPerStatementPlusTheSharedLevelsRows) {
  const std::string csv = to_csv(ladder, {});
  // full_ladder: 13 statements; swe-1 has 11, swe-2 one, mgr-1 one, mgr-2 shares mgr-1's.
  EXPECT_NE(csv.find("\r\nswe,swe-1,2,Software Engineer I,role,swe-1-role-1,"
                     "You build small to medium sized well defined features,\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("\r\nmgr,mgr-1,yes,Director,role,mgr-1-role-1,You run teams.,\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("\r\nmgr,mgr-2,4.5,VP,role,mgr-1-role-1,You run teams.,mgr-1\r\n"),
            std::string::npos);
  std::size_t row_ends = 0;
  for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) {
    ++row_ends;
  }
  EXPECT_EQ(row_ends, 1 + ladder.statement_count() + 1);
}

TEST_F(CsvExport, QuotesStatementsThatNeedIt) {
  const std::string csv = to_csv(ladder, {});
  EXPECT_NE(csv.find(",swe-1-role-9,\"'single' and \"\"double\"\" quotes\",\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find(",swe-1-role-5,\" leading space\",\r\n"), std::string::npos);
  EXPECT_NE(csv.find(",swe-1-role-2,\"Note: this has a colon, a #hash and a trailing colon:\","),
            std::string::npos);
}

TEST_F(CsvExport, WritesAByteOrderMarkOnlyWhenAsked) {
  EXPECT_FALSE(to_csv(ladder, {}).starts_with("\xEF\xBB\xBF"));
  const std::string with_bom = to_csv(ladder, Options{.byte_order_mark = true});
  EXPECT_TRUE(with_bom.starts_with(std::string("\xEF\xBB\xBF") + std::string(k_csv_header)));
}

TEST_F(CsvExport, GuardsFormulaCellsUnlessLossless) {
  model::LadderData data = ladder.data();
  data.tracks[0].levels[0].areas[0].statements[0].text = "=cmd|' /C calc'!A0";
  const model::Ladder risky{std::move(data)};
  const std::string guarded = to_csv(risky, {});
  EXPECT_NE(guarded.find(",'=cmd|' /C calc'!A0,"), std::string::npos) << guarded;
  EXPECT_EQ(guarded.find(",=cmd"), std::string::npos);
  const std::string lossless = to_csv(risky, {.lossless = true});
  EXPECT_NE(lossless.find(",=cmd|' /C calc'!A0,"), std::string::npos) << lossless;
}

}  // namespace
}  // namespace rung::exports
