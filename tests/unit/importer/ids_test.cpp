#include "rung/importer/ids.hpp"

#include <gtest/gtest.h>

#include "rung/importer/title_refs.hpp"

namespace rung::importer {
namespace {

TEST(TrackInitials, TakesTheFirstLetterOfEachWord) {
  EXPECT_EQ(track_initials("Software Engineer"), "se");
  EXPECT_EQ(track_initials("  Site  Reliability   Engineer "), "sre");
  EXPECT_EQ(track_initials("Sr. (Data) 2nd Engineer"), "sd2e");
  EXPECT_EQ(track_initials("\xC3\x9C"), "track");
}

TEST(UniqueId, AddsTheFirstFreeNumber) {
  IdSet taken{"se", "se-2"};
  EXPECT_EQ(unique_id("re", taken), "re");
  EXPECT_EQ(unique_id("se", taken), "se-3");
}

TEST(TrackId, NeverReadsAsALevelIdOfAnotherTrack) {
  // Issue 15: "Sales Engineer" beside "se" got "se-2", which is the id of se's second level.
  EXPECT_EQ(track_id("Software Engineer", {}), "se");
  EXPECT_EQ(track_id("Sales Engineer", {"se"}), "sales");
  EXPECT_EQ(track_id("Sales Engineer", {"se", "sales"}), "sales-engineer");
  EXPECT_EQ(track_id("Sales Engineer", {"se", "sales", "sales-engineer"}), "seb");
  // Initials that would make an existing track read as their level, or that end in a number.
  EXPECT_EQ(track_id("Software Engineer", {"se-2"}), "software");
  EXPECT_EQ(track_id("Sales Engineer 2", {"se2", "sales"}), "sales-engineer");
  EXPECT_EQ(track_id("Tier 2", {}), "t2");  // ends in a digit, but not in "-<number>"
}

TEST(ReadsAsLevelId, NumberedIdsAndTheirBases) {
  EXPECT_TRUE(reads_as_level_id("se-2", {"se"}));
  EXPECT_TRUE(reads_as_level_id("se", {"se-2"}));
  EXPECT_TRUE(reads_as_level_id("t-2", {}));
  EXPECT_FALSE(reads_as_level_id("sales", {"se"}));
  EXPECT_FALSE(reads_as_level_id("se-b", {"se"}));
}

TEST(AreaSlug, UsesTheFirstWordThenLongerPrefixes) {
  IdSet taken;
  EXPECT_EQ(area_slug("Role Highlights", taken), "role");
  EXPECT_EQ(area_slug("Programming / Problem Solving / Delivery", taken), "programming");
  taken = {"technical"};
  EXPECT_EQ(area_slug("Technical Leadership", taken), "technical-leadership");
  taken = {"people", "people-first"};
  EXPECT_EQ(area_slug("People First", taken), "people-first-2");
  EXPECT_EQ(area_slug("/ Craft", {}), "craft");  // a word without letters adds nothing
  EXPECT_EQ(area_slug("\xE2\x80\x94", {}), "area");
}

std::vector<LevelTitle> titles() {
  return {{"swe-1", "Software Engineer I"},
          {"swe-3", "Senior Software Engineer"},
          {"sre-1", "Reliability Engineer I"},
          {"sre-3", "Senior Reliability Engineer I"},
          {"mgr-1", "Engineering Team Lead"}};
}

TEST(TitleRefs, FindsExactTitlesAsWholeWordsIgnoringCase) {
  auto all = titles();
  EXPECT_EQ(find_title_refs("You have the skills of a senior software engineer.", all, "mgr-1"),
            std::vector<std::string>{"swe-3"});
  EXPECT_EQ(find_title_refs("Coach Software Engineer I and Engineering Team Lead hires", all, ""),
            (std::vector<std::string>{"swe-1", "mgr-1"}));
}

TEST(TitleRefs, IgnoresNearMissesPartsOfWordsAndTheOwnLevel) {
  auto all = titles();
  EXPECT_TRUE(find_title_refs("the skills of a Senior Software Developer", all, "").empty());
  EXPECT_TRUE(find_title_refs("mentor Software Engineer Interns", all, "").empty());
  EXPECT_TRUE(find_title_refs("Senior Software Engineers review code", all, "").empty());
  EXPECT_TRUE(find_title_refs("Act as a Senior Software Engineer.", all, "swe-3").empty());
}

TEST(TitleRefs, ATitleInsideALongerMentionedTitleDoesNotCount) {
  auto all = titles();
  EXPECT_EQ(find_title_refs("Pair with a Senior Reliability Engineer I.", all, ""),
            std::vector<std::string>{"sre-3"});
}

}  // namespace
}  // namespace rung::importer
