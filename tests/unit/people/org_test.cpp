#include "rung/people/org.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "people_support.hpp"

namespace rung::people {
namespace {

using store::PersonStatus;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::person;

// 1 (ceo) manages 2 and 3 (who has left); 2 manages 4 and 5; 3 manages 6; 4 manages 7 (left).
std::vector<store::Person> company() {
  return {
      person(7, "G", "g@x.io", 4, "swe-1", PersonStatus::left),
      person(1, "A", "a@x.io", std::nullopt, "mgr-2"),
      person(2, "B", "b@x.io", 1, "mgr-1"),
      person(3, "C", "c@x.io", 1, "mgr-1", PersonStatus::left),
      person(4, "D", "d@x.io", 2, "swe-3"),
      person(5, "E", "e@x.io", 2, "swe-2"),
      person(6, "F", "f@x.io", 3, "swe-1"),
  };
}

TEST(Org, FindsPeopleById) {
  const Org org(company());
  ASSERT_NE(org.find(4), nullptr);
  EXPECT_EQ(org.find(4)->email, "d@x.io");
  EXPECT_EQ(org.find(99), nullptr);
  EXPECT_EQ(org.people().front().id, 1);
}

TEST(Org, ChainGoesUpThroughActiveManagers) {
  const Org org(company());
  EXPECT_THAT(org.chain(4), ElementsAre(2, 1));
  EXPECT_THAT(org.chain(1), IsEmpty());
  EXPECT_THAT(org.chain(99), IsEmpty());
  // 6's manager has left: as far as the org goes, 6 has no manager.
  EXPECT_THAT(org.chain(6), IsEmpty());
  // Someone who left still has their chain (for history pages).
  EXPECT_THAT(org.chain(7), ElementsAre(4, 2, 1));
}

TEST(Org, DirectReportsAreActiveAndOrderedById) {
  const Org org(company());
  EXPECT_THAT(org.direct_reports(1), ElementsAre(2));
  EXPECT_THAT(org.direct_reports(2), ElementsAre(4, 5));
  EXPECT_THAT(org.direct_reports(4), IsEmpty());  // 7 has left
  EXPECT_THAT(org.direct_reports(3), IsEmpty());  // 3 has left: manages no one
}

TEST(Org, AllBelowIsBreadthFirst) {
  const Org org(company());
  EXPECT_THAT(org.all_below(1), ElementsAre(2, 4, 5));
  EXPECT_THAT(org.all_below(5), IsEmpty());
  EXPECT_THAT(org.all_below(99), IsEmpty());
}

TEST(Org, IsAboveIsTransitiveAndStrict) {
  const Org org(company());
  EXPECT_TRUE(org.is_above(1, 4));
  EXPECT_TRUE(org.is_above(2, 5));
  EXPECT_FALSE(org.is_above(4, 2));
  EXPECT_FALSE(org.is_above(4, 4));
  EXPECT_FALSE(org.is_above(5, 4));   // a peer
  EXPECT_FALSE(org.is_above(3, 6));   // left: no longer above anyone
  EXPECT_FALSE(org.is_above(1, 6));   // the chain breaks at the manager who left
  EXPECT_FALSE(org.is_above(1, 99));  // unknown person
}

TEST(Org, CycleInStoredDataEndsTheChain) {
  const Org org({person(1, "A", "a@x.io", 2, "swe-1"), person(2, "B", "b@x.io", 3, "swe-1"),
                 person(3, "C", "c@x.io", 1, "swe-1"), person(4, "D", "d@x.io", 4, "swe-1")});
  // Visiting by id: 1 -> 2 -> 3 -> 1, and the link 3 -> 1 that closes the cycle is cut.
  EXPECT_THAT(org.chain(1), ElementsAre(2, 3));
  EXPECT_THAT(org.chain(3), IsEmpty());
  EXPECT_TRUE(org.is_above(3, 1));
  EXPECT_FALSE(org.is_above(1, 3));
  EXPECT_THAT(org.all_below(3), ElementsAre(2, 1));
  EXPECT_THAT(org.all_below(1), IsEmpty());
  EXPECT_THAT(org.chain(4), IsEmpty());  // their own manager counts as none
}

TEST(Org, DeepChainIsLinear) {
  std::vector<store::Person> people;
  const int depth = 5000;
  for (int i = 1; i <= depth; ++i) {
    people.push_back(person(i, "P", "p" + std::to_string(i) + "@x.io",
                            i == 1 ? std::nullopt : std::optional<store::Id>(i - 1), "swe-1"));
  }
  const Org org(std::move(people));
  EXPECT_TRUE(org.is_above(1, depth));
  EXPECT_EQ(org.chain(depth).size(), static_cast<std::size_t>(depth - 1));
  EXPECT_EQ(org.all_below(1).size(), static_cast<std::size_t>(depth - 1));
}

}  // namespace
}  // namespace rung::people
