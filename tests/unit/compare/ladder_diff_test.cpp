#include "rung/compare/ladder_diff.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rung/compare/ladder_diff_report.hpp"
#include "rung/core/json.hpp"

#include "../support/document_ladder.hpp"

namespace rung::compare {
namespace {

model::Level& level_in(model::LadderData& data, std::string_view id) {
  for (auto& track : data.tracks) {
    for (auto& level : track.levels) {
      if (level.id == id) {
        return level;
      }
    }
  }
  throw std::runtime_error("no level " + std::string(id));
}

std::vector<model::Statement>& area_in(model::Level& level, std::string_view area) {
  for (auto& block : level.areas) {
    if (block.area == area) {
      return block.statements;
    }
  }
  level.areas.push_back({std::string(area), {}, {}});
  return level.areas.back().statements;
}

// Takes the statement out of wherever it is and returns it.
model::Statement take(model::LadderData& data, std::string_view id) {
  for (auto& track : data.tracks) {
    for (auto& level : track.levels) {
      for (auto& block : level.areas) {
        auto& list = block.statements;
        auto found = std::find_if(list.begin(), list.end(),
                                  [&](const model::Statement& s) { return s.id == id; });
        if (found != list.end()) {
          model::Statement statement = *found;
          list.erase(found);
          return statement;
        }
      }
    }
  }
  throw std::runtime_error("no statement " + std::string(id));
}

const StatementChange* change_of(const LadderDiff& diff, std::string_view text) {
  for (const auto& change : diff.statements) {
    const auto& side = change.after ? change.after : change.before;
    if (side->text == text) {
      return &change;
    }
  }
  return nullptr;
}

std::size_t statements_in(const model::Ladder& ladder) {
  std::size_t n = 0;
  for (const auto& track : ladder.tracks()) {
    for (const auto& level : track.levels) {
      for (const auto& block : level.areas) {
        n += block.statements.size();
      }
    }
  }
  return n;
}

class LadderDiffTest : public ::testing::Test {
 protected:
  LadderDiff diff() { return diff_ladders(m_before, model::Ladder(m_after)); }

  model::Ladder m_before = test_data::document_ladder();
  model::LadderData m_after = test_data::document_ladder().data();
};

TEST_F(LadderDiffTest, TheSameLadderKeepsEveryStatementAndLevel) {
  const LadderDiff same = diff();
  EXPECT_TRUE(same.unchanged());
  EXPECT_EQ(same.counts, (FateCounts{statements_in(m_before), 0, 0, 0, 0}));
  EXPECT_TRUE(std::all_of(same.levels.begin(), same.levels.end(),
                          [](const LevelChange& level) { return level.fate == LevelFate::kept; }));
}

TEST_F(LadderDiffTest, AStatementWithNewWordsAtItsPlaceIsReworded) {
  area_in(level_in(m_after, "swe-1"), "delivery")[3].text =
      "You write clean, readable and well-tested code.";
  const LadderDiff result = diff();
  const StatementChange* change =
      change_of(result, "You write clean, readable and well-tested code.");
  ASSERT_NE(change, nullptr);
  EXPECT_EQ(change->fate, Fate::reworded);
  EXPECT_EQ(change->before->text, "You write clean and readable code.");
  EXPECT_EQ(change->before->id, change->after->id);
  EXPECT_FALSE(change->words.empty());
  EXPECT_GT(change->similarity, k_default_threshold);
  EXPECT_EQ(result.counts.reworded, 1u);
  EXPECT_EQ(result.counts.kept, statements_in(m_before) - 1);
  EXPECT_FALSE(result.unchanged());
}

TEST_F(LadderDiffTest, AStatementThatChangedAreaOrLevelMoved) {
  model::Statement bugs = take(m_after, "swe-1-role-2");
  bugs.id = "swe-1-delivery-99";
  area_in(level_in(m_after, "swe-1"), "delivery").push_back(bugs);
  model::Statement os = take(m_after, "swe-1-domain-4");
  os.id = "swe-2-domain-99";
  area_in(level_in(m_after, "swe-2"), "domain").push_back(os);
  const LadderDiff result = diff();

  const StatementChange* to_area = change_of(result, bugs.text);
  ASSERT_NE(to_area, nullptr);
  EXPECT_EQ(to_area->fate, Fate::moved);
  EXPECT_EQ(to_area->before->area, "role");
  EXPECT_EQ(to_area->after->area, "delivery");
  EXPECT_EQ(to_area->after->level, "swe-1");

  const StatementChange* to_level = change_of(result, os.text);
  ASSERT_NE(to_level, nullptr);
  EXPECT_EQ(to_level->fate, Fate::moved);
  EXPECT_EQ(to_level->before->level, "swe-1");
  EXPECT_EQ(to_level->after->level, "swe-2");
  EXPECT_EQ(to_level->after->id, "swe-2-domain-99");
  EXPECT_TRUE(to_level->words.empty());  // the same words
  EXPECT_EQ(result.counts.moved, 2u);
  EXPECT_EQ(result.counts.added + result.counts.dropped + result.counts.reworded, 0u);
  // A move is listed under the level it moved to.
  EXPECT_EQ(level_of(*to_level), "swe-2");
}

TEST_F(LadderDiffTest, ALooseLikenessAcrossLevelsIsNotAMove) {
  // Dropped at swe-1, and at swe-2 a new statement about the same subject in other words: the
  // pair would pass the threshold inside a level, not the stricter bar across levels.
  take(m_after, "swe-1-domain-4");
  area_in(level_in(m_after, "swe-2"), "domain")
      .push_back(
          {"swe-2-domain-99", "You understand the infrastructure your services run on.", {}, {}});
  const LadderDiff result = diff();
  const StatementChange* added =
      change_of(result, "You understand the infrastructure your services run on.");
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->fate, Fate::added);
  const StatementChange* dropped = change_of(
      result, "You begin to understand the underlying OS and infrastructure your code runs on.");
  ASSERT_NE(dropped, nullptr);
  EXPECT_EQ(dropped->fate, Fate::dropped);
  EXPECT_EQ(level_of(*dropped), "swe-1");

  // The same two statements within one level do pair: the likeness passes the threshold.
  model::LadderData same_level = test_data::document_ladder().data();
  area_in(level_in(same_level, "swe-1"), "domain")[3].text =
      "You understand the infrastructure your services run on.";
  const LadderDiff within = diff_ladders(m_before, model::Ladder(same_level));
  const StatementChange* reworded =
      change_of(within, "You understand the infrastructure your services run on.");
  ASSERT_NE(reworded, nullptr);
  EXPECT_EQ(reworded->fate, Fate::reworded);
  EXPECT_LT(reworded->similarity, k_move_threshold);
}

TEST_F(LadderDiffTest, LevelsAddedRemovedAndRenamed) {
  level_in(m_after, "swe-3").title = "Senior Engineer";
  auto& swe = m_after.tracks.front().levels;
  model::Level top = swe.back();  // swe-4 goes away; swe-5 arrives with one statement
  swe.pop_back();
  model::Level five;
  five.id = "swe-5";
  five.title = "Principal Engineer";
  five.areas.push_back(
      {"role", {{"swe-5-role-1", "You set technical direction across teams.", {}, {}}}, {}});
  swe.push_back(five);
  const LadderDiff result = diff();

  std::map<std::string, LevelFate> fates;
  for (const auto& level : result.levels) {
    fates[level.id] = level.fate;
  }
  EXPECT_EQ(fates.at("swe-3"), LevelFate::renamed);
  EXPECT_EQ(fates.at("swe-4"), LevelFate::removed);
  EXPECT_EQ(fates.at("swe-5"), LevelFate::added);
  EXPECT_EQ(fates.at("swe-2"), LevelFate::kept);
  EXPECT_EQ(result.levels.back().id, "swe-4");  // removed levels come last
  EXPECT_EQ(result.levels.back().old_title, top.title);

  std::size_t top_statements = 0;
  for (const auto& block : top.areas) {
    top_statements += block.statements.size();
  }
  EXPECT_EQ(result.counts.dropped, top_statements);
  EXPECT_EQ(result.counts.added, 1u);
  // The removed level's statements are listed last.
  EXPECT_EQ(level_of(result.statements.back()), "swe-4");
}

TEST_F(LadderDiffTest, MarkdownEscapesTheLaddersTextAndJsonListsEveryStatement) {
  area_in(level_in(m_after, "swe-2"), "communication")
      .push_back({"swe-2-communication-99", "You <script> write *docs* | review [them]", {}, {}});
  const LadderDiff result = diff();
  const std::string markdown = render_diff_markdown(result);
  EXPECT_NE(markdown.find("\\<script>"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("\\*docs\\*"), std::string::npos) << markdown;
  EXPECT_EQ(markdown.find("<script>"), markdown.find("\\<script>") + 1) << markdown;
  const Json json = Json::parse(render_diff_json(result));
  EXPECT_EQ(json["statements"].size(), statements_in(m_before) + 1);
  EXPECT_EQ(json["summary"]["new"], 1);
  EXPECT_EQ(json["summary"]["kept"], statements_in(m_before));
}

}  // namespace
}  // namespace rung::compare
