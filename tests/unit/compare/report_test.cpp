#include "rung/compare/report.hpp"

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rung::compare {
namespace {

// A comparison written out by hand, so that these tests check rendering only.
Comparison sample() {
  Comparison c;
  c.a = {"swe-1", "Engineer I", "swe", "Software Engineer", ""};
  c.b = {"sre-1", "Reliability Engineer I", "sre", "Reliability Engineer", ""};
  AreaComparison delivery{"delivery", "Delivery", true, true, {}};
  delivery.pairs.push_back({Change::unchanged,
                            StatementText{"swe-1-delivery-1", "You write clean code."},
                            StatementText{"sre-1-delivery-1", "You write clean code"},
                            1.0,
                            {}});
  delivery.pairs.push_back(
      {Change::reworded,
       StatementText{"swe-1-delivery-2", "You understand scope."},
       StatementText{"sre-1-delivery-2", "You understand the scope."},
       0.9996,
       {{Edit::same, "You understand "}, {Edit::added, "the"}, {Edit::same, " scope."}}});
  delivery.pairs.push_back({Change::new_at_b,
                            std::nullopt,
                            StatementText{"sre-1-delivery-3", "You automate toil."},
                            0.12,
                            {}});
  AreaComparison role{"role", "Role", true, false, {}};
  role.pairs.push_back({Change::only_at_a,
                        StatementText{"swe-1-role-1", "You build features."},
                        std::nullopt,
                        0,
                        {}});
  c.areas = {delivery, role};
  c.counts = {1, 1, 1, 1};
  return c;
}

TEST(RenderText, MarksEveryKindOfChange) {
  EXPECT_EQ(render_text(sample()),
            "swe-1 Engineer I (Software Engineer) -> sre-1 Reliability Engineer I (Reliability "
            "Engineer)\n"
            "= unchanged   ~ reworded ([-swe-1 words-] {+sre-1 words+})   + new at sre-1   - only "
            "at swe-1\n"
            "\n"
            "Delivery\n"
            "  = You write clean code\n"
            "  ~ You understand {+the+} scope.  (1.00)\n"
            "  + You automate toil.\n"
            "\n"
            "Role (only at swe-1)\n"
            "  - You build features.\n"
            "\n"
            "swe-1 -> sre-1: 1 unchanged, 1 reworded, 1 new at sre-1, 1 only at swe-1\n");
}

TEST(RenderText, SameTrackLeavesTheTrackOutAndSharingIsSaid) {
  Comparison c;
  c.a = {"mgr-3", "Sr. Director", "mgr", "Manager", ""};
  c.b = {"mgr-4", "VP Engineering", "mgr", "Manager", "mgr-3"};
  const std::string text = render_text(c);
  EXPECT_EQ(text.substr(0, text.find('\n')),
            "mgr-3 Sr. Director -> mgr-4 VP Engineering [shares mgr-3's description]");
  EXPECT_NE(text.find("Neither level has statements."), std::string::npos);
}

TEST(RenderText, ColourOnlyWhenAskedFor) {
  EXPECT_EQ(render_text(sample()).find('\x1b'), std::string::npos);
  const std::string colored = render_text(sample(), {.color = true});
  EXPECT_NE(colored.find("\x1b[32m{+the+}\x1b[0m"), std::string::npos);
  EXPECT_NE(colored.find("\x1b[31m-\x1b[0m You build features."), std::string::npos);
}

TEST(RenderJson, CarriesEveryFieldOfTheComparison) {
  const auto json = nlohmann::json::parse(render_json(sample()));
  EXPECT_EQ(json["a"]["id"], "swe-1");
  EXPECT_EQ(json["b"]["track"]["name"], "Reliability Engineer");
  EXPECT_TRUE(json["b"]["shares"].is_null());
  EXPECT_EQ(json["summary"]["only_at_a"], 1);
  ASSERT_EQ(json["areas"].size(), 2u);
  const auto& delivery = json["areas"][0];
  EXPECT_EQ(delivery["id"], "delivery");
  EXPECT_EQ(delivery["statements"][0]["change"], "unchanged");
  const auto& reworded = delivery["statements"][1];
  EXPECT_EQ(reworded["similarity"], 1.0);
  EXPECT_EQ(reworded["a"]["text"], "You understand scope.");
  EXPECT_EQ(reworded["words"][1], (nlohmann::json{{"op", "added"}, {"text", "the"}}));
  const auto& added = delivery["statements"][2];
  EXPECT_FALSE(added.contains("a"));
  EXPECT_FALSE(added.contains("words"));
  EXPECT_EQ(added["similarity"], 0.12);
  EXPECT_FALSE(json["areas"][1]["at_b"]);
}

}  // namespace
}  // namespace rung::compare
