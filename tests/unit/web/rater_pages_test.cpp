// The rater statistics of a cycle: the admin page (figures in plain words with each manager's
// name and no ids, managers of fewer than four people withheld by name, what the figures
// cannot tell, the empty state leading back to the cycle), its link from the cycles page, and
// /api/v1/cycles/{cycle}/raters (the numbers, as review::Service gives them).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "rung/review/service.hpp"

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::has;
using testing::PeopleWorld;
using testing::Session;

class RaterPages : public ::testing::Test {
 protected:
  void SetUp() override {
    // Mona already rated Ed (people_world.hpp). Four more reports of hers assess themselves
    // and are assessed by her in the cycle; "Zed <Boss>" rates one person only.
    review::Options options;
    options.clock = [this] { return world.now; };
    review::Service service(*world.store, world.app->ladder(), options);
    const auth::Viewer mona = world.viewer_of("mona@example.com");
    const std::vector<std::string> statements{"swe-2-role-1", "swe-2-role-2", "swe-2-domain-1"};
    const std::vector<std::string> scale{"not-yet", "sometimes", "consistently", "role-model"};
    for (int n = 1; n <= 4; ++n) {
      const std::string email = fmt::format("report{}@example.com", n);
      const store::Id id =
          world.add_person(fmt::format("Report {}", n), email, world.mona, "swe-2");
      world.add_account(email, false);
      const auth::Viewer self = world.viewer_of(email);
      std::vector<review::RatingEdit> own;
      std::vector<review::RatingEdit> hers;
      for (std::size_t i = 0; i < statements.size(); ++i) {
        own.push_back({statements[i], scale[(n + i) % 4]});
        hers.push_back({statements[i], scale[(n + 2 * i) % 4]});
      }
      submit(service, self, {id, store::AuthorRole::self, "", world.cycle}, own);
      submit(service, mona, {id, store::AuthorRole::manager, "", world.cycle}, hers);
    }
    zed = world.add_person("Zed <Boss>", "zed@example.com", std::nullopt, "mgr-1");
    const store::Id zoe = world.add_person("Zoe Report", "zoe@example.com", zed, "swe-1");
    world.add_account("zed@example.com", false);
    submit(service, world.viewer_of("zed@example.com"),
           {zoe, store::AuthorRole::manager, "", world.cycle}, {{"swe-1-role-1", "sometimes"}});
  }

  static void submit(review::Service& service, const auth::Viewer& viewer,
                     const review::StartRequest& request,
                     const std::vector<review::RatingEdit>& ratings) {
    auto started = service.start(viewer, request);
    ASSERT_TRUE(started) << started.error().to_string();
    auto saved = service.save_ratings(viewer, started->assessment.id, 1, ratings);
    ASSERT_TRUE(saved) << saved.error().error.to_string();
    ASSERT_TRUE(service.submit(viewer, started->assessment.id, *saved));
  }

  std::string page_url(store::Id cycle) { return fmt::format("/admin/cycles/{}/raters", cycle); }

  PeopleWorld world;
  Session admin = world.sign_in("admin");
  store::Id zed = 0;
};

TEST_F(RaterPages, ThePageTellsEachFigureInWordsWithNames) {
  const Response page = world.get(page_url(world.cycle), &admin);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(has(page, "How managers rated in 2026 H2"));
  EXPECT_TRUE(has(page, "2 managers rated 6 people in 2026 H2 (14 ratings)."));
  EXPECT_TRUE(has(page, fmt::format("<a href=\"/people/{}\">Mona Manager</a>", world.mona)));
  EXPECT_TRUE(has(page, "5 people rated, 13 ratings"));
  // Two managers, one of them rating a single person: too few to tell a habit from chance, or
  // in line; either way a sentence, never a bare number.
  EXPECT_TRUE(has(page, "Against the organisation"));
  EXPECT_TRUE(has(page, "the organisation’s by"));
  EXPECT_TRUE(has(page, "Agreement with their people’s self-assessments"));
  EXPECT_TRUE(has(page, "over 12 shared ratings"));
  EXPECT_TRUE(has(page, "A severe rater and a weaker team look alike."));
  // Zed rated one person: withheld, by name, escaped.
  EXPECT_TRUE(has(page, "Figures withheld"));
  EXPECT_TRUE(has(page, "Zed &lt;Boss&gt; <span class=\"meta\">(1 rated)</span>"));
  EXPECT_FALSE(has(page, "Zed <Boss>"));
  EXPECT_TRUE(has(page, fmt::format("href=\"/admin/cycles#cycle-{}\"", world.cycle)));
  EXPECT_TRUE(has(page, "aria-current=\"page\">Review cycles</a>"));
  // No ids or raw JSON in the text.
  EXPECT_FALSE(has(page, "\"rater\""));
  EXPECT_FALSE(has(page, "kappa_self"));
}

TEST_F(RaterPages, AnEmptyCycleSaysSoAndLeadsBackToIt) {
  review::Service service(*world.store, world.app->ladder());
  const auto opened =
      service.open_cycle(world.viewer_of("admin"),
                         {0, "2027 H1", "2027-01-01", "2027-06-30", {}, store::CycleStatus::open});
  ASSERT_TRUE(opened);
  const Response page = world.get(page_url(opened->id), &admin);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(has(page, "No manager has submitted a manager assessment in 2027 H1 yet"));
  EXPECT_TRUE(
      has(page, fmt::format("<a href=\"/admin/cycles#cycle-{}\">see the cycle</a>", opened->id)));
  EXPECT_FALSE(has(page, "Figures withheld"));
}

TEST_F(RaterPages, AnUnknownCycleIsNotFound) {
  EXPECT_EQ(world.get(page_url(999), &admin).status, 404);
  EXPECT_EQ(world.get("/admin/cycles/x/raters", &admin).status, 404);
  const Response api = world.get("/api/v1/cycles/999/raters", &admin);
  EXPECT_EQ(api.status, 404);
  EXPECT_TRUE(has(api, "review.not-found"));
  EXPECT_EQ(world.get("/api/v1/cycles/x/raters", &admin).status, 404);
}

TEST_F(RaterPages, TheCyclesPageLinksToIt) {
  const Response cycles = world.get("/admin/cycles", &admin);
  EXPECT_TRUE(has(cycles, fmt::format("<tr id=\"cycle-{}\">", world.cycle)));
  EXPECT_TRUE(has(
      cycles, fmt::format("href=\"/admin/cycles/{}/raters\">How managers rated</a>", world.cycle)));
}

TEST_F(RaterPages, TheApiGivesTheNumbersUnderTheirNames) {
  const Response api = world.get(fmt::format("/api/v1/cycles/{}/raters", world.cycle), &admin);
  ASSERT_EQ(api.status, 200) << api.body;
  const Json body = Json::parse(api.payload());
  EXPECT_EQ(body["cycle"], world.cycle);
  EXPECT_EQ(body["scale_size"], 4);
  EXPECT_EQ(body["min_people"], 4);
  ASSERT_EQ(body["by_rater"].size(), 2U);
  const Json& mona = body["by_rater"][0];
  EXPECT_EQ(mona["rater"], world.mona);
  EXPECT_EQ(mona["ratings"], 13);
  EXPECT_EQ(mona["people"], 5);
  EXPECT_EQ(mona["hidden"], false);
  for (const char* field : {"leniency", "leniency_low", "leniency_high", "spread", "halo"}) {
    EXPECT_TRUE(mona[field].is_number()) << field;
  }
  EXPECT_EQ(mona["self_pairs"], 12);
  EXPECT_TRUE(mona["kappa_self"].is_number());
  EXPECT_TRUE(mona["gap_self"].is_number());
  const Json& hidden = body["by_rater"][1];
  EXPECT_EQ(hidden["rater"], zed);
  EXPECT_EQ(hidden["hidden"], true);
  EXPECT_TRUE(hidden["leniency"].is_null());
  // The same as the service's report.
  auto report = world.app->resources().review.raters(world.viewer_of("admin"), world.cycle);
  ASSERT_TRUE(report);
  Json expected{{"cycle", world.cycle}};
  expected.update(review::raters_json(*report));
  EXPECT_EQ(body, expected);
}

}  // namespace
}  // namespace rung::web
