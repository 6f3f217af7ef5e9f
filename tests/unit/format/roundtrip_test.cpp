#include <filesystem>

#include <gtest/gtest.h>

#include "rung/format/ladder_yaml.hpp"
#include "rung/model/validate.hpp"

#include "sample_ladder.hpp"
#include "support/golden.hpp"

namespace rung::format {
namespace {

model::LadderData reload(const std::string& yaml) {
  auto loaded = parse_ladder_yaml(yaml, "roundtrip.yaml");
  if (!loaded) {
    for (const auto& e : loaded.error()) {
      ADD_FAILURE() << e.to_string();
    }
    return {};
  }
  return *loaded;
}

TEST(RoundTrip, TheSampleLadderIsValid) {
  EXPECT_TRUE(model::validate(testing::full_ladder()).empty());
}

TEST(RoundTrip, SaveThenLoadGivesBackTheSameLadder) {
  const model::LadderData original = testing::full_ladder();
  const std::string yaml = to_yaml(original);
  model::LadderData loaded = reload(yaml);
  model::strip_locations(loaded);
  EXPECT_EQ(loaded, original) << yaml;
}

TEST(RoundTrip, SavingIsDeterministicAndStable) {
  const std::string first = to_yaml(testing::full_ladder());
  EXPECT_EQ(to_yaml(testing::full_ladder()), first);
  EXPECT_EQ(to_yaml(reload(first)), first);
}

TEST(RoundTrip, TheCompanyLadderSurvivesSaveAndLoad) {
  auto original = load_ladder_file(test_support::source_root() / "ladders/engineering.yaml");
  ASSERT_TRUE(original);
  model::LadderData loaded = reload(to_yaml(*original));
  model::strip_locations(*original);
  model::strip_locations(loaded);
  EXPECT_EQ(loaded, *original);
}

}  // namespace
}  // namespace rung::format
