// Issue 13, items 10 and 11: My page (/me) knows who you are (where you stand, what is open,
// what awaits a manager), the cycles page counts who has started and submitted per team, and
// no dead ends: the "My page" link, the overview marking the viewer's level, a signed-in 404
// with the viewer's own menu, the next steps after submitting.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::has;
using testing::header;
using testing::PeopleWorld;
using testing::Session;

class HomePages : public ::testing::Test {
 protected:
  PeopleWorld world;
  Session ed = world.sign_in("ed@example.com");
  Session mona = world.sign_in("mona@example.com");
  Session admin = world.sign_in("admin");
};

TEST_F(HomePages, AnEngineerSeesWhereTheyStandAndWhatIsOpen) {
  const Response page = world.get("/me", &ed);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(header(page, "Cache-Control"), "no-store");
  EXPECT_TRUE(has(page, "<h1>My page</h1>"));
  EXPECT_TRUE(has(page, R"(Your level: <a href="/levels/swe-2">Software Engineer II</a>)"));
  // Mona's submitted assessment of Ed, saying whose ratings the figure comes from.
  EXPECT_TRUE(has(page, "statements met</a>, rated by a manager on "));
  EXPECT_TRUE(has(page, R"(Next: <a href="/levels/swe-3">Senior Software Engineer</a>)"));
  EXPECT_TRUE(has(page, "No submitted assessment against Senior Software Engineer yet."));
  EXPECT_TRUE(has(page, "What Senior Software Engineer adds to your level"));
  // Open: the cycle wants a self-assessment (Ed's draft is outside it), the draft, the plan.
  EXPECT_TRUE(has(page, "The review cycle <strong>2026 H2</strong> (until 2026-12-31)"));
  EXPECT_TRUE(has(page, fmt::format(R"(Your draft: <a href="/people/{}/assessments/{}">)", world.ed,
                                    world.ed_draft)));
  EXPECT_TRUE(has(page, fmt::format(R"(<a href="/people/{}/plans/{}">towards Senior Software)",
                                    world.ed, world.ed_plan)));
  EXPECT_FALSE(has(page, "Waiting for your assessment"));
  EXPECT_TRUE(has(page, R"(<a href="/me" aria-current="page">My page</a>)"));
  EXPECT_EQ(world.get("/me").status, 401);
}

TEST_F(HomePages, AManagerSeesTheReportsWhoWaitForTheirAssessment) {
  world.add_account("ivy@example.com", false);
  const Session ivy = world.sign_in("ivy@example.com");
  const Response started =
      world.post(fmt::format("/people/{}/assessments", world.ivy), &ivy,
                 {{"role", "self"}, {"level", "swe-1"}, {"cycle", std::to_string(world.cycle)}});
  ASSERT_EQ(started.status, 303);
  ASSERT_EQ(world.post(header(started, "Location") + "/submit", &ivy, {{"version", "1"}}).status,
            303);
  const Response page = world.get("/me", &ed);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "Waiting for your assessment"));
  EXPECT_TRUE(has(page, "<strong>Ivy Intern</strong> submitted a self-assessment on "));
  EXPECT_TRUE(has(page, fmt::format(R"(<a href="/people/{}/assessments?level=swe-1#start">Assess)",
                                    world.ivy)));
  // Mona is above Ivy but not her manager: nothing awaits her from Ivy.
  EXPECT_FALSE(has(world.get("/me", &mona), "Ivy Intern"));
}

TEST_F(HomePages, AnAccountWithoutAPersonGetsItsWayOn) {
  const Response page = world.get("/me", &admin);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "not linked to anyone in the people directory"));
  EXPECT_TRUE(has(page, R"(<a href="/admin/cycles">)"));
  // No "My page" link for an account without a person.
  EXPECT_FALSE(has(world.get("/people", &admin), ">My page</a>"));
  EXPECT_TRUE(has(world.get("/people", &ed), R"(<a href="/me">My page</a>)"));
}

TEST_F(HomePages, TheOverviewMarksTheViewersOwnLevel) {
  const Response mine = world.get("/", &ed);
  ASSERT_EQ(mine.status, 200);
  EXPECT_TRUE(has(mine, R"(class="level-chip level-chip--mine" href="/levels/swe-2")"));
  EXPECT_TRUE(has(mine, R"(Your level: <a href="/levels/swe-2">Software Engineer II</a>)"));
  const Session olga = world.sign_in("olga@example.com");
  const Response theirs = world.get("/", &olga);  // cached per shape, which holds the level
  EXPECT_TRUE(has(theirs, R"(class="level-chip level-chip--mine" href="/levels/swe-3")"));
  EXPECT_FALSE(has(theirs, R"(class="level-chip level-chip--mine" href="/levels/swe-2")"));
  EXPECT_FALSE(has(world.get("/", &admin), "level-chip--mine"));
}

TEST_F(HomePages, ASignedInPersonsNotFoundPageKeepsTheirMenu) {
  for (const std::string& target :
       {std::string("/no/such/page"), std::string("/levels/swe-99"), std::string("/people/9999")}) {
    const Response lost = world.get(target, &ed);
    EXPECT_EQ(lost.status, 404) << target;
    EXPECT_TRUE(has(lost, R"(<a href="/me">My page</a>)")) << target;
    EXPECT_TRUE(has(lost, R"(<a href="/me/assessments">Assessments</a>)")) << target;
  }
  EXPECT_FALSE(has(world.get("/no/such/page"), "My page"));
}

TEST_F(HomePages, AfterSubmittingTheAuthorIsOfferedTheNextSteps) {
  const std::string draft = fmt::format("/people/{}/assessments/{}", world.ed, world.ed_draft);
  EXPECT_FALSE(has(world.get(draft, &ed), "Submitted: what next?"));
  ASSERT_EQ(world.post(draft + "/submit", &ed, {{"version", "1"}}).status, 303);
  const Response page = world.get(draft, &ed);
  EXPECT_TRUE(has(page, "Submitted: what next?"));
  EXPECT_TRUE(has(page, "Compare Software Engineer II with Senior Software Engineer</a>"));
  EXPECT_TRUE(has(page, fmt::format(R"(<a href="/people/{}/plans">Start a growth plan towards )"
                                    "Senior Software Engineer</a>",
                                    world.ed)));
  // Only for its author.
  EXPECT_FALSE(has(world.get(draft, &mona), "Submitted: what next?"));
}

TEST_F(HomePages, TheCyclesPageCountsWhoStartedAndSubmittedPerTeam) {
  const Response page = world.get("/admin/cycles", &admin);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "2026 H2: who has started and submitted</h2>"));
  // Ed (Mona's report) has Mona's submitted manager assessment in the cycle; his own draft is
  // outside it.
  EXPECT_TRUE(has(page,
                  "<tr><th scope=\"row\">Reports of Mona Manager</th>"
                  "<td data-label=\"People\">1</td>"
                  "<td data-label=\"Self started\">0 of 1</td>"
                  "<td data-label=\"Self submitted\">0 of 1</td>"
                  "<td data-label=\"Manager started\">1 of 1</td>"
                  "<td data-label=\"Manager submitted\">1 of 1</td></tr>"));
  EXPECT_TRUE(has(page, "Reports of Ed Engineer"));
  EXPECT_TRUE(has(page, "People without a manager"));
}

}  // namespace
}  // namespace rung::web
