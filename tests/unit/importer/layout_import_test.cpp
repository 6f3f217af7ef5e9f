// The importers of other layouts (docs/import.md): CSV reading, layout recognition, and the
// export -> import round trip of the built-in ladder.
#include "rung/importer/layout_import.hpp"

#include <filesystem>

#include <gtest/gtest.h>

#include "rung/builtin/builtin.hpp"
#include "rung/core/fs.hpp"
#include "rung/export/csv.hpp"
#include "rung/export/markdown.hpp"
#include "rung/export/xlsx.hpp"
#include "rung/importer/csv_table.hpp"
#include "rung/importer/markdown_import.hpp"
#include "rung/importer/table_import.hpp"

namespace rung::importer {
namespace {

TEST(CsvTable, ReadsQuotesDelimitersAndPlaces) {
  auto table = read_csv_table(
      "\xEF\xBB\xBF"
      "a;b;c\r\n\"x;\"\"y\"\"\";\"two\nlines\";\xC3\xA9z\r\n;;\r\n",
      "t.csv");
  ASSERT_TRUE(table) << table.error().message;
  ASSERT_EQ(table->rows.size(), 2u);  // the blank row is left out
  ASSERT_EQ(table->rows[1].size(), 3u);
  EXPECT_EQ(table->rows[1][0].text, "x;\"y\"");
  EXPECT_EQ(table->rows[1][1].text, "two\nlines");
  EXPECT_EQ(table->rows[1][2].text, "\xC3\xA9z");
  EXPECT_EQ(table->rows[1][1].loc, (model::SourceLoc{2, 11}));
  EXPECT_EQ(table->rows[1][2].loc, (model::SourceLoc{3, 8}));  // columns count characters
}

TEST(CsvTable, RefusesAnUnclosedQuoteAtItsPlace) {
  auto table = read_csv_table("a,b\n1,\"open\n2,3\n", "t.csv");
  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().code, "import.csv-quote");
  EXPECT_EQ(table.error().where, (Location{"t.csv", 2, 3}));
}

TEST(UnguardCell, UndoesTheExportsFormulaGuardOnly) {
  for (std::string_view text : {"=SUM(A1)", "+1", "-dash", "@here", "\tTab"}) {
    EXPECT_EQ(unguard_cell(exports::spreadsheet_safe(text)), text);
  }
  EXPECT_EQ(unguard_cell("'quoted'"), "'quoted'");
  EXPECT_EQ(unguard_cell("plain"), "plain");
}

TEST(NameFromFile, MakesATitleOfTheStem) {
  EXPECT_EQ(name_from_file("dir/acme-robotics_ladder.csv"), "Acme Robotics Ladder");
  EXPECT_EQ(name_from_file(".csv"), "Ladder");
}

TEST(DetectLayout, RecognisesTheContent) {
  EXPECT_EQ(detect_layout("PK\x03\x04rest"), Layout::xlsx);
  EXPECT_EQ(detect_layout("# Ladder\n\n## Level 1\n- text\n"), Layout::markdown);
  EXPECT_EQ(detect_layout("\xEF\xBB\xBF# Ladder\n\n**Craft**\n- text\n"), Layout::markdown);
  EXPECT_EQ(detect_layout("---\nname: x\ntopics:\n  - name: a\n"), Layout::yaml);
  EXPECT_EQ(detect_layout("level,area,text\n1,a,b\n"), Layout::csv);
  EXPECT_EQ(detect_layout("Ladder\n\nIndividual Contributor Track\nEngineer\n1\nEngineer\n"),
            Layout::text);
  EXPECT_EQ(parse_layout("MD"), Layout::markdown);
  EXPECT_EQ(parse_layout("pdf"), std::nullopt);
}

// What the CSV export carries of a ladder: tracks, levels (id, number, title, grade, shares)
// and their statements by area (ids and texts).
void expect_same_csv_content(const model::LadderData& a, const model::LadderData& b) {
  ASSERT_EQ(a.tracks.size(), b.tracks.size());
  for (std::size_t t = 0; t < a.tracks.size(); ++t) {
    const auto& ta = a.tracks[t];
    const auto& tb = b.tracks[t];
    EXPECT_EQ(ta.id, tb.id);
    EXPECT_EQ(ta.family, tb.family) << ta.id;
    ASSERT_EQ(ta.levels.size(), tb.levels.size()) << ta.id;
    for (std::size_t l = 0; l < ta.levels.size(); ++l) {
      const auto& la = ta.levels[l];
      const auto& lb = tb.levels[l];
      EXPECT_EQ(la.id, lb.id);
      EXPECT_EQ(la.number, lb.number) << la.id;
      EXPECT_EQ(la.title, lb.title) << la.id;
      EXPECT_EQ(la.grade, lb.grade) << la.id;
      EXPECT_EQ(la.shares, lb.shares) << la.id;
      ASSERT_EQ(la.areas.size(), lb.areas.size()) << la.id;
      for (std::size_t k = 0; k < la.areas.size(); ++k) {
        EXPECT_EQ(la.areas[k].area, lb.areas[k].area) << la.id;
        ASSERT_EQ(la.areas[k].statements.size(), lb.areas[k].statements.size()) << la.id;
        for (std::size_t s = 0; s < la.areas[k].statements.size(); ++s) {
          EXPECT_EQ(la.areas[k].statements[s].id, lb.areas[k].statements[s].id);
          EXPECT_EQ(la.areas[k].statements[s].text, lb.areas[k].statements[s].text);
        }
      }
    }
  }
  EXPECT_EQ(a.general.grades, b.general.grades);
  ASSERT_EQ(a.areas.size(), b.areas.size());
  for (std::size_t k = 0; k < a.areas.size(); ++k) {
    EXPECT_EQ(a.areas[k].id, b.areas[k].id);
  }
}

TEST(CsvRoundTrip, TheBuiltInLadderComesBackFromItsCsvExport) {
  const model::Ladder& ladder = builtin::engineering_ladder();
  for (bool lossless : {false, true}) {
    exports::Options options;
    options.lossless = lossless;
    options.byte_order_mark = !lossless;
    const std::string csv = exports::to_csv(ladder, options);
    TextImportOptions import_options;
    import_options.file_name = "engineering.csv";
    auto imported = import_ladder(csv, import_options);
    ASSERT_TRUE(imported) << imported.error().front().to_string();
    EXPECT_EQ(imported->layout, Layout::csv);
    expect_same_csv_content(ladder.data(), imported->result.ladder);
  }
}

TEST(CsvRoundTrip, TextsAFormulaGuardWouldChangeComeBackExactly) {
  model::LadderData data = builtin::engineering_ladder().data();
  auto& statements = data.tracks[0].levels[0].areas[0].statements;
  statements[0].text = "=SUM(A1) is not a formula here";
  statements[1].text = "- a statement that starts with a dash";
  statements[2].text = "@team, +1 and a 'quote'";
  const model::Ladder ladder(data);
  TextImportOptions import_options;
  import_options.file_name = "guarded.csv";
  auto imported = import_ladder(exports::to_csv(ladder, {}), import_options);
  ASSERT_TRUE(imported) << imported.error().front().to_string();
  expect_same_csv_content(data, imported->result.ladder);
}

TEST(XlsxRoundTrip, TheBuiltInLadderComesBackFromItsXlsxExport) {
  const model::Ladder& ladder = builtin::engineering_ladder();
  const std::filesystem::path path =
      std::filesystem::path(testing::TempDir()) / "rung-roundtrip-engineering.xlsx";
  ASSERT_TRUE(exports::write_xlsx(ladder, {}, path));
  auto bytes = read_file(path.string());
  ASSERT_TRUE(bytes) << bytes.error().message;
  TextImportOptions import_options;
  import_options.file_name = "engineering.xlsx";
  auto imported = import_ladder(*bytes, import_options);
  std::filesystem::remove(path);
  ASSERT_TRUE(imported) << imported.error().front().to_string();
  EXPECT_EQ(imported->layout, Layout::xlsx);
  const model::LadderData& back = imported->result.ladder;
  expect_same_csv_content(ladder.data(), back);
  // The workbook also carries track names (as sheet names), area names and experience.
  for (std::size_t t = 0; t < back.tracks.size(); ++t) {
    EXPECT_EQ(back.tracks[t].name, ladder.data().tracks[t].name);
    for (std::size_t l = 0; l < back.tracks[t].levels.size(); ++l) {
      EXPECT_EQ(back.tracks[t].levels[l].experience.has_value(),
                ladder.data().tracks[t].levels[l].experience.has_value());
      if (back.tracks[t].levels[l].experience) {
        EXPECT_EQ(back.tracks[t].levels[l].experience->min_years,
                  ladder.data().tracks[t].levels[l].experience->min_years);
        EXPECT_EQ(back.tracks[t].levels[l].experience->max_years,
                  ladder.data().tracks[t].levels[l].experience->max_years);
      }
    }
  }
  for (std::size_t k = 0; k < back.areas.size(); ++k) {
    EXPECT_EQ(back.areas[k].name, ladder.data().areas[k].name);
  }
}

TEST(XlsxImport, RefusesWhatIsNoWorkbook) {
  TextImportOptions import_options;
  import_options.file_name = "x.xlsx";
  auto imported = import_ladder("PK\x03\x04 not really a zip", import_options);
  ASSERT_FALSE(imported);
  EXPECT_EQ(imported.error().front().code, "import.xlsx");
}

TEST(MarkdownImport, ReadsRungsOwnMarkdownExport) {
  // The export's tables of levels give ids, grades and experience; "Shares the description
  // of ..." makes a shared level. Area ids are chosen from the area names (the export does not
  // carry them), and texts with refs keep the export's "(see ...)" suffix.
  const model::Ladder& ladder = builtin::engineering_ladder();
  TextImportOptions import_options;
  import_options.file_name = "engineering.md";
  auto imported = import_ladder(exports::to_markdown(ladder, {}), import_options);
  ASSERT_TRUE(imported) << imported.error().front().to_string();
  EXPECT_EQ(imported->layout, Layout::markdown);
  const model::LadderData& back = imported->result.ladder;
  ASSERT_EQ(back.tracks.size(), ladder.data().tracks.size());
  EXPECT_EQ(back.meta.name, ladder.data().meta.name);
  for (std::size_t t = 0; t < back.tracks.size(); ++t) {
    const auto& original = ladder.data().tracks[t];
    EXPECT_EQ(back.tracks[t].id, original.id);
    EXPECT_EQ(back.tracks[t].name, original.name);
    EXPECT_EQ(back.tracks[t].family, original.family);
    ASSERT_EQ(back.tracks[t].levels.size(), original.levels.size());
    for (std::size_t l = 0; l < original.levels.size(); ++l) {
      const auto& a = original.levels[l];
      const auto& b = back.tracks[t].levels[l];
      EXPECT_EQ(b.id, a.id);
      EXPECT_EQ(b.title, a.title);
      EXPECT_EQ(b.grade, a.grade);
      EXPECT_EQ(b.shares, a.shares);
      EXPECT_EQ(b.experience.has_value(), a.experience.has_value()) << a.id;
    }
  }
  EXPECT_EQ(model::Ladder(back).statement_count(), ladder.statement_count());
}

TEST(MarkdownImport, AreasAsHeadingsUnderLevels) {
  auto reading = read_markdown_document(
      "# Ladder\n\n## Engineer I\n\n### Craft\n\n- You write tests.\n\n### Impact\n\n- You "
      "finish tasks.\n\n## Engineer II\n\n### Craft\n\n- You design components.\n",
      "l.md");
  ASSERT_TRUE(reading) << reading.error().message;
  ASSERT_EQ(reading->doc.tracks.size(), 1u);
  ASSERT_EQ(reading->doc.tracks[0].details.size(), 2u);
  EXPECT_EQ(reading->doc.tracks[0].details[0].titles[0], "Engineer I");
  ASSERT_EQ(reading->doc.areas.size(), 2u);
  EXPECT_EQ(reading->doc.areas[1].name, "Impact");
  EXPECT_EQ(reading->doc.tracks[0].details[0].areas[0].statements[0].loc, (model::SourceLoc{7, 3}));
}

}  // namespace
}  // namespace rung::importer
