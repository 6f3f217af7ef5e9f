#include "rung/people/ladder_guard.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "people_support.hpp"

namespace rung::people {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::person;

TEST(LadderGuard, ListsActivePeopleOnLevelsTheLadderLacks) {
  auto moved = person(4, "Di", "di@x.io", std::nullopt, "swe-2");
  moved.track = "mgr";
  const std::vector<store::Person> people{
      person(1, "Ada", "ada@x.io", std::nullopt, "swe-3"),
      person(2, "Bob", "bob@x.io", 1, "swe-4"),
      person(3, "Cy", "cy@x.io", 1, "swe-9", store::PersonStatus::left),
      moved,
  };
  const auto ladder = testing::small_ladder();
  const auto missing = people_on_missing_levels(ladder, people);
  ASSERT_EQ(missing.size(), 2U);
  EXPECT_EQ(missing[0].id, 2);
  EXPECT_EQ(missing[1].id, 4);
  EXPECT_THAT(describe_missing_levels(ladder, missing),
              ElementsAre("Bob <bob@x.io>: level 'swe-4' is not in the ladder",
                          "Di <di@x.io>: level 'swe-2' is not in track 'mgr'"));
}

TEST(LadderGuard, NothingMissingForALadderThatHoldsEveryone) {
  EXPECT_THAT(people_on_missing_levels(testing::small_ladder(),
                                       {person(1, "Ada", "ada@x.io", std::nullopt, "mgr-1")}),
              IsEmpty());
}

}  // namespace
}  // namespace rung::people
