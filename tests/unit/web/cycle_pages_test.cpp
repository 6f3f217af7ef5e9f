// The review cycles admin page: the list with each cycle's status, opening a cycle (303 back to
// the list), closing one, and every error re-rendering the page with the service's status,
// what the admin typed, and nothing changed.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::has;
using testing::header;
using testing::PeopleWorld;
using testing::Session;

using Fields = std::vector<std::pair<std::string, std::string>>;

class CyclePages : public ::testing::Test {
 protected:
  std::vector<store::ReviewCycle> cycles() { return *world.store->cycles(); }

  PeopleWorld world;
  Session admin = world.sign_in("admin");
};

TEST_F(CyclePages, TheListShowsEachCycleWithItsStatusAndTheOpenForm) {
  const Response page = world.get("/admin/cycles", &admin);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(has(page, "<td data-label=\"Name\">2026 H2<br>"));
  EXPECT_TRUE(has(page, "<td data-label=\"Dates\">1 Jul 2026 to 31 Dec 2026</td>"));
  EXPECT_TRUE(has(page, "<td data-label=\"Tracks\">All tracks</td>"));
  EXPECT_TRUE(has(page, fmt::format("action=\"/admin/cycles/{}/close\"", world.cycle)));
  EXPECT_TRUE(has(page, "aria-label=\"Close 2026 H2\""));
  EXPECT_TRUE(has(page, "<a href=\"/admin/cycles\" aria-current=\"page\">Review cycles</a>"));
  EXPECT_TRUE(
      has(page, "<input name=\"track\" type=\"checkbox\" value=\"sre\"> Reliability Engineer"));
  EXPECT_TRUE(has(page, "name=\"csrf\" value=\"" + admin.csrf + "\""));
}

TEST_F(CyclePages, OpeningACycleRedirectsToTheList) {
  const Fields form{{"name", "2027 H1"},
                    {"starts", "2027-01-01"},
                    {"ends", "2027-06-30"},
                    {"track", "swe"},
                    {"track", "sre"}};
  const Response opened = world.post("/admin/cycles", &admin, form);
  ASSERT_EQ(opened.status, 303) << opened.body;
  EXPECT_EQ(header(opened, "Location"), "/admin/cycles");
  ASSERT_EQ(cycles().size(), 2U);
  EXPECT_EQ(cycles()[1].name, "2027 H1");
  EXPECT_EQ(cycles()[1].tracks, (std::vector<std::string>{"swe", "sre"}));
  EXPECT_EQ(cycles()[1].status, store::CycleStatus::open);
  const Response page = world.get("/admin/cycles", &admin);
  EXPECT_TRUE(has(page, "<td data-label=\"Tracks\">Software Engineer, Reliability Engineer</td>"));
}

TEST_F(CyclePages, ABadCycleReRendersWhatWasTypedAndChangesNothing) {
  struct Case {
    Fields form;
    std::string message;
  };
  const std::vector<Case> cases{
      {{{"name", ""}, {"starts", "2027-01-01"}, {"ends", "2027-06-30"}}, "needs a name"},
      {{{"name", "<b>Q1</b>"}, {"starts", "2027-06-01"}, {"ends", "2027-01-01"}, {"track", "sre"}},
       "an end date on or after it"},
      {{{"name", "Q2"}, {"starts", "1 May"}, {"ends", "2027-06-30"}}, "(as 2026-07-01)"},
      {{{"name", "Q3"}, {"starts", "2027-07-01"}, {"ends", "2027-09-30"}, {"track", "web<x>"}},
       "web&lt;x&gt;"},
  };
  for (const Case& c : cases) {
    const Response answer = world.post("/admin/cycles", &admin, c.form);
    EXPECT_EQ(answer.status, 422) << c.message;
    EXPECT_TRUE(has(answer, "role=\"alert\"")) << answer.body;
    EXPECT_TRUE(has(answer, c.message)) << answer.body;
    EXPECT_FALSE(has(answer, "<b>Q1</b>"));
    EXPECT_FALSE(has(answer, "web<x>"));
  }
  const Response typed = world.post(
      "/admin/cycles", &admin,
      {{"name", "<b>Q1</b>"}, {"starts", "2027-06-01"}, {"ends", "2027-01-01"}, {"track", "sre"}});
  EXPECT_TRUE(has(typed, "value=\"&lt;b&gt;Q1&lt;/b&gt;\""));
  EXPECT_TRUE(has(typed, "value=\"2027-06-01\""));
  EXPECT_TRUE(has(typed, "value=\"sre\" checked> Reliability Engineer"));
  EXPECT_TRUE(has(typed, "value=\"swe\"> Software Engineer"));
  EXPECT_EQ(cycles().size(), 1U);
}

TEST_F(CyclePages, ClosingACycleMarksItClosed) {
  const Response closed = world.post(fmt::format("/admin/cycles/{}/close", world.cycle), &admin);
  ASSERT_EQ(closed.status, 303) << closed.body;
  EXPECT_EQ(header(closed, "Location"), "/admin/cycles");
  EXPECT_EQ(cycles()[0].status, store::CycleStatus::closed);
  const Response page = world.get("/admin/cycles", &admin);
  EXPECT_FALSE(has(page, "aria-label=\"Close 2026 H2\""));
  EXPECT_TRUE(has(page, "closed"));
  EXPECT_EQ(world.post(fmt::format("/admin/cycles/{}/close", world.cycle), &admin).status, 303)
      << "closing a closed cycle changes nothing";
}

TEST_F(CyclePages, ClosingAnUnknownCycleAnswers404AndChangesNothing) {
  const Response missing = world.post("/admin/cycles/999/close", &admin);
  EXPECT_EQ(missing.status, 404);
  EXPECT_TRUE(has(missing, "role=\"alert\""));
  EXPECT_EQ(world.post("/admin/cycles/abc/close", &admin).status, 404);
  EXPECT_EQ(cycles()[0].status, store::CycleStatus::open);
}

}  // namespace
}  // namespace rung::web
