#include "rung/people/csv.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace rung::people {
namespace {

using ::testing::ElementsAre;

CsvTable read_ok(std::string_view text) {
  auto table = read_csv(text, "p.csv");
  EXPECT_TRUE(table.has_value()) << (table ? "" : table.error().front().to_string());
  return table ? *table : CsvTable{};
}

Errors read_bad(std::string_view text, const CsvOptions& options = {}) {
  auto table = read_csv(text, "p.csv", options);
  EXPECT_FALSE(table.has_value());
  return table ? Errors{} : table.error();
}

TEST(Csv, ReadsHeaderAndRowsWithSpreadsheetRowNumbers) {
  const auto table = read_ok("Name,Email\nAda,ada@x.io\nBob,bob@x.io\n");
  EXPECT_EQ(table.file, "p.csv");
  EXPECT_THAT(table.header, ElementsAre("Name", "Email"));
  ASSERT_EQ(table.rows.size(), 2U);
  EXPECT_EQ(table.rows[0].row, 2);
  EXPECT_THAT(table.rows[0].fields, ElementsAre("Ada", "ada@x.io"));
  EXPECT_EQ(table.rows[1].row, 3);
}

TEST(Csv, AcceptsBomCrlfLoneCrAndNoFinalNewline) {
  const auto table = read_ok("\xEF\xBB\xBFName,Email\r\nAda,a@x.io\rBob,b@x.io");
  EXPECT_THAT(table.header, ElementsAre("Name", "Email"));
  ASSERT_EQ(table.rows.size(), 2U);
  EXPECT_THAT(table.rows[0].fields, ElementsAre("Ada", "a@x.io"));
  EXPECT_THAT(table.rows[1].fields, ElementsAre("Bob", "b@x.io"));
  EXPECT_EQ(table.rows[1].row, 3);
}

TEST(Csv, SkipsEmptyLinesButCountsTheirRows) {
  const auto table = read_ok("\nName,Email\n\n,\nAda,a@x.io\n\n");
  EXPECT_THAT(table.header, ElementsAre("Name", "Email"));
  ASSERT_EQ(table.rows.size(), 1U);
  EXPECT_EQ(table.rows[0].row, 5);
}

TEST(Csv, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  const auto table =
      read_ok("Name,Note\n\"Lovelace, Ada\",\"said \"\"hi\"\"\nthen left\"\nBob,\"\"\n");
  ASSERT_EQ(table.rows.size(), 2U);
  EXPECT_THAT(table.rows[0].fields, ElementsAre("Lovelace, Ada", "said \"hi\"\nthen left"));
  // The quoted line break keeps the record on one row.
  EXPECT_EQ(table.rows[1].row, 3);
  EXPECT_THAT(table.rows[1].fields, ElementsAre("Bob", ""));
}

TEST(Csv, KeepsAQuoteInsideAnUnquotedField) {
  const auto table = read_ok("Name\nAda \"the first\" L\n");
  EXPECT_THAT(table.rows[0].fields, ElementsAre("Ada \"the first\" L"));
}

TEST(Csv, TrimsTheHeaderButNotTheFields) {
  const auto table = read_ok(" Name ,Email\n Ada ,a@x.io\n");
  EXPECT_THAT(table.header, ElementsAre("Name", "Email"));
  EXPECT_THAT(table.rows[0].fields, ElementsAre(" Ada ", "a@x.io"));
}

TEST(Csv, ReportsUnterminatedQuoteAtTheRowItOpens) {
  const auto errors = read_bad("Name,Email\nAda,a@x.io\n\"Bob,b@x.io\nCy,c@x.io\n");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].code, "csv.unterminated-quote");
  EXPECT_EQ(errors[0].to_string(),
            "p.csv:3: error[csv.unterminated-quote]: field 1 opens a quote that is never closed");
}

TEST(Csv, ReportsTextAfterAClosingQuote) {
  const auto errors = read_bad("Name,Email\n\"Ada\"x,a@x.io\n");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].code, "csv.text-after-quote");
  EXPECT_EQ(errors[0].where.line, 2);
}

TEST(Csv, ReportsEveryRowWithTheWrongNumberOfFields) {
  const auto errors = read_bad("Name,Email\nAda\nBob,b@x.io,extra\nCy,c@x.io\n");
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_EQ(errors[0].to_string(),
            "p.csv:2: error[csv.field-count]: 1 fields where the header has 2 (too few)");
  EXPECT_EQ(errors[1].to_string(),
            "p.csv:3: error[csv.field-count]: 3 fields where the header has 2 (too many)");
}

TEST(Csv, ReportsInvalidUtf8WithItsRow) {
  const auto errors = read_bad("Name,Email\nAda,a@x.io\nB\xFF,b@x.io\n");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].code, "csv.invalid-utf8");
  EXPECT_EQ(errors[0].where.line, 3);
}

TEST(Csv, RefusesBinaryWorkbooksAndUtf16) {
  EXPECT_EQ(read_bad(std::string_view("PK\x03\x04rest", 8)).front().code, "csv.binary");
  EXPECT_EQ(read_bad(std::string_view("\xFF\xFEN\0a\0", 6)).front().code, "csv.binary");
  const auto nul = read_bad(std::string_view("Name\nAda\n\0\0", 11));
  EXPECT_EQ(nul.front().code, "csv.binary");
  EXPECT_EQ(nul.front().where.line, 3);
  EXPECT_THAT(nul.front().hint, ::testing::HasSubstr("CSV UTF-8"));
}

TEST(Csv, RefusesEmptyInput) {
  EXPECT_EQ(read_bad("").front().code, "csv.empty");
  EXPECT_EQ(read_bad("\n\r\n,,\n").front().code, "csv.empty");
}

TEST(Csv, RefusesInputOverTheSizeLimit) {
  const auto errors = read_bad("Name\nAda\n", CsvOptions{4, 20});
  EXPECT_EQ(errors.front().code, "csv.too-large");
}

TEST(Csv, StopsAfterMaxErrors) {
  std::string text = "A,B\n";
  for (int i = 0; i < 50; ++i) {
    text += "x\n";
  }
  const auto errors = read_bad(text, CsvOptions{1024, 5});
  ASSERT_EQ(errors.size(), 6U);
  EXPECT_EQ(errors.back().code, "csv.too-many-errors");
}

TEST(Csv, ReadsAFileAndReportsAMissingOne) {
  auto missing = read_csv_file("/nonexistent/people.csv");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().front().code, "file.not-found");
}

}  // namespace
}  // namespace rung::people

namespace rung::people {
namespace {

TEST(Printable, ShowsControlCharactersAsEscapes) {
  EXPECT_EQ(printable("Ada\x1b[31m\nL\x7f"), "Ada\\x1b[31m\\x0aL\\x7f");
  EXPECT_EQ(printable("Tomás Ruiz"), "Tomás Ruiz");
}

}  // namespace
}  // namespace rung::people
