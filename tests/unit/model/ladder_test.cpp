#include "rung/model/ladder.hpp"

#include <gtest/gtest.h>

#include "rung/model/defaults.hpp"
#include "rung/model/validate.hpp"

namespace rung::model {
namespace {

Statement statement(std::string id, std::string text) {
  return Statement{std::move(id), std::move(text), {}, {}};
}

// A small two-track ladder: swe-1, swe-2 and a manager track whose level 2 shares level 1.
LadderData small_ladder() {
  LadderData data;
  data.meta.name = "Test Ladder";
  data.general = {"General", {"1", "2", "3"}};
  data.areas = {{"role", "Role", {}}, {"craft", "Craft", {}}};
  data.scale = default_scale();
  data.readiness = default_readiness();
  Track swe{"swe", "Software Engineer", Family::individual_contributor, {}, {}};
  Level swe1;
  swe1.id = "swe-1";
  swe1.number = 1;
  swe1.title = "Engineer I";
  swe1.grade = "1";
  swe1.areas = {{"role", {statement("swe-1-role-1", "You build features.")}, {}},
                {"craft", {statement("swe-1-craft-1", "You write tests.")}, {}}};
  Level swe2 = swe1;
  swe2.id = "swe-2";
  swe2.number = 2;
  swe2.title = "Engineer II";
  swe2.grade = "2";
  swe2.areas = {{"role", {statement("swe-2-role-1", "You lead features.")}, {}}};
  swe.levels = {swe1, swe2};
  Track mgr{"mgr", "Management", Family::manager, {}, {}};
  Level mgr1;
  mgr1.id = "mgr-1";
  mgr1.number = 1;
  mgr1.title = "Director";
  mgr1.grade = "2";
  mgr1.areas = {{"role", {statement("mgr-1-role-1", "You run teams.")}, {}}};
  mgr1.areas[0].statements[0].refs = {"swe-2"};
  Level mgr2;
  mgr2.id = "mgr-2";
  mgr2.number = 2;
  mgr2.title = "VP";
  mgr2.grade = "3";
  mgr2.shares = "mgr-1";
  mgr.levels = {mgr1, mgr2};
  data.tracks = {swe, mgr};
  return data;
}

TEST(Ladder, FindsEveryKindOfElementById) {
  Ladder ladder(small_ladder());
  ASSERT_NE(ladder.find_track("mgr"), nullptr);
  EXPECT_EQ(ladder.find_track("mgr")->name, "Management");
  ASSERT_NE(ladder.find_level("swe-2"), nullptr);
  EXPECT_EQ(ladder.find_level("swe-2")->title, "Engineer II");
  EXPECT_EQ(ladder.find_area("craft")->name, "Craft");
  EXPECT_EQ(ladder.find_statement("swe-1-craft-1")->text, "You write tests.");
  EXPECT_EQ(ladder.level_of_statement("swe-1-craft-1")->id, "swe-1");
  EXPECT_EQ(ladder.track_of("mgr-2")->id, "mgr");
  EXPECT_EQ(ladder.find_level("swe-9"), nullptr);
  EXPECT_EQ(ladder.find_statement("nope"), nullptr);
  EXPECT_EQ(ladder.statement_count(), 4u);
}

TEST(Ladder, SharedLevelUsesTheDescriptionItShares) {
  Ladder ladder(small_ladder());
  auto content = ladder.content_of(*ladder.find_level("mgr-2"));
  ASSERT_EQ(content.size(), 1u);
  EXPECT_EQ(content[0].statements[0].id, "mgr-1-role-1");
}

TEST(Ladder, NextLevelStopsAtTheTopOfTheTrack) {
  Ladder ladder(small_ladder());
  EXPECT_EQ(ladder.next_level("swe-1")->id, "swe-2");
  EXPECT_EQ(ladder.next_level("swe-2"), nullptr);
  EXPECT_EQ(ladder.grade_index("3"), 2u);
  EXPECT_EQ(ladder.grade_index("9"), std::nullopt);
}

TEST(Ladder, CopiesKeepWorkingIndexes) {
  Ladder original(small_ladder());
  Ladder copy = original;
  EXPECT_EQ(copy.find_statement("mgr-1-role-1"),
            &copy.data().tracks[1].levels[0].areas[0].statements[0]);
}

TEST(Validate, AcceptsAValidLadder) {
  EXPECT_TRUE(validate(small_ladder()).empty());
}

std::vector<std::string> codes(const Errors& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) {
    out.push_back(e.code);
  }
  return out;
}

TEST(Validate, ReportsDuplicateIdsWithBothPlaces) {
  LadderData data = small_ladder();
  data.tracks[0].levels[1].areas[0].statements[0].id = "swe-1-role-1";
  data.tracks[0].levels[1].areas[0].statements[0].loc = {40, 9};
  data.tracks[0].levels[0].areas[0].statements[0].loc = {12, 9};
  data.source_file = "l.yaml";
  auto errors = validate(data);
  ASSERT_EQ(codes(errors), std::vector<std::string>{"ladder.duplicate-id"});
  EXPECT_EQ(errors[0].where, (Location{"l.yaml", 40, 9}));
  EXPECT_NE(errors[0].hint.find("line 12"), std::string::npos);
}

TEST(Validate, RefusesAnIdTwoElementsOfDifferentKindsShare) {
  // Issue 15: a second track "swe-2" beside track "swe", whose second level is "swe-2".
  LadderData data = small_ladder();
  data.tracks[1].id = "swe-2";
  data.tracks[1].loc = {30, 9};
  data.tracks[0].levels[1].loc = {20, 9};
  auto errors = validate(data);
  ASSERT_EQ(codes(errors), std::vector<std::string>{"ladder.duplicate-id"});
  EXPECT_EQ(errors[0].message, "track id 'swe-2' is already the id of a level");
  EXPECT_EQ(errors[0].where.line, 30);
  EXPECT_NE(errors[0].hint.find("line 20"), std::string::npos);
  data = small_ladder();
  data.areas[0].id = "swe-1-role-1";  // an area and a statement
  for (auto& track : data.tracks) {
    for (auto& level : track.levels) {
      for (auto& block : level.areas) {
        if (block.area == "role") {
          block.area = "swe-1-role-1";
        }
      }
    }
  }
  errors = validate(data);
  ASSERT_EQ(codes(errors), std::vector<std::string>{"ladder.duplicate-id"});
  EXPECT_EQ(errors[0].message, "statement id 'swe-1-role-1' is already the id of an area");
}

TEST(Validate, ReportsUnknownReferencesWithSuggestions) {
  LadderData data = small_ladder();
  data.tracks[0].levels[0].grade = "7";
  data.tracks[0].levels[0].areas[1].area = "craf";
  data.tracks[1].levels[0].areas[0].statements[0].refs = {"swe-3"};
  auto errors = validate(data);
  EXPECT_EQ(codes(errors), (std::vector<std::string>{"ladder.unknown-grade", "ladder.unknown-area",
                                                     "ladder.unknown-level"}));
  EXPECT_EQ(errors[1].hint, "did you mean 'craft'?");
  EXPECT_EQ(errors[2].hint, "did you mean 'swe-1'?");
}

TEST(Validate, RejectsBadSharingScaleAndExperience) {
  LadderData data = small_ladder();
  data.tracks[1].levels[1].shares = "mgr-9";
  data.scale[2].score = 1;
  data.readiness.met_at = "always";
  data.readiness.share_per_area = 1.5;
  data.tracks[0].levels[0].experience = Experience{5, 2, {}};
  data.tracks[0].id = "SWE";
  auto found = codes(validate(data));
  for (const char* code :
       {"ladder.unknown-level", "ladder.scale-order", "ladder.unknown-scale-point",
        "ladder.bad-share", "ladder.bad-experience", "ladder.bad-id"}) {
    EXPECT_NE(std::find(found.begin(), found.end(), code), found.end()) << code;
  }
}

TEST(IsValidId, AcceptsDashedLowerCaseOnly) {
  EXPECT_TRUE(is_valid_id("swe-2-delivery-4"));
  EXPECT_FALSE(is_valid_id("Swe"));
  EXPECT_FALSE(is_valid_id("a--b"));
  EXPECT_FALSE(is_valid_id("-a"));
  EXPECT_FALSE(is_valid_id(""));
}

}  // namespace
}  // namespace rung::model
