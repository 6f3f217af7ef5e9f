#include "rung/importer/text_fields.hpp"

#include <gtest/gtest.h>

namespace rung::importer {
namespace {

TEST(TrackHeader, ReadsAFamilyAndAnOptionalName) {
  auto bare = parse_track_header("Manager Track");
  ASSERT_TRUE(bare.has_value());
  EXPECT_EQ(bare->family, "Manager Track");
  EXPECT_EQ(bare->name, "");
  auto named = parse_track_header("Individual Contributor Track - Software Engineer");
  ASSERT_TRUE(named.has_value());
  EXPECT_EQ(named->family, "Individual Contributor Track");
  EXPECT_EQ(named->name, "Software Engineer");
  auto en_dash = parse_track_header("Expert track \xE2\x80\x93 Data Scientist");
  ASSERT_TRUE(en_dash.has_value());
  EXPECT_EQ(en_dash->name, "Data Scientist");
}

TEST(TrackHeader, RejectsLinesThatDoNotEndInTheWordTrack) {
  EXPECT_FALSE(parse_track_header("Software Engineer"));
  EXPECT_FALSE(parse_track_header("Racetrack"));
  EXPECT_FALSE(parse_track_header("Track record - good"));
  EXPECT_FALSE(parse_track_header("Manager Track -"));
}

TEST(FamilyOf, ManagerWordsMakeAManagerTrack) {
  EXPECT_EQ(family_of("Manager Track"), model::Family::manager);
  EXPECT_EQ(family_of("Engineering Management Track"), model::Family::manager);
  EXPECT_EQ(family_of("Individual Contributor Track"), model::Family::individual_contributor);
}

TEST(GeneralLadder, SplitsOrganizationNameAndGrades) {
  auto line = parse_general_ladder("Persado General Ladder 2 3 4 5 6 7");
  ASSERT_TRUE(line.has_value());
  EXPECT_EQ(line->organization, "Persado");
  EXPECT_EQ(line->name, "Persado General Ladder");
  EXPECT_EQ(line->grades, (std::vector<std::string>{"2", "3", "4", "5", "6", "7"}));
  auto labels = parse_general_ladder("Acme Corp general ladder  L1 L2\tL3");
  ASSERT_TRUE(labels.has_value());
  EXPECT_EQ(labels->organization, "Acme Corp");
  EXPECT_EQ(labels->grades, (std::vector<std::string>{"L1", "L2", "L3"}));
  EXPECT_FALSE(parse_general_ladder("Generally laddered"));
}

TEST(LevelNumbers, ReadsOneNumberOrASharedBlock) {
  EXPECT_EQ(parse_level_numbers("1"), (std::vector<int>{1}));
  EXPECT_EQ(parse_level_numbers("3/4"), (std::vector<int>{3, 4}));
  EXPECT_EQ(parse_level_numbers("3 / 4 / 5"), (std::vector<int>{3, 4, 5}));
  EXPECT_FALSE(parse_level_numbers("Title"));
  EXPECT_FALSE(parse_level_numbers("0"));
  EXPECT_FALSE(parse_level_numbers("4/3"));
  EXPECT_FALSE(parse_level_numbers("3/"));
  EXPECT_FALSE(parse_level_numbers("two"));
}

TEST(Experience, ReadsEveryWritingTheLayoutUses) {
  struct Case {
    std::string_view text;
    int min;
    std::optional<int> max;
  };
  for (const Case& c :
       {Case{"0-3 years", 0, 3}, Case{"8+ years", 8, std::nullopt}, Case{"4+", 4, std::nullopt},
        Case{"15+", 15, std::nullopt},
        Case{"2\xE2\x80\x93"
             "6 years",
             2, 6},
        Case{"10+ yrs", 10, std::nullopt}, Case{"1 - 2 Years", 1, 2}, Case{"3 to 5 years", 3, 5}}) {
    auto experience = parse_experience(c.text);
    ASSERT_TRUE(experience.has_value()) << c.text;
    EXPECT_EQ(experience->min_years, c.min) << c.text;
    EXPECT_EQ(experience->max_years, c.max) << c.text;
  }
}

TEST(Experience, RefusesAmbiguousOrForeignText) {
  for (std::string_view text : {"5 years", "some", "3-", "+3", "3+ decades", "0-3 years!"}) {
    EXPECT_FALSE(parse_experience(text)) << text;
  }
}

TEST(WrittenOn, ReadsDateAuthorAndRole) {
  auto written = parse_written_on("Written on December 17, 2019 by Yoni Baciu, VP Engineering");
  ASSERT_TRUE(written.has_value()) << written.error();
  EXPECT_EQ(written->date, "2019-12-17");
  ASSERT_TRUE(written->author.has_value());
  EXPECT_EQ(written->author->name, "Yoni Baciu");
  EXPECT_EQ(written->author->role, "VP Engineering");
}

TEST(WrittenOn, AcceptsOtherDateFormsAndNoAuthor) {
  EXPECT_EQ(parse_written_on("Written on 3 Feb 2021")->date, "2021-02-03");
  EXPECT_EQ(parse_written_on("written on 2020-02-29 by Ann")->date, "2020-02-29");
  EXPECT_EQ(parse_written_on("Written on 2020-02-29 by Ann")->author->role, "");
  EXPECT_FALSE(parse_written_on("Written on Sept 1 2022")->author.has_value());
}

TEST(WrittenOn, SaysWhatDateItExpected) {
  EXPECT_EQ(parse_written_on("Written on February 30, 2019 by X").error(),
            "expected a date such as 'December 17, 2019' after 'Written on', found "
            "'February 30, 2019'");
  EXPECT_EQ(parse_written_on("Written on 2019-12-17 by , CTO").error(),
            "expected the author's name after 'by'");
}

TEST(Keywords, IgnoreCaseAndATrailingColon) {
  EXPECT_TRUE(is_keyword("Level", "Level"));
  EXPECT_TRUE(is_keyword("TITLE:", "Title"));
  EXPECT_FALSE(is_keyword("Level 1", "Level"));
  EXPECT_TRUE(is_table_header("Level / Title / Experience Role and Competencies"));
  EXPECT_TRUE(is_table_header("level/title"));
  EXPECT_FALSE(is_table_header("Level"));
}

}  // namespace
}  // namespace rung::importer
