#include "rung/export/markdown.hpp"

#include <gtest/gtest.h>

#include "rung/format/markdown_text.hpp"

#include "../format/sample_ladder.hpp"

namespace rung::exports {
namespace {

using format::md_escape;
using format::MdPlace;

class MarkdownExport : public ::testing::Test {
 protected:
  model::Ladder ladder{format::testing::full_ladder()};
  std::string md = to_markdown(ladder, {});

  bool has(std::string_view piece) const { return md.find(piece) != std::string::npos; }
};

TEST_F(MarkdownExport, HasAnAnchorAndAHeadingForEveryLevelAndTrack) {
  for (const model::Track& track : ladder.tracks()) {
    EXPECT_TRUE(has("<a id=\"track-" + track.id + "\"></a>\n\n## " + track.name + "\n"));
    for (const model::Level& level : track.levels) {
      EXPECT_TRUE(has("<a id=\"" + level.id + "\"></a>\n\n### " +
                      md_escape(level.title, MdPlace::heading) + "\n"))
          << level.id;
    }
  }
}

TEST_F(MarkdownExport, ListsEveryStatementEscapedUnderItsArea) {
  for (const model::Track& track : ladder.tracks()) {
    for (const model::Level& level : track.levels) {
      for (const auto& block : level.areas) {
        for (const auto& statement : block.statements) {
          EXPECT_TRUE(has("\n- " + md_escape(statement.text, MdPlace::text))) << statement.id;
        }
      }
    }
  }
  EXPECT_TRUE(
      has("#### Programming / Problem Solving, Delivery\n\n- 2019-12-17 (see "
          "[No](#swe-2), [Director](#mgr-1))\n"));
}

TEST_F(MarkdownExport, ASharingLevelPointsToTheLevelItShares) {
  EXPECT_TRUE(has("Shares the description of [Director](#mgr-1).\n"));
  EXPECT_EQ(md.find("You run teams."), md.rfind("You run teams."));
}

TEST_F(MarkdownExport, TheGridPlacesEachLevelAtItsGrade) {
  EXPECT_TRUE(
      has("### General: ladder\n\n| Grade | [Software Engineer](#track-swe) | "
          "[Manager](#track-mgr) |\n| --- | --- | --- |\n"
          "| 2 | [Software Engineer I](#swe-1) |  |\n| 3 |  |  |\n"
          "| L4 | [No](#swe-2) |  |\n"));
  EXPECT_TRUE(has("| yes |  | [Director](#mgr-1) |\n| 4.5 |  | [VP](#mgr-2) |\n"));
}

TEST_F(MarkdownExport, HasATablePerTrackAndTheCredits) {
  EXPECT_TRUE(
      has("### Software Engineer\n\n| Level | Id | Title | Grade | Experience |\n"
          "| ---: | --- | --- | --- | --- |\n"
          "| 1 | `swe-1` | [Software Engineer I](#swe-1) | 2 | 0-3 years |\n"
          "| 2 | `swe-2` | [No](#swe-2) | L4 | 8+ years |\n"));
  EXPECT_TRUE(
      has("## Credits\n\n- SRE job ladder is based on the SRE job ladder by Dropbox\n"
          "- \\- a leading dash\n- yes\n"));
  EXPECT_TRUE(md.ends_with("- yes\n"));
}

TEST_F(MarkdownExport, IsDeterministic) {
  EXPECT_EQ(to_markdown(ladder, {}), md);
}

}  // namespace
}  // namespace rung::exports
