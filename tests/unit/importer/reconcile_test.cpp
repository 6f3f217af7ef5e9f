// Re-importing an edited copy of the company ladder keeps every id that should stay put.
#include "rung/importer/reconcile.hpp"

#include <filesystem>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "rung/core/fs.hpp"
#include "rung/importer/text_import.hpp"
#include "rung/model/ladder.hpp"

#include "support/golden.hpp"

namespace rung::importer {
namespace {

std::string document() {
  auto text = read_file(test_support::source_root() / "tests/golden/import/engineering/input.txt");
  EXPECT_TRUE(text.has_value());
  return text ? *text : std::string();
}

TextImportOptions options_with(const model::LadderData* previous) {
  TextImportOptions options;
  options.file_name = "input.txt";
  options.track_ids = {{"Software Engineer", "swe"},
                       {"Reliability Engineer", "sre"},
                       {"Software Engineering", "mgr"}};
  options.area_ids = {{"Programming / Problem Solving / Delivery", "delivery"}};
  options.previous = previous;
  return options;
}

TextImport import(const std::string& text, const model::LadderData* previous = nullptr) {
  auto imported = import_text_ladder(text, options_with(previous));
  if (!imported) {
    for (const auto& error : imported.error()) {
      ADD_FAILURE() << error.to_string();
    }
    return {};
  }
  return std::move(*imported);
}

void replace(std::string& text, std::string_view from, std::string_view to) {
  auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

std::map<std::string, std::string> texts_by_id(const model::LadderData& data) {
  std::map<std::string, std::string> out;
  for (const auto& track : data.tracks) {
    for (const auto& level : track.levels) {
      for (const auto& block : level.areas) {
        for (const auto& statement : block.statements) {
          out[statement.id] = statement.text;
        }
      }
    }
  }
  return out;
}

constexpr std::string_view k_clean_code = "  \xE2\x80\xA2 You write clean and readable code.\n";
constexpr std::string_view k_dawns =
    "  \xE2\x80\xA2 You have accumulated a sizeable amount of knowledge but it finally dawns on "
    "you that percentage-wise your knowledge is declining ;)\n";

// The document with one statement inserted (swe-2 role), one reworded (swe-1 delivery #4, the
// first "clean and readable code"), one deleted (swe-3 domain #5) and one added in the area the
// deleted one left.
std::string edited_document() {
  std::string text = document();
  replace(text, "  \xE2\x80\xA2 You give higher-level status updates.\n",
          "  \xE2\x80\xA2 You give higher-level status updates.\n"
          "  \xE2\x80\xA2 You keep the on-call runbook of your service current.\n");
  replace(text, k_clean_code, "  \xE2\x80\xA2 You write clean, readable and well-tested code.\n");
  replace(text, k_dawns, "  \xE2\x80\xA2 You read the source of the libraries you depend on.\n");
  return text;
}

TEST(Reconcile, ReimportOfTheSameTextChangesNothing) {
  TextImport first = import(document());
  TextImport again = import(document(), &first.ladder);
  EXPECT_EQ(again.ladder, first.ladder);
  EXPECT_EQ(again.summary.kept, 184);
  EXPECT_EQ(again.summary.reworded + again.summary.added + again.summary.removed, 0);
}

TEST(Reconcile, InsertedRewordedAndDeletedStatements) {
  TextImport before = import(document());
  TextImport after = import(edited_document(), &before.ladder);
  EXPECT_EQ(after.summary.kept, 182);
  EXPECT_EQ(after.summary.reworded, 1);
  EXPECT_EQ(after.summary.added, 2);
  EXPECT_EQ(after.summary.removed, 1);

  auto old_texts = texts_by_id(before.ladder);
  auto new_texts = texts_by_id(after.ladder);
  EXPECT_EQ(new_texts.at("swe-1-delivery-4"), "You write clean, readable and well-tested code.");
  EXPECT_EQ(new_texts.at("swe-2-role-6"), "You keep the on-call runbook of your service current.");
  EXPECT_EQ(new_texts.at("swe-2-role-2"), "You give higher-level status updates.");
  EXPECT_EQ(new_texts.at("swe-2-role-3"), old_texts.at("swe-2-role-3"));
  // The deleted statement's id is gone and not given to the new one in its area.
  EXPECT_FALSE(new_texts.contains("swe-3-domain-5"));
  EXPECT_EQ(new_texts.at("swe-3-domain-6"), "You read the source of the libraries you depend on.");
  // Every other statement keeps its id and its text.
  for (const auto& [id, text] : old_texts) {
    if (id != "swe-1-delivery-4" && id != "swe-3-domain-5") {
      EXPECT_EQ(new_texts[id], text) << id;
    }
  }
}

TEST(Reconcile, StatementsMovedWithinTheirAreaKeepTheirIds) {
  TextImport before = import(document());
  std::string text = document();
  constexpr std::string_view k_first =
      "  \xE2\x80\xA2 You build small to medium sized well defined features\n";
  replace(text, k_first, "");
  replace(text, "  \xE2\x80\xA2 You communicate progress, identify blocking issues.\n",
          std::string("  \xE2\x80\xA2 You communicate progress, identify blocking issues.\n") +
              std::string(k_first));
  TextImport after = import(text, &before.ladder);
  EXPECT_EQ(after.summary.kept, 184);
  const auto& role = after.ladder.tracks[0].levels[0].areas[0].statements;
  EXPECT_EQ(role.back().id, "swe-1-role-1");
}

TEST(Reconcile, ARewriteBeyondRecognitionGetsANewId) {
  TextImport before = import(document());
  std::string text = document();
  replace(text, k_clean_code, "  \xE2\x80\xA2 Pairing sessions happen weekly.\n");
  TextImport after = import(text, &before.ladder);
  EXPECT_EQ(after.summary.reworded, 0);
  EXPECT_EQ(after.summary.added, 1);
  EXPECT_EQ(after.summary.removed, 1);
  EXPECT_EQ(texts_by_id(after.ladder).at("swe-1-delivery-10"), "Pairing sessions happen weekly.");
}

TEST(Reconcile, CarriesOverWhatTheOwnerDecided) {
  model::LadderData owned = import(document()).ladder;
  owned.tracks[2].levels[0].areas[0].statements[0].refs = {"swe-3"};  // mgr-1-role-1
  owned.tracks[2].levels[0].grade = "3";
  owned.general.grades = {"1", "2", "3", "4", "5", "6", "7"};
  owned.scale.pop_back();
  owned.readiness.share_per_area = 0.75;
  owned.lint_disabled = {"title-mismatch"};
  TextImport after = import(edited_document(), &owned);
  const model::LadderData& data = after.ladder;
  EXPECT_EQ(data.tracks[2].levels[0].areas[0].statements[0].refs,
            std::vector<std::string>{"swe-3"});
  EXPECT_EQ(data.tracks[2].levels[0].grade, "3");
  EXPECT_EQ(data.tracks[2].levels[1].grade, "5");
  EXPECT_EQ(data.general.grades, owned.general.grades);
  EXPECT_EQ(data.general.name, "Persado General Ladder");
  EXPECT_EQ(data.scale, owned.scale);
  EXPECT_EQ(data.readiness, owned.readiness);
  EXPECT_EQ(data.lint_disabled, owned.lint_disabled);
}

TEST(Reconcile, DropsRefsToLevelsThatNoLongerExistWithANote) {
  model::LadderData owned = import(document()).ladder;
  owned.tracks[2].levels[0].areas[0].statements[0].refs = {"swe-3", "old-9"};
  TextImport after = import(document(), &owned);
  EXPECT_EQ(after.ladder.tracks[2].levels[0].areas[0].statements[0].refs,
            std::vector<std::string>{"swe-3"});
  ASSERT_EQ(after.notes.size(), 1u);
  EXPECT_EQ(after.notes[0].to_string(),
            "input.txt:413:7: note: statement 'mgr-1-role-1' referred to level 'old-9', which no "
            "longer exists; the ref is dropped");
}

TEST(Reconcile, IdsComeFromThePreviousFileWithoutOptions) {
  TextImport before = import(document());
  TextImportOptions plain;
  plain.previous = &before.ladder;
  auto after = import_text_ladder(document(), plain);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->ladder.tracks[0].id, "swe");
  EXPECT_EQ(after->ladder.tracks[2].levels[3].id, "mgr-4");
  EXPECT_EQ(after->ladder.tracks[2].levels[3].shares, "mgr-3");
  EXPECT_EQ(after->ladder.areas[2].id, "delivery");
  EXPECT_EQ(after->summary.kept, 184);
}

TEST(Reconcile, NewThingsNeverTakeAnIdThePreviousFileUsed) {
  model::LadderData owned = import(document()).ladder;
  owned.tracks[0].name = "Old Software Engineer";  // as if the track had been renamed since
  owned.areas[0].name = "Old Role Highlights";
  TextImportOptions options;
  options.previous = &owned;
  auto after = import_text_ladder(document(), options);
  ASSERT_TRUE(after.has_value());
  const model::LadderData& data = after->ladder;
  EXPECT_EQ(data.tracks[0].id, "se");              // initials; not taken before
  EXPECT_EQ(data.areas[0].id, "role-highlights");  // "role" belonged to another area
  // The old track's 82 statements, and the old area's in the other tracks (sre 13, mgr 17).
  EXPECT_EQ(after->summary.removed, 82 + 13 + 17);
}

TEST(StatementSimilarity, IsTheDiceCoefficientOfWordSets) {
  EXPECT_DOUBLE_EQ(statement_similarity("You write code.", "you WRITE code"), 1.0);
  EXPECT_DOUBLE_EQ(statement_similarity("a b c d", "a b x y"), 0.5);
  EXPECT_DOUBLE_EQ(statement_similarity("", "a"), 0.0);
  EXPECT_DOUBLE_EQ(statement_similarity("don\xE2\x80\x99t stop", "don\xE2\x80\x99t go"), 0.5);
}

}  // namespace
}  // namespace rung::importer
