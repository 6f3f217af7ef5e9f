// The company ladder (tests/golden/import/engineering/input.txt, a copy of
// shared/ladder/engineering-job-ladder.txt) against a table made by reading the document by hand:
// every level's title, detail-page title, grade, experience and statements per area.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rung/core/fs.hpp"
#include "rung/importer/text_import.hpp"
#include "rung/model/ladder.hpp"

#include "support/golden.hpp"

namespace rung::importer {
namespace {

const std::filesystem::path k_input =
    test_support::source_root() / "tests/golden/import/engineering/input.txt";

TextImportOptions builtin_options() {
  TextImportOptions options;
  options.file_name = "input.txt";
  options.track_ids = {{"Software Engineer", "swe"},
                       {"Reliability Engineer", "sre"},
                       {"Software Engineering", "mgr"}};
  options.area_ids = {{"Programming / Problem Solving / Delivery", "delivery"}};
  return options;
}

model::LadderData import_document() {
  auto text = read_file(k_input);
  EXPECT_TRUE(text.has_value());
  auto imported = import_text_ladder(*text, builtin_options());
  if (!imported) {
    for (const auto& error : imported.error()) {
      ADD_FAILURE() << error.to_string();
    }
    return {};
  }
  EXPECT_TRUE(imported->notes.empty());
  return std::move(imported->ladder);
}

struct Row {
  std::string id;
  std::string title;
  std::string detail_title;  // "" when the detail page agrees with the overview
  std::string grade;
  int min_years;
  std::optional<int> max_years;
  std::string shares;
  std::map<std::string, int> per_area;  // statements per area id
};

const std::vector<Row>& expected_levels() {
  static const std::vector<Row> rows = {
      {"swe-1",
       "Software Engineer I",
       "Software Engineer",
       "2",
       0,
       3,
       "",
       {{"role", 3}, {"domain", 4}, {"delivery", 9}, {"communication", 3}}},
      {"swe-2",
       "Software Engineer II",
       "Software Engineer",
       "3",
       2,
       6,
       "",
       {{"role", 5}, {"domain", 3}, {"delivery", 9}, {"communication", 5}}},
      {"swe-3",
       "Senior Software Engineer",
       "",
       "4",
       5,
       10,
       "",
       {{"role", 4}, {"domain", 5}, {"delivery", 9}, {"communication", 4}}},
      {"swe-4",
       "Staff Software Engineer",
       "",
       "5",
       8,
       std::nullopt,
       "",
       {{"role", 4}, {"domain", 4}, {"delivery", 7}, {"communication", 4}}},
      {"sre-1",
       "Reliability Engineer I",
       "Reliability Engineer",
       "2",
       0,
       3,
       "",
       {{"role", 2}, {"domain", 5}, {"delivery", 9}, {"communication", 3}}},
      {"sre-2",
       "Reliability Engineer II",
       "Reliability Engineer",
       "3",
       2,
       6,
       "",
       {{"role", 4}, {"domain", 3}, {"delivery", 3}, {"communication", 2}}},
      {"sre-3",
       "Senior Reliability Engineer I",
       "Senior Reliability Engineer",
       "4",
       5,
       8,
       "",
       {{"role", 3}, {"domain", 4}, {"delivery", 3}, {"communication", 2}}},
      {"sre-4",
       "Senior Reliability Engineer II",
       "Senior Reliability Engineer",
       "5",
       7,
       std::nullopt,
       "",
       {{"role", 3}, {"domain", 3}, {"delivery", 2}, {"communication", 2}}},
      {"sre-5",
       "Staff Reliability Engineer",
       "",
       "6",
       10,
       std::nullopt,
       "",
       {{"role", 1}, {"domain", 4}}},
      {"mgr-1",
       "Engineering Team Lead",
       "",
       "4",
       4,
       std::nullopt,
       "",
       {{"role", 5}, {"communication", 5}, {"leadership", 7}}},
      {"mgr-2",
       "Director of Engineering",
       "",
       "5",
       10,
       std::nullopt,
       "",
       {{"role", 6}, {"communication", 4}, {"leadership", 5}}},
      {"mgr-3",
       "Sr. Director of Engineering",
       "",
       "6",
       15,
       std::nullopt,
       "",
       {{"role", 6}, {"communication", 2}, {"leadership", 4}}},
      {"mgr-4", "VP Engineering", "", "7", 15, std::nullopt, "mgr-3", {}},
  };
  return rows;
}

TEST(EngineeringImport, CopyIsByteIdenticalToTheSharedDocument) {
  const auto shared = test_support::source_root() / "../shared/ladder/engineering-job-ladder.txt";
  if (!std::filesystem::exists(shared)) {
    GTEST_SKIP() << "no " << shared << " on this machine";
  }
  auto original = read_file(shared);
  auto copy = read_file(k_input);
  ASSERT_TRUE(original && copy);
  EXPECT_TRUE(*original == *copy) << "tests/golden/import/engineering/input.txt differs from "
                                  << shared;
}

TEST(EngineeringImport, ReadsTheMetadataAndTheGeneralLadder) {
  model::LadderData data = import_document();
  EXPECT_EQ(data.meta.name, "Engineering Job Ladder");
  EXPECT_EQ(data.meta.organization, "Persado");
  EXPECT_EQ(data.meta.published, "2019-12-17");
  ASSERT_EQ(data.meta.authors.size(), 1u);
  EXPECT_EQ(data.meta.authors[0], (model::Author{"Yoni Baciu", "VP Engineering"}));
  EXPECT_EQ(data.meta.credits,
            std::vector<std::string>{"SRE job ladder is based on the SRE job ladder by Dropbox"});
  EXPECT_EQ(data.general.name, "Persado General Ladder");
  EXPECT_EQ(data.general.grades, (std::vector<std::string>{"2", "3", "4", "5", "6", "7"}));
}

TEST(EngineeringImport, DeclaresTheAreasInOrderOfFirstAppearance) {
  model::LadderData data = import_document();
  std::vector<std::pair<std::string, std::string>> areas;
  for (const auto& area : data.areas) {
    areas.emplace_back(area.id, area.name);
  }
  EXPECT_EQ(areas, (std::vector<std::pair<std::string, std::string>>{
                       {"role", "Role Highlights"},
                       {"domain", "Domain Expertise"},
                       {"delivery", "Programming / Problem Solving / Delivery"},
                       {"communication", "Communication"},
                       {"leadership", "Leadership / Management / Planning"}}));
}

TEST(EngineeringImport, HasThreeTracksWithTheirFamilies) {
  model::LadderData data = import_document();
  ASSERT_EQ(data.tracks.size(), 3u);
  EXPECT_EQ(data.tracks[0].name, "Software Engineer");
  EXPECT_EQ(data.tracks[0].family, model::Family::individual_contributor);
  EXPECT_EQ(data.tracks[1].name, "Reliability Engineer");
  EXPECT_EQ(data.tracks[1].family, model::Family::individual_contributor);
  EXPECT_EQ(data.tracks[2].name, "Software Engineering");
  EXPECT_EQ(data.tracks[2].family, model::Family::manager);
}

TEST(EngineeringImport, EveryLevelMatchesTheHandMadeTable) {
  model::LadderData data = import_document();
  std::vector<const model::Level*> levels;
  for (const auto& track : data.tracks) {
    for (const auto& level : track.levels) {
      levels.push_back(&level);
    }
  }
  const auto& rows = expected_levels();
  ASSERT_EQ(levels.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    const model::Level& level = *levels[i];
    SCOPED_TRACE(row.id);
    EXPECT_EQ(level.id, row.id);
    EXPECT_EQ(level.title, row.title);
    EXPECT_EQ(level.detail_title, row.detail_title);
    EXPECT_EQ(level.grade, row.grade);
    ASSERT_TRUE(level.experience.has_value());
    EXPECT_EQ(level.experience->min_years, row.min_years);
    EXPECT_EQ(level.experience->max_years, row.max_years);
    EXPECT_EQ(level.shares, row.shares);
    std::map<std::string, int> per_area;
    for (const auto& block : level.areas) {
      per_area[block.area] = static_cast<int>(block.statements.size());
    }
    EXPECT_EQ(per_area, row.per_area);
  }
}

TEST(EngineeringImport, Has184StatementsSplitOverTheTracks) {
  model::Ladder ladder(import_document());
  EXPECT_EQ(ladder.statement_count(), 184u);
  std::map<std::string, int> per_track;
  for (const auto& track : ladder.tracks()) {
    for (const auto& level : track.levels) {
      for (const auto& block : level.areas) {
        per_track[track.id] += static_cast<int>(block.statements.size());
      }
    }
  }
  EXPECT_EQ(per_track, (std::map<std::string, int>{{"swe", 82}, {"sre", 58}, {"mgr", 44}}));
}

TEST(EngineeringImport, KeepsStatementTextVerbatim) {
  model::Ladder ladder(import_document());
  auto text_of = [&](std::string_view id) {
    const model::Statement* statement = ladder.find_statement(id);
    return statement != nullptr ? statement->text : std::string("<missing>");
  };
  EXPECT_EQ(text_of("swe-1-role-1"), "You build small to medium sized well defined features");
  EXPECT_EQ(text_of("swe-2-delivery-2"),
            "You almost always prefer the simpler solution over the \xE2\x80\x9C"
            "clever"
            "\xE2\x80\x9D one.");
  EXPECT_EQ(text_of("sre-1-domain-5"), "You primarily focus on improving your craft as an SRE");
  EXPECT_EQ(text_of("mgr-3-role-6"),
            "You are dying to code but don\xE2\x80\x99t have much time for it :(.");
  EXPECT_EQ(text_of("mgr-3-communication-2"),
            "You work closely with the heads of Product Management, Sales, Marketing, and other "
            "groups and make sure the teams are working together well.");
}

TEST(EngineeringImport, LocatesStatementsInTheTextFile) {
  model::Ladder ladder(import_document());
  const model::Statement* first = ladder.find_statement("swe-1-role-1");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->loc, (model::SourceLoc{55, 7}));  // after "  • " (the bullet is 3 bytes)
  const model::Level* vp = ladder.find_level("mgr-4");
  ASSERT_NE(vp, nullptr);
  EXPECT_EQ(vp->loc.line, 473);  // the shared "Level 3/4" block
}

TEST(EngineeringImport, FindsNoRefsBecauseNoStatementNamesAnExactTitle) {
  model::Ladder ladder(import_document());
  for (const auto& track : ladder.tracks()) {
    for (const auto& level : track.levels) {
      for (const auto& block : level.areas) {
        for (const auto& statement : block.statements) {
          EXPECT_TRUE(statement.refs.empty()) << statement.id;
        }
      }
    }
  }
}

TEST(EngineeringImport, DefaultIdsWithoutOptions) {
  auto text = read_file(k_input);
  ASSERT_TRUE(text.has_value());
  auto imported = import_text_ladder(*text, {});
  ASSERT_TRUE(imported.has_value());
  std::vector<std::string> ids;
  for (const auto& track : imported->ladder.tracks) {
    ids.push_back(track.id);
  }
  // Issue 15: the manager track's initials are the first track's; "se-2" would be the id of
  // that track's second level, so it gets the slug of its first word.
  EXPECT_EQ(ids, (std::vector<std::string>{"se", "re", "software"}));
  EXPECT_EQ(imported->ladder.areas[2].id, "programming");
  EXPECT_EQ(imported->ladder.tracks[2].levels[0].id, "software-1");
  EXPECT_EQ(imported->summary.added, 184);
}

}  // namespace
}  // namespace rung::importer
