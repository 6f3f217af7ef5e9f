// The structure of the plain-text layout on small documents, and the exact message for each way
// a document can depart from it.
#include "rung/importer/text_parser.hpp"

#include <string>

#include <gtest/gtest.h>

#include "rung/importer/text_import.hpp"

namespace rung::importer {
namespace {

// A complete small ladder: two tracks, one shared manager block, a footer.
constexpr std::string_view k_small =
    "Small Ladder\n"                       // 1
    "\n"                                   // 2
    "Engineer Track\n"                     // 3
    "Developer\n"                          // 4
    "1\n"                                  // 5
    "Developer I\n"                        // 6
    "2\n"                                  // 7
    "Developer II\n"                       // 8
    "Manager Track\n"                      // 9
    "Management\n"                         // 10
    "1\n"                                  // 11
    "Lead\n"                               // 12
    "2\n"                                  // 13
    "Head\n"                               // 14
    "Small Co General Ladder A B C\n"      // 15
    "\n"                                   // 16
    "Engineer Track - Developer\n"         // 17
    "Level\n"                              // 18
    "1\n"                                  // 19
    "Title\n"                              // 20
    "Developer\n"                          // 21
    "Experience\n"                         // 22
    "0-2 years\n"                          // 23
    "Craft\n"                              // 24
    "- You write code.\n"                  // 25
    "- You test it.\n"                     // 26
    "Level\n"                              // 27
    "2\n"                                  // 28
    "Title\n"                              // 29
    "Developer II\n"                       // 30
    "Craft\n"                              // 31
    "- You design modules.\n"              // 32
    "Team Work\n"                          // 33
    "- You review code.\n"                 // 34
    "Manager Track\n"                      // 35
    "Level\n"                              // 36
    "1/2\n"                                // 37
    "Title\n"                              // 38
    "Lead / Head\n"                        // 39
    "Experience\n"                         // 40
    "5+\n"                                 // 41
    "People\n"                             // 42
    "- You hire.\n"                        // 43
    "Thanks to the team\n"                 // 44
    "\n"                                   // 45
    "Written on 1 May 2024 by Kim Lee\n";  // 46

TextDocument parse(std::string_view text) {
  auto lines = read_lines(text, "s.txt", 1 << 20);
  EXPECT_TRUE(lines.has_value());
  auto doc = parse_text_document(*lines, "s.txt");
  EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error().to_string());
  return doc ? *doc : TextDocument{};
}

// The error for `text` with `from` replaced by `to` (or the whole text when from is empty).
std::string error_after(std::string_view from, std::string_view to) {
  std::string text(k_small);
  if (!from.empty()) {
    auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  }
  TextImportOptions options;
  options.file_name = "s.txt";
  auto imported = import_text_ladder(text, options);
  if (imported) {
    return "<no error>";
  }
  std::string out;
  for (const auto& error : imported.error()) {
    out += error.to_string() + "\n";
  }
  return out;
}

TEST(TextParser, ReadsTheWholeSmallLadder) {
  TextDocument doc = parse(k_small);
  EXPECT_EQ(doc.name, "Small Ladder");
  EXPECT_EQ(doc.organization, "Small Co");
  EXPECT_EQ(doc.general_ladder_name, "Small Co General Ladder");
  EXPECT_EQ(doc.grades, (std::vector<std::string>{"A", "B", "C"}));
  ASSERT_EQ(doc.tracks.size(), 2u);
  EXPECT_EQ(doc.tracks[0].header, "Engineer Track");
  EXPECT_EQ(doc.tracks[1].family, model::Family::manager);
  ASSERT_EQ(doc.tracks[0].details.size(), 2u);
  EXPECT_FALSE(doc.tracks[0].details[1].experience.has_value());
  ASSERT_EQ(doc.tracks[1].details.size(), 1u);
  EXPECT_EQ(doc.tracks[1].details[0].numbers, (std::vector<int>{1, 2}));
  EXPECT_EQ(doc.tracks[1].details[0].titles, (std::vector<std::string>{"Lead", "Head"}));
  ASSERT_EQ(doc.areas.size(), 3u);
  EXPECT_EQ(doc.areas[1].name, "Team Work");
  EXPECT_EQ(doc.areas[1].loc, (model::SourceLoc{33, 1}));
  EXPECT_EQ(doc.credits, std::vector<std::string>{"Thanks to the team"});
  EXPECT_EQ(doc.published, "2024-05-01");
  ASSERT_EQ(doc.authors.size(), 1u);
  EXPECT_EQ(doc.authors[0].name, "Kim Lee");
}

TEST(TextParser, TheSmallLadderImports) {
  EXPECT_EQ(error_after("", ""), "<no error>");
}

TEST(TextParserErrors, LevelNumberMissing) {
  EXPECT_EQ(error_after("Level\n2\nTitle\n", "Level\nTitle\n"),
            "s.txt:28:1: error[import.expected]: expected a level number after 'Level', found "
            "'Title'\n"
            "  hint: write the level's number ('1'), or '3/4' for levels that share a "
            "description\n");
}

TEST(TextParserErrors, LevelNumberThatIsNotANumber) {
  EXPECT_EQ(error_after("Level\n2\n", "Level\ntwo\n"),
            "s.txt:28:1: error[import.expected]: expected a level number after 'Level', found "
            "'two'\n"
            "  hint: write the level's number ('1'), or '3/4' for levels that share a "
            "description\n");
}

TEST(TextParserErrors, TitleKeywordMissing) {
  EXPECT_EQ(error_after("2\nTitle\nDeveloper II\nCraft", "2\nDeveloper II\nCraft"),
            "s.txt:29:1: error[import.expected]: expected 'Title' after the level number, found "
            "'Developer II'\n");
}

TEST(TextParserErrors, UnreadableExperience) {
  EXPECT_EQ(error_after("0-2 years", "junior"),
            "s.txt:23:1: error[import.bad-experience]: expected years of experience after "
            "'Experience', such as '0-3 years', '8+ years' or '4+', found 'junior'\n");
}

TEST(TextParserErrors, UnknownDetailTrack) {
  EXPECT_EQ(error_after("Engineer Track - Developer\n", "Engineer Track - Developr\n"),
            "s.txt:17:1: error[import.unknown-track]: the detail section 'Engineer Track - "
            "Developr' names no track of the overview\n"
            "  hint: did you mean 'Developer'?\n");
}

TEST(TextParserErrors, BareDetailHeaderNeedsAUniqueFamily) {
  std::string text(k_small);
  text.replace(text.find("Manager Track\nManagement"), 13, "Engineer Track");
  TextImportOptions options;
  options.file_name = "s.txt";
  auto imported = import_text_ladder(text, options);
  ASSERT_FALSE(imported.has_value());
  EXPECT_EQ(imported.error().at(0).to_string(),
            "s.txt:35:1: error[import.unknown-track]: the detail section 'Manager Track' names no "
            "track of the overview\n"
            "  hint: the overview lists: Developer, Management");
}

TEST(TextParserErrors, AmbiguousBareDetailHeader) {
  std::string text(k_small);
  text.replace(text.find("Manager Track\nManagement"), 13, "Engineer Track");
  text.replace(text.find("Engineer Track - Developer"), 26, "Engineer Track");
  TextImportOptions options;
  options.file_name = "s.txt";
  auto imported = import_text_ladder(text, options);
  ASSERT_FALSE(imported.has_value());
  EXPECT_EQ(imported.error().at(0).to_string(),
            "s.txt:17:1: error[import.ambiguous-track]: 'Engineer Track' does not say which track "
            "it describes: the overview has 2 tracks under it\n"
            "  hint: name the track, e.g. 'Engineer Track - Developer'");
}

TEST(TextParser, BareDetailHeaderNamesTheOnlyTrackOfItsFamily) {
  EXPECT_EQ(error_after("Engineer Track - Developer\n", "Engineer Track\n"), "<no error>");
}

TEST(TextParserErrors, AreaHeadingWithoutBullets) {
  EXPECT_EQ(error_after("Team Work\n- You review code.\n", "Team Work\n"),
            "s.txt:33:1: error[import.expected]: expected an area heading followed by bullets, "
            "found 'Team Work'\n"
            "  hint: every area heading needs at least one bullet line starting with "
            "'\xE2\x80\xA2', '-' or '*'\n");
}

TEST(TextParserErrors, BulletsWithoutAHeading) {
  EXPECT_EQ(error_after("Craft\n- You design", "- You design"),
            "s.txt:31:3: error[import.expected]: expected an area heading (such as 'Role "
            "Highlights') before the bullets, found the bullet 'You design modules.'\n");
}

TEST(TextParserErrors, TruncatedLastLevel) {
  std::string cut(k_small.substr(0, k_small.find("Experience\n5+")));
  TextImportOptions options;
  options.file_name = "s.txt";
  auto imported = import_text_ladder(cut, options);
  ASSERT_FALSE(imported.has_value());
  EXPECT_EQ(imported.error().at(0).to_string(),
            "s.txt:39: error[import.expected]: expected an area heading followed by bullets for "
            "level 1 of 'Management', found end of input\n"
            "  hint: every area heading needs at least one bullet line starting with "
            "'\xE2\x80\xA2', '-' or '*'");
}

TEST(TextParserErrors, SharedBlockNeedsOneTitlePerLevel) {
  EXPECT_EQ(error_after("Lead / Head", "Lead and Head"),
            "s.txt:39:1: error[import.expected]: expected 2 titles separated by ' / ' for levels "
            "1/2, found 'Lead and Head'\n");
}

TEST(TextParserErrors, LevelDescribedTwice) {
  EXPECT_EQ(error_after("Level\n2\nTitle\nDeveloper II", "Level\n1\nTitle\nDeveloper II"),
            "s.txt:27:1: error[import.duplicate-level]: level 1 of 'Developer' is described twice "
            "(first at line 18)\n");
}

TEST(TextParserErrors, AreaTwiceInOneLevel) {
  EXPECT_EQ(error_after("Team Work\n- You review", "Craft\n- You review"),
            "s.txt:33:1: error[import.duplicate-area]: area 'Craft' appears twice in this level "
            "(first at line 31)\n");
}

TEST(TextParserErrors, OverviewWithoutTracks) {
  EXPECT_EQ(error_after("Engineer Track\nDeveloper\n1\n", "Developer\n1\n"),
            "s.txt:3:1: error[import.expected]: expected an overview track header such as "
            "'Individual Contributor Track' (a line ending in 'Track', followed by the track's "
            "name), found 'Developer'\n");
}

TEST(TextParserErrors, OverviewTitleMissing) {
  EXPECT_EQ(error_after("1\nDeveloper I\n2\n", "1\n2\n"),
            "s.txt:6:1: error[import.expected]: expected the title of level 1 of 'Developer' "
            "after its number, found '2'\n");
}

TEST(TextParserErrors, StrayLineAfterTheOverview) {
  EXPECT_EQ(error_after("Small Co General Ladder A B C\n", "Small Co Grades A B C\n"),
            "s.txt:15:1: error[import.expected]: expected a level number, another track header "
            "or the general ladder line ('<Organization> General Ladder <grades>'), found 'Small "
            "Co Grades A B C'\n");
}

TEST(TextParserErrors, BadFooterDate) {
  EXPECT_EQ(error_after("1 May 2024", "May 2024"),
            "s.txt:46:1: error[import.bad-date]: expected a date such as 'December 17, 2019' "
            "after 'Written on', found 'May 2024'\n");
}

TEST(TextParserErrors, ExperienceOutOfOrderIsAModelError) {
  EXPECT_EQ(error_after("0-2 years", "4-2 years"),
            "s.txt:23:1: error[ladder.bad-experience]: level 'd-1' has an impossible experience "
            "range 4-2\n"
            "  hint: min_years must be 0 or more and no larger than max_years\n");
}

}  // namespace
}  // namespace rung::importer
