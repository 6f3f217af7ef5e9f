// App::reload (SIGHUP in `rung serve`) and the ladder's history it feeds (/ladder/history).
#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "rung/store/memory/store.hpp"
#include "rung/web/app.hpp"

#include "web_support.hpp"

namespace rung::web {
namespace {

using testing::fixture_ladder;
using testing::get;
using testing::has;

// The fixture ladder with its second Software Engineer level renamed and labelled 2.0.
model::Ladder renamed_ladder() {
  model::LadderData data = fixture_ladder().data();
  data.meta.version = "2.0";
  data.tracks.at(0).levels.at(1).title = "Software Engineer Two";
  return model::Ladder(std::move(data));
}

// The fixture ladder without its Staff Software Engineer level (swe-4).
model::Ladder ladder_without_swe_4() {
  model::LadderData data = fixture_ladder().data();
  auto& levels = data.tracks.at(0).levels;
  std::erase_if(levels, [](const model::Level& level) { return level.id == "swe-4"; });
  return model::Ladder(std::move(data));
}

class ReloadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = App::create(fixture_ladder(), *store, testing::public_options());
    ASSERT_TRUE(created) << created.error().front().to_string();
    app = std::move(*created);
  }

  std::size_t versions_stored() { return store->frozen_ladders().value().size(); }

  std::unique_ptr<store::Store> store = store::memory::make_store();
  std::unique_ptr<App> app;
};

TEST_F(ReloadTest, TheStartingLadderIsKeptAsTheFirstVersion) {
  EXPECT_EQ(versions_stored(), 1u);
  const Response history = get(*app, "/ladder/history");
  EXPECT_EQ(history.status, 200);
  EXPECT_TRUE(has(history, "The first version this server served."));
  EXPECT_TRUE(has(history, "In use"));
}

TEST_F(ReloadTest, ANewLadderIsServedFromTheNextRequestAndItsPagesAreRenderedAgain) {
  // Rendered and cached under the first ladder.
  ASSERT_TRUE(has(get(*app, "/levels/swe-2"), "Software Engineer II"));
  ASSERT_TRUE(has(get(*app, "/levels/swe-2"), "Software Engineer II"));
  auto report = app->reload(renamed_ladder());
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_NE(report->summary.find("version 2.0"), std::string::npos) << report->summary;
  EXPECT_NE(report->summary.find("1 level added, removed or renamed"), std::string::npos)
      << report->summary;
  const Response level = get(*app, "/levels/swe-2");
  EXPECT_TRUE(has(level, "Software Engineer Two"));
  EXPECT_FALSE(has(level, "Software Engineer II<"));
  EXPECT_EQ(app->ladder().data().meta.version, "2.0");
  EXPECT_EQ(versions_stored(), 2u);
  EXPECT_TRUE(get(*app, "/healthz").payload().find("(version 2.0)") != std::string::npos);
}

TEST_F(ReloadTest, TheHistoryShowsEachVersionWithWhatChangedNewestFirst) {
  ASSERT_TRUE(app->reload(renamed_ladder()));
  const Response page = get(*app, "/ladder/history");
  EXPECT_EQ(page.status, 200);
  const std::string_view html = page.payload();
  const std::size_t newest = html.find("2.0");
  const std::size_t first = html.find("The first version this server served.");
  ASSERT_NE(newest, std::string_view::npos);
  ASSERT_NE(first, std::string_view::npos);
  EXPECT_LT(newest, first);
  EXPECT_TRUE(has(page, "Software Engineer II is now called Software Engineer Two."));

  const Json api = Json::parse(get(*app, "/api/v1/ladder/history").payload());
  ASSERT_EQ(api["versions"].size(), 2u);
  EXPECT_EQ(api["versions"][0]["version"], "2.0");
  EXPECT_EQ(api["versions"][0]["current"], true);
  EXPECT_EQ(api["versions"][0]["changes"]["summary"]["levels_renamed"], 1);
  EXPECT_EQ(api["versions"][1]["current"], false);
  EXPECT_TRUE(api["versions"][1]["changes"].is_null());
}

TEST_F(ReloadTest, ServingAnEarlierVersionAgainAddsNoVersion) {
  ASSERT_TRUE(app->reload(renamed_ladder()));
  ASSERT_TRUE(app->reload(fixture_ladder()));
  EXPECT_EQ(versions_stored(), 2u);
  EXPECT_TRUE(has(get(*app, "/levels/swe-2"), "Software Engineer II"));
}

TEST_F(ReloadTest, ALadderWithoutALevelSomeoneHoldsIsRefusedAndTheCurrentOneStays) {
  ASSERT_TRUE(store->write([](store::Writer& w) -> Result<void> {
    store::Person ada{0, "Ada Lovelace", "ada@example.com", std::nullopt, "swe", "swe-4", "", {}};
    return w.insert_person(ada).map([](store::Id) {});
  }));
  auto refused = app->reload(ladder_without_swe_4());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "serve.missing-levels");
  EXPECT_EQ(versions_stored(), 1u);
  EXPECT_TRUE(has(get(*app, "/levels/swe-4"), "Staff Software Engineer"));
  const std::string health(get(*app, "/healthz").payload());
  EXPECT_TRUE(health.starts_with("ok\n")) << health;
  EXPECT_NE(health.find("last reload: failed"), std::string::npos) << health;
  EXPECT_NE(health.find("Ada Lovelace"), std::string::npos) << health;
}

TEST_F(ReloadTest, AFileThatDoesNotLoadIsReportedUntilAReloadSucceeds) {
  const std::string why = app->reload_failed(
      {Error{"yaml.syntax", "a mapping value is not allowed here", Location{"ladder.yaml", 3, 7}},
       Error{"ladder.unknown-area", "area 'x' is not defined"}});
  EXPECT_EQ(why, "ladder.yaml:3:7: a mapping value is not allowed here; area 'x' is not defined");
  EXPECT_NE(get(*app, "/healthz").payload().find(why), std::string::npos);
  ASSERT_TRUE(app->reload(renamed_ladder()));
  EXPECT_EQ(get(*app, "/healthz").payload().find("failed"), std::string::npos);
}

TEST_F(ReloadTest, RequestsRunningWhileTheLadderIsReloadedAreAllAnswered) {
  std::atomic<bool> done{false};
  std::atomic<int> failures{0};
  std::vector<std::thread> readers;
  for (int i = 0; i < 2; ++i) {
    readers.emplace_back([&] {
      while (!done.load()) {
        for (const char* target : {"/levels/swe-2", "/", "/compare?a=swe-1&b=swe-2",
                                   "/search?q=mentor", "/ladder/history"}) {
          if (get(*app, target).status != 200) {
            failures.fetch_add(1);
          }
        }
      }
    });
  }
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(app->reload(i % 2 == 0 ? renamed_ladder() : fixture_ladder()));
  }
  done.store(true);
  for (auto& reader : readers) {
    reader.join();
  }
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
}  // namespace rung::web
