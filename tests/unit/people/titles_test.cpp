// Job titles matched to levels (people/titles.hpp) and the import rows that use them.
#include "rung/people/titles.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rung/people/import.hpp"

#include "people_support.hpp"

namespace rung::people {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::table;

// small_ladder's levels are titled "Level swe-1"...; these two share a detail title, and mgr-1
// has the same title as swe-3 in another track.
model::Ladder titled_ladder() {
  model::LadderData data = testing::small_ladder().data();
  data.tracks[0].levels[0].title = "Software Engineer I";
  data.tracks[0].levels[0].detail_title = "Software Engineer";
  data.tracks[0].levels[1].title = "Software Engineer II";
  data.tracks[0].levels[1].detail_title = "Software Engineer";
  data.tracks[0].levels[2].title = "Tech Lead";
  data.tracks[1].levels[0].title = "Tech Lead";
  return model::Ladder(std::move(data));
}

TEST(TitleKey, IgnoresCaseSpacesAndPunctuation) {
  EXPECT_EQ(title_key("Sr. Director,  of Engineering "), "sr director of engineering");
  EXPECT_EQ(title_key("SR DIRECTOR OF ENGINEERING"), "sr director of engineering");
  EXPECT_EQ(title_key("Software-Engineer (II)"), "software engineer ii");
  EXPECT_EQ(title_key("Ingénieure Logiciel"), "ingénieure logiciel");
  EXPECT_EQ(title_key(" .,- "), "");
}

TEST(TitleMatcher, FindsALevelByItsTitleOrDetailTitle) {
  const model::Ladder ladder = titled_ladder();
  const TitleMatcher titles(ladder);
  EXPECT_THAT(titles.match("software engineer ii", nullptr).levels, ElementsAre("swe-2"));
  EXPECT_THAT(titles.match("Software Engineer", nullptr).levels, ElementsAre("swe-1", "swe-2"));
  EXPECT_THAT(titles.match("Tech Lead", nullptr).levels, ElementsAre("swe-3", "mgr-1"));
  EXPECT_THAT(titles.match("Tech Lead", ladder.find_track("mgr")).levels, ElementsAre("mgr-1"));
  EXPECT_TRUE(titles.match("Astronaut", nullptr).levels.empty());
}

TEST(TitleMatcher, TheCompanysMapWinsAndSettlesSharedTitles) {
  const model::Ladder ladder = titled_ladder();
  const auto map =
      read_title_map(table("Title,Level\nSoftware Engineer,SWE-2\nSr SWE,swe-3\n"), ladder);
  ASSERT_TRUE(map) << map.error().front().to_string();
  const TitleMatcher titles(ladder, *map);
  const TitleMatch shared = titles.match("software engineer", nullptr);
  EXPECT_THAT(shared.levels, ElementsAre("swe-2"));
  EXPECT_TRUE(shared.from_map);
  EXPECT_THAT(titles.match("SR. SWE", nullptr).levels, ElementsAre("swe-3"));
  // A mapped title outside the row's track names no level.
  EXPECT_TRUE(titles.match("Sr SWE", ladder.find_track("mgr")).levels.empty());
  // "Did you mean" offers the map's titles as the map writes them.
  EXPECT_NE(std::find(titles.known().begin(), titles.known().end(), "Sr SWE"),
            titles.known().end());
  const auto plan =
      plan_import(ladder, {}, table("Name,Email,Job Title\nAda,ada@x.io,Sr SWEE\n"), {}, {}, *map);
  ASSERT_EQ(plan.errors.size(), 1u);
  EXPECT_THAT(plan.errors[0].hint, HasSubstr("did you mean 'Sr SWE'?"));
}

TEST(TitleMap, ReportsEveryBadRowWithItsPlace) {
  const auto map = read_title_map(table("Job Title,Level ID\n"
                                        "Software Engineer,swe2\n"
                                        "Sr SWE,swe-3\n"
                                        "sr. swe,swe-2\n"
                                        "Principal,\n"),
                                  titled_ladder());
  ASSERT_FALSE(map);
  std::vector<std::string> lines;
  for (const Error& error : map.error()) {
    lines.push_back(
        fmt::format("{}:{} {}: {}", error.where.file, error.where.line, error.code, error.message));
  }
  EXPECT_THAT(lines,
              ElementsAre("people.csv:2 titles.unknown-level: unknown level 'swe2' for the title "
                          "'Software Engineer'",
                          "people.csv:4 titles.duplicate: the title 'sr. swe' is mapped twice "
                          "(also on row 3)",
                          "people.csv:5 titles.empty: the level is empty"));
  EXPECT_EQ(map.error().front().hint, "did you mean 'swe-2'?");
}

TEST(TitleMap, NeedsATitleAndALevelColumn) {
  const auto map = read_title_map(table("Name,Level\nx,swe-1\n"), titled_ladder());
  ASSERT_FALSE(map);
  EXPECT_EQ(map.error().front().code, "titles.missing-columns");
}

TEST(ImportTitles, ARowWithoutALevelTakesItFromItsJobTitle) {
  const auto plan = plan_import(titled_ladder(), {},
                                table("Name,Email,Track,Job Title\n"
                                      "Ada,ada@x.io,,software engineer ii\n"
                                      "Bo,bo@x.io,Manager,Tech Lead\n"));
  ASSERT_TRUE(plan.errors.empty()) << plan.errors.front().message;
  ASSERT_EQ(plan.changes.size(), 2u);
  EXPECT_EQ(plan.changes[0].after.level, "swe-2");
  EXPECT_EQ(plan.changes[1].after.level, "mgr-1");
  EXPECT_EQ(plan.changes[1].after.track, "mgr");
}

TEST(ImportTitles, ALevelWinsOverTheTitleAndUnmatchedTitlesAreProblemsOfTheirRows) {
  const auto plan = plan_import(titled_ladder(), {},
                                table("Name,Email,Level,Job Title\n"
                                      "Ada,ada@x.io,swe-3,Software Engineer I\n"
                                      "Bo,bo@x.io,,Software Engineer\n"
                                      "Cy,cy@x.io,,Sofware Engineer I\n"
                                      "Di,di@x.io,,\n"));
  ASSERT_EQ(plan.errors.size(), 3u);
  EXPECT_EQ(plan.errors[0].row, 3);
  EXPECT_EQ(plan.errors[0].column, "Job Title");
  EXPECT_EQ(plan.errors[0].message,
            "the job title 'Software Engineer' could be swe-1 (Software Engineer I) or swe-2 "
            "(Software Engineer II)");
  EXPECT_EQ(plan.errors[1].row, 4);
  EXPECT_THAT(plan.errors[1].hint, HasSubstr("did you mean 'Software Engineer I'?"));
  EXPECT_EQ(plan.errors[2].row, 5);
  EXPECT_EQ(plan.errors[2].message, "neither a level nor a job title is given");
}

TEST(ImportTitles, AFileNeedsALevelOrAJobTitleColumn) {
  const auto plan = plan_import(titled_ladder(), {}, table("Name,Email\nAda,ada@x.io\n"));
  ASSERT_EQ(plan.errors.size(), 1u);
  EXPECT_THAT(plan.errors[0].message, HasSubstr("no level or job title column"));
  EXPECT_THAT(plan.errors[0].hint, HasSubstr("\"Job Title\""));
}

}  // namespace
}  // namespace rung::people
