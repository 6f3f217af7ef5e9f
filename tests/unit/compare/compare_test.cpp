#include "rung/compare/compare.hpp"

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "../support/document_ladder.hpp"

namespace rung::compare {
namespace {

class CompareTest : public ::testing::Test {
 protected:
  Comparison compare(std::string_view a, std::string_view b) {
    auto result = compare_levels(m_ladder, m_similarity, a, b);
    EXPECT_TRUE(result) << (result ? "" : result.error().to_string());
    return result ? *result : Comparison{};
  }

  static const AreaComparison* area(const Comparison& comparison, std::string_view id) {
    for (const auto& block : comparison.areas) {
      if (block.id == id) {
        return &block;
      }
    }
    return nullptr;
  }

  // The pair whose B (or, for only_at_a, A) text starts with `prefix`.
  static const StatementPair* pair_for(const AreaComparison& block, std::string_view prefix) {
    for (const auto& pair : block.pairs) {
      const auto& side = pair.b ? pair.b : pair.a;
      if (side->text.starts_with(prefix)) {
        return &pair;
      }
    }
    return nullptr;
  }

  model::Ladder m_ladder = test_data::document_ladder();
  Similarity m_similarity{m_ladder};
};

TEST_F(CompareTest, AFinalFullStopDoesNotMakeAStatementChange) {
  auto result = compare("sre-3", "sre-4");
  const auto* delivery = area(result, "delivery");
  ASSERT_NE(delivery, nullptr);
  const auto* pair = pair_for(*delivery, "You write code that addresses the heart of the matter");
  ASSERT_NE(pair, nullptr);
  EXPECT_EQ(pair->change, Change::unchanged);
  EXPECT_EQ(pair->a->id, "sre-3-delivery-1");
  EXPECT_EQ(pair->b->id, "sre-4-delivery-1");
  EXPECT_DOUBLE_EQ(pair->similarity, 1.0);
  EXPECT_TRUE(pair->words.empty());
}

TEST_F(CompareTest, AnAddedArticleIsARewordingWithTheWordMarked) {
  auto result = compare("swe-1", "sre-1");
  const auto* pair = pair_for(*area(result, "delivery"), "You understand the scope of work");
  ASSERT_NE(pair, nullptr);
  EXPECT_EQ(pair->change, Change::reworded);
  EXPECT_EQ(pair->a->text, "You understand scope of work before taking on tasks.");
  EXPECT_DOUBLE_EQ(pair->similarity, 1.0);
  EXPECT_EQ(pair->words, (std::vector<DiffPiece>{{Edit::same, "You understand "},
                                                 {Edit::added, "the"},
                                                 {Edit::same,
                                                  " scope of work before taking on "
                                                  "tasks."}}));
}

TEST_F(CompareTest, SoftwareEngineerTwoToSenior) {
  auto result = compare("swe-2", "swe-3");
  EXPECT_EQ(result.a.title, "Software Engineer II");
  EXPECT_EQ(result.b.title, "Senior Software Engineer");
  std::vector<std::string> ids;
  for (const auto& block : result.areas) {
    ids.push_back(block.id);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"role", "domain", "delivery", "communication"}));

  const auto* why = pair_for(*area(result, "role"), "You sometimes challenge why");
  ASSERT_NE(why, nullptr);
  EXPECT_EQ(why->change, Change::reworded);
  EXPECT_EQ(why->a->text, "You understand why the things we build are important to the business.");
  const auto* os = pair_for(*area(result, "domain"), "You have a strong understanding");
  EXPECT_EQ(os->change, Change::reworded);
  EXPECT_EQ(os->a->id, "swe-2-domain-3");
  const auto* breaking = pair_for(*area(result, "delivery"), "You break down complex problems");
  EXPECT_EQ(breaking->change, Change::reworded);
  const auto* helping = pair_for(*area(result, "role"), "You enable other engineers");
  EXPECT_EQ(helping->change, Change::new_at_b);
  EXPECT_FALSE(helping->a);
  const auto* mentoring = pair_for(*area(result, "role"), "You help mentor new hires.");
  EXPECT_EQ(mentoring->change, Change::only_at_a);
  EXPECT_FALSE(mentoring->b);

  // 22 statements at swe-2, 22 at swe-3; 4 reworded pairs, nothing word for word.
  EXPECT_EQ(result.counts, (Counts{0, 4, 18, 18}));
}

TEST_F(CompareTest, AcrossTracksAnAreaOnOneSideIsAllNewOrAllOnlyAtA) {
  auto result = compare("swe-3", "mgr-1");
  std::vector<std::string> ids;
  for (const auto& block : result.areas) {
    ids.push_back(block.id);
  }
  EXPECT_EQ(
      ids, (std::vector<std::string>{"role", "domain", "delivery", "communication", "leadership"}));
  const auto* domain = area(result, "domain");
  EXPECT_TRUE(domain->at_a);
  EXPECT_FALSE(domain->at_b);
  ASSERT_EQ(domain->pairs.size(), 5u);
  for (const auto& pair : domain->pairs) {
    EXPECT_EQ(pair.change, Change::only_at_a);
  }
  const auto* leadership = area(result, "leadership");
  EXPECT_FALSE(leadership->at_a);
  ASSERT_EQ(leadership->pairs.size(), 7u);
  for (const auto& pair : leadership->pairs) {
    EXPECT_EQ(pair.change, Change::new_at_b);
  }
  EXPECT_EQ(result.b.track_name, "Manager");
}

TEST_F(CompareTest, ASharedDescriptionIsUnchangedThroughout) {
  auto result = compare("mgr-3", "mgr-4");
  EXPECT_EQ(result.b.shares, "mgr-3");
  EXPECT_EQ(result.counts, (Counts{12, 0, 0, 0}));
  EXPECT_EQ(result.areas[0].pairs[0].b->id, "mgr-3-role-1");
}

TEST_F(CompareTest, EveryStatementOfBothLevelsAppearsExactlyOnce) {
  for (const auto& a : m_ladder.level_ids()) {
    for (const auto& b : m_ladder.level_ids()) {
      auto result = compare(a, b);
      std::multiset<std::string> seen_a;
      std::multiset<std::string> seen_b;
      for (const auto& block : result.areas) {
        for (const auto& pair : block.pairs) {
          if (pair.a) {
            seen_a.insert(pair.a->id);
          }
          if (pair.b) {
            seen_b.insert(pair.b->id);
          }
          EXPECT_EQ(pair.change == Change::reworded, !pair.words.empty());
        }
      }
      std::multiset<std::string> want_a;
      std::multiset<std::string> want_b;
      for (const auto& block : m_ladder.content_of(*m_ladder.find_level(a))) {
        for (const auto& statement : block.statements) {
          want_a.insert(statement.id);
        }
      }
      for (const auto& block : m_ladder.content_of(*m_ladder.find_level(b))) {
        for (const auto& statement : block.statements) {
          want_b.insert(statement.id);
        }
      }
      EXPECT_EQ(seen_a, want_a) << a << " vs " << b;
      EXPECT_EQ(seen_b, want_b) << a << " vs " << b;
      const Counts& c = result.counts;
      EXPECT_EQ(c.unchanged + c.reworded + c.only_at_a, want_a.size());
      EXPECT_EQ(c.unchanged + c.reworded + c.new_at_b, want_b.size());
      if (a == b) {
        EXPECT_EQ(c.unchanged, want_a.size());
      }
    }
  }
}

TEST_F(CompareTest, ToTheNextLevel) {
  auto next = compare_with_next(m_ladder, m_similarity, "swe-2");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->b.id, "swe-3");
  auto top = compare_with_next(m_ladder, m_similarity, "swe-4");
  ASSERT_FALSE(top);
  EXPECT_EQ(top.error().code, "compare.top-of-track");
  EXPECT_EQ(top.error().message,
            "swe-4 (Staff Software Engineer) is the top level of the Software Engineer track; "
            "there is no next level");
}

TEST_F(CompareTest, UnknownLevelsAreListedWithASuggestion) {
  auto result = compare_levels(m_ladder, m_similarity, "swe-2", "sre3");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "ladder.unknown-level");
  EXPECT_EQ(result.error().message,
            "no level 'sre3'; levels are: swe-1, swe-2, swe-3, swe-4, sre-1, sre-2, sre-3, sre-4, "
            "sre-5, mgr-1, mgr-2, mgr-3, mgr-4");
  EXPECT_EQ(result.error().hint, "did you mean 'sre-3'?");
  auto far = compare_levels(m_ladder, m_similarity, "principal", "swe-2");
  ASSERT_FALSE(far);
  EXPECT_EQ(far.error().hint, "");
}

TEST(PairStatements, TakesTheClosestPairFirst) {
  const std::vector<std::string> corpus{"alpha beta gamma", "alpha beta delta", "zeta eta"};
  Similarity similarity(corpus);
  const std::vector<StatementText> a{{"a1", "alpha beta delta"}, {"a2", "alpha beta gamma"}};
  const std::vector<StatementText> b{{"b1", "alpha beta gamma!"}};
  auto pairs = pair_statements(similarity, a, b, 0.3);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].change, Change::unchanged);
  EXPECT_EQ(pairs[0].a->id, "a2");
  EXPECT_EQ(pairs[1].change, Change::only_at_a);
  EXPECT_EQ(pairs[1].a->id, "a1");
  // a1 was close to b1 but lost it to a2; its similarity says how close.
  EXPECT_GT(pairs[1].similarity, 0.3);
  EXPECT_LT(pairs[1].similarity, 1.0);
}

TEST(PairStatements, BelowTheThresholdNothingPairs) {
  const std::vector<std::string> corpus{"alpha beta", "gamma delta"};
  Similarity similarity(corpus);
  const std::vector<StatementText> a{{"a1", "alpha beta"}};
  const std::vector<StatementText> b{{"b1", "alpha delta"}};
  auto strict = pair_statements(similarity, a, b, 0.9);
  ASSERT_EQ(strict.size(), 2u);
  EXPECT_EQ(strict[0].change, Change::new_at_b);
  EXPECT_EQ(strict[1].change, Change::only_at_a);
  auto loose = pair_statements(similarity, a, b, 0.1);
  ASSERT_EQ(loose.size(), 1u);
  EXPECT_EQ(loose[0].change, Change::reworded);
}

}  // namespace
}  // namespace rung::compare
