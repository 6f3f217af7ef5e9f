// The readings the importer makes on top of the document's structure: grades, titles, shared
// levels, ids from options, and the options it refuses.
#include "rung/importer/builder.hpp"

#include <string>

#include <gtest/gtest.h>

#include "rung/importer/statement_match.hpp"
#include "rung/importer/text_import.hpp"

namespace rung::importer {
namespace {

// Two tracks of three levels each, one grade too few for the manager track to fit.
constexpr std::string_view k_ladder =
    "Grades Ladder\n"
    "Engineer Track\nDeveloper\n1\nDev I\n2\nDev II\n3\nDev III\n"
    "Manager Track\nManagement\n1\nLead\n2\nHead\n3\nChief\n"
    "Co General Ladder 1 2\n"
    "Engineer Track - Developer\n"
    "Level\n1\nTitle\nDeveloper\nCraft\n- You code.\n"
    "Level\n2\nTitle\nDev II\nCraft\n- You design.\n- Like a Dev III would.\n"
    "Level\n3\nTitle\nDev III\nCraft\n- You architect.\n"
    "Manager Track\n"
    "Level\n1\nTitle\nLead\nPeople\n- You lead.\n"
    "Level\n2/3\nTitle\nHead / Chief\nPeople\n- You lead leads.\n";

Results<TextImport> import_with(TextImportOptions options) {
  options.file_name = "g.txt";
  return import_text_ladder(k_ladder, options);
}

std::string errors_of(const Results<TextImport>& result) {
  std::string out;
  if (!result) {
    for (const auto& error : result.error()) {
      out += error.to_string() + "\n";
    }
  }
  return out;
}

TEST(Builder, MapsGradesUpForIcTracksAndDownFromTheTopForManagerTracks) {
  auto result = import_with({});
  ASSERT_TRUE(result.has_value()) << errors_of(result);
  const auto& tracks = result->ladder.tracks;
  EXPECT_EQ(tracks[0].levels[0].grade, "1");
  EXPECT_EQ(tracks[0].levels[1].grade, "2");
  EXPECT_EQ(tracks[0].levels[2].grade, "");
  EXPECT_EQ(tracks[1].levels[0].grade, "");
  EXPECT_EQ(tracks[1].levels[1].grade, "1");
  EXPECT_EQ(tracks[1].levels[2].grade, "2");
  ASSERT_EQ(result->notes.size(), 2u);
  EXPECT_EQ(result->notes[0].to_string(),
            "g.txt:33:1: note: level 'd-3' (Dev III) falls outside the general ladder's 2 grades; "
            "it gets no grade");
  EXPECT_EQ(result->notes[1].to_string(),
            "g.txt:40:1: note: level 'm-1' (Lead) falls outside the general ladder's 2 grades; it "
            "gets no grade");
}

TEST(Builder, TitlesComeFromTheOverviewAndTheDetailPageWhenItDiffers) {
  auto result = import_with({});
  ASSERT_TRUE(result.has_value()) << errors_of(result);
  const auto& levels = result->ladder.tracks[0].levels;
  EXPECT_EQ(levels[0].title, "Dev I");
  EXPECT_EQ(levels[0].detail_title, "Developer");
  EXPECT_EQ(levels[1].detail_title, "");
  const auto& manager = result->ladder.tracks[1].levels;
  EXPECT_EQ(manager[2].title, "Chief");
  EXPECT_EQ(manager[2].shares, "m-2");
  EXPECT_TRUE(manager[2].areas.empty());
}

TEST(Builder, ImportsATrackWithoutDetailSectionWithoutStatementsAndSaysSo) {
  std::string text(k_ladder);
  text.erase(text.find("Manager Track\nLevel"));
  TextImportOptions options;
  options.file_name = "g.txt";
  auto result = import_text_ladder(text, options);
  ASSERT_TRUE(result.has_value()) << errors_of(result);
  const auto& manager = result->ladder.tracks[1];
  ASSERT_EQ(manager.levels.size(), 3u);
  EXPECT_EQ(manager.levels[1].title, "Head");
  EXPECT_TRUE(manager.levels[1].areas.empty());
  ASSERT_FALSE(result->notes.empty());
  EXPECT_EQ(result->notes[0].to_string(),
            "g.txt:10:1: note: track 'Management' has no detail section; its levels have no "
            "statements");
}

TEST(Builder, AddsRefsForExactTitles) {
  auto result = import_with({});
  ASSERT_TRUE(result.has_value()) << errors_of(result);
  const auto& statement = result->ladder.tracks[0].levels[1].areas[0].statements[1];
  EXPECT_EQ(statement.text, "Like a Dev III would.");
  EXPECT_EQ(statement.refs, std::vector<std::string>{"d-3"});
}

TEST(Builder, UsesIdsFromOptions) {
  TextImportOptions options;
  options.track_ids = {{"Management", "boss"}};
  options.area_ids = {{"Craft", "make"}};
  auto result = import_with(options);
  ASSERT_TRUE(result.has_value()) << errors_of(result);
  EXPECT_EQ(result->ladder.tracks[1].levels[2].id, "boss-3");
  EXPECT_EQ(result->ladder.tracks[0].levels[0].areas[0].statements[0].id, "d-1-make-1");
}

TEST(Builder, RefusesOptionsForNamesTheDocumentLacksOrBadIds) {
  TextImportOptions options;
  options.track_ids = {{"Developers", "dev"}, {"Management", "Boss"}};
  options.area_ids = {{"Crafts", "craft"}};
  EXPECT_EQ(errors_of(import_with(options)),
            "error[import.bad-option]: --track-id 'Developers=dev': the document has no track "
            "named 'Developers'\n"
            "  hint: did you mean 'Developer'?\n"
            "error[import.bad-option]: --track-id 'Management=Boss': 'Boss' is not a valid id\n"
            "  hint: use lower-case letters, digits and single dashes, e.g. 'swe'\n"
            "error[import.bad-option]: --area-id 'Crafts=craft': the document has no area named "
            "'Crafts'\n"
            "  hint: did you mean 'Craft'?\n");
}

TEST(Builder, RefusesTheSameIdForTwoTracks) {
  TextImportOptions options;
  options.track_ids = {{"Developer", "x"}, {"Management", "x"}};
  EXPECT_EQ(errors_of(import_with(options)),
            "error[import.bad-option]: --track-id 'Management=x': id 'x' is already the id of "
            "track 'Developer'\n"
            "  hint: give each one its own id\n");
}

TEST(Builder, DefaultIdsAvoidTheIdsOptionsGave) {
  TextImportOptions options;
  options.area_ids = {{"Craft", "people"}};
  options.track_ids = {{"Management", "d"}};
  auto result = import_with(options);
  ASSERT_TRUE(result.has_value()) << errors_of(result);
  EXPECT_EQ(result->ladder.areas[1].id, "people-2");
  EXPECT_EQ(result->ladder.tracks[0].id, "developer");  // never "d-2": a level id of d
}

TEST(Builder, RefusesInputOverTheSizeLimit) {
  TextImportOptions options;
  options.max_bytes = 100;
  EXPECT_EQ(errors_of(import_with(options)),
            "g.txt: error[import.too-large]: the input is 420 bytes; the limit is 100 bytes\n"
            "  hint: a plain-text ladder is normally well under 100 KB; is this the right file?\n");
}

TEST(NamedId, SplitsAtTheLastEqualsSign) {
  auto named = parse_named_id(" Programming / Delivery = delivery ");
  ASSERT_TRUE(named.has_value());
  EXPECT_EQ(named->name, "Programming / Delivery");
  EXPECT_EQ(named->id, "delivery");
  EXPECT_EQ(parse_named_id("a=b=c")->name, "a=b");
  EXPECT_EQ(parse_named_id("swe").error().to_string(),
            "error[import.bad-option]: 'swe' is not NAME=ID\n"
            "  hint: e.g. --track-id 'Software Engineer=swe'");
  EXPECT_FALSE(parse_named_id("=swe"));
  EXPECT_FALSE(parse_named_id("Name="));
}

model::Statement statement(std::string text) {
  return model::Statement{"", std::move(text), {}, {}};
}

TEST(MatchStatements, ExactFirstThenTheMostSimilarAboveTheThreshold) {
  std::vector<model::Statement> previous{statement("You write clean code."),
                                         statement("You review code with care."),
                                         statement("You hold weekly 1:1s.")};
  std::vector<model::Statement> fresh{statement("You review code carefully and with care."),
                                      statement("You write clean code."),
                                      statement("Something else entirely.")};
  auto matches = match_statements(fresh, previous, 0.6);
  ASSERT_EQ(matches.size(), 3u);
  ASSERT_TRUE(matches[0].has_value());
  EXPECT_EQ(matches[0]->previous, 1u);
  EXPECT_TRUE(matches[0]->reworded);
  ASSERT_TRUE(matches[1].has_value());
  EXPECT_EQ(matches[1]->previous, 0u);
  EXPECT_FALSE(matches[1]->reworded);
  EXPECT_FALSE(matches[2].has_value());
}

}  // namespace
}  // namespace rung::importer
