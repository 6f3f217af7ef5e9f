// The assessments hub of a person (list, start or resume form), the side-by-side page, and the
// links to them: what each viewer sees, where a start leads, each error of the start form with
// what the user chose kept, divergences flagged in words, the shared summary after both submit.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::has;
using testing::header;
using testing::PeopleWorld;
using testing::Session;

class ReviewPages : public ::testing::Test {
 protected:
  std::string hub() { return fmt::format("/people/{}/assessments", world.ed); }
  std::string page_of(store::Id id) { return fmt::format("{}/{}", hub(), id); }
  std::string side(std::string_view query = "") {
    return fmt::format("/people/{}/side-by-side{}", world.ed, query);
  }

  Response start(const Session& who, std::string role, std::string level, std::string cycle) {
    return world.post(hub(), &who, {{"role", role}, {"level", level}, {"cycle", cycle}});
  }

  std::size_t assessments_of_ed() { return world.store->assessments_of(world.ed)->size(); }

  PeopleWorld world;
  Session ed = world.sign_in("ed@example.com");
  Session mona = world.sign_in("mona@example.com");
};

TEST_F(ReviewPages, TheHubListsWhatTheViewerMaySeeAndHidesOthersDrafts) {
  const Response mine = world.get(hub(), &ed);
  ASSERT_EQ(mine.status, 200);
  EXPECT_TRUE(has(mine, fmt::format("href=\"{}\"", page_of(world.ed_draft))));
  EXPECT_TRUE(has(mine, fmt::format("href=\"{}\"", page_of(world.mona_done))));
  EXPECT_TRUE(has(mine, "2026 H2"));
  EXPECT_TRUE(has(mine, fmt::format("href=\"/people/{}/plans/{}\"", world.ed, world.ed_plan)));
  EXPECT_TRUE(has(mine, fmt::format("href=\"/people/{}/side-by-side\"", world.ed)));
  // The start form: only the role Ed may write, his own level, the open cycle chosen.
  EXPECT_TRUE(has(mine, R"(<input type="hidden" name="role" value="self">)"));
  EXPECT_FALSE(has(mine, R"(value="manager")"));
  EXPECT_TRUE(has(mine, R"(<option value="swe-2" selected>)"));
  EXPECT_TRUE(has(mine, fmt::format(R"(<option value="{}" selected>2026 H2)", world.cycle)));
  const Response theirs = world.get(hub(), &mona);
  ASSERT_EQ(theirs.status, 200);
  EXPECT_FALSE(has(theirs, fmt::format("href=\"{}\"", page_of(world.ed_draft))));
  EXPECT_TRUE(has(theirs, fmt::format("href=\"{}\"", page_of(world.mona_done))));
  EXPECT_TRUE(has(theirs, R"(<input type="hidden" name="role" value="manager">)"));
  const Session nick = world.sign_in("nick@example.com");
  EXPECT_EQ(world.get(hub(), &nick).status, 404);
}

TEST_F(ReviewPages, TheHubHasAProgressSlotOnlyWhenThereIsAChart) {
  // The chart comes from growth_pages.cpp (progress_svg); without one the section is absent.
  const Response page = world.get(hub(), &ed);
  EXPECT_EQ(has(page, "Progress over cycles"), has(page, "<svg"));
}

TEST_F(ReviewPages, StartingLeadsToTheNewDraftAndResumingToTheSameOne) {
  const Response started = start(ed, "self", "swe-3", "");
  ASSERT_EQ(started.status, 303);
  const std::size_t after = assessments_of_ed();
  const std::string location = header(started, "Location");
  EXPECT_TRUE(location.starts_with(hub() + "/")) << location;
  EXPECT_EQ(world.get(location, &ed).status, 200);
  const Response resumed = start(ed, "self", "swe-2", "");
  ASSERT_EQ(resumed.status, 303);
  EXPECT_EQ(header(resumed, "Location"), page_of(world.ed_draft));
  EXPECT_EQ(assessments_of_ed(), after);
  const Response in_cycle = start(mona, "manager", "swe-2", std::to_string(world.cycle));
  EXPECT_EQ(in_cycle.status, 303);
}

TEST_F(ReviewPages, EachStartErrorIsShownWithTheChoicesKeptAndNothingStarted) {
  struct Case {
    const Session* who;
    std::string role, level, cycle;
    int status;
    std::string says;
  };
  const std::vector<Case> cases{
      {&ed, "nobody", "swe-3", "", 422, "Choose who writes the assessment."},
      {&ed, "self", "swe-3", "first", 422, "Choose an open cycle or none."},
      {&ed, "self", "swe-3", "999", 404, "999"},
      {&ed, "manager", "swe-3", "", 403, "error-message"},
      {&mona, "self", "swe-3", "", 403, "error-message"},
  };
  const std::size_t before = assessments_of_ed();
  for (const Case& c : cases) {
    const Response answer = start(*c.who, c.role, c.level, c.cycle);
    EXPECT_EQ(answer.status, c.status) << c.role << " " << c.cycle;
    EXPECT_TRUE(has(answer, c.says)) << c.role << " " << c.cycle;
    EXPECT_TRUE(has(answer, R"(<option value="swe-3" selected>)")) << c.role << " " << c.cycle;
  }
  const Response level = start(ed, "self", "swe-99", "");
  EXPECT_EQ(level.status, 404);
  EXPECT_TRUE(has(level, "swe-99"));
  EXPECT_EQ(assessments_of_ed(), before);
}

TEST_F(ReviewPages, TheStartFormNeedsItsCsrfToken) {
  const std::size_t before = assessments_of_ed();
  EXPECT_EQ(world.post(hub(), &ed, {{"role", "self"}, {"level", "swe-3"}}, false).status, 403);
  EXPECT_EQ(assessments_of_ed(), before);
}

TEST_F(ReviewPages, SideBySideShowsBothRatingsWithoutASummaryWhileADraftIsShown) {
  const Response page = world.get(side(), &ed);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "Side by side: Software Engineer II"));
  EXPECT_TRUE(has(page, "Consistently"));  // Mona's rating of swe-2-role-1
  EXPECT_TRUE(has(page,
                  "The shared summary and the agreed ratings appear once both assessments "
                  "are submitted."));
  EXPECT_FALSE(has(page, "Shared summary</h2>"));
  EXPECT_FALSE(has(page, "Flagged:"));
  EXPECT_EQ(world.get(side("?level=swe-99"), &ed).status, 404);
  EXPECT_EQ(world.get(side("?level=swe-3"), &ed).status, 200);
}

TEST_F(ReviewPages, ADivergenceOfTwoStepsIsFlaggedInWordsAndTheSummaryShowsAfterBothSubmit) {
  // Mona rated swe-2-role-1 "consistently"; Ed rates it "not-yet": two steps apart.
  ASSERT_EQ(world
                .post(page_of(world.ed_draft), &ed,
                      {{"version", "1"}, {"rating.swe-2-role-1", "not-yet"}})
                .status,
            303);
  ASSERT_EQ(world.post(page_of(world.ed_draft) + "/submit", &ed, {{"version", "2"}}).status, 303);
  for (const Session* who : {&ed, &mona}) {
    const Response page = world.get(side(), who);
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(has(page, "Flagged: 2 steps apart"));
    EXPECT_TRUE(has(page, R"(<tr class="flagged">)"));
    EXPECT_TRUE(has(page, "Shared summary</h2>"));
    EXPECT_TRUE(has(page, "<dt>Flagged topics</dt><dd>1 (0 with an agreed rating)</dd>"));
    EXPECT_TRUE(has(page, "<dt>2 or more steps apart</dt><dd>1</dd>"));
    EXPECT_TRUE(has(page, "<dt>One step apart</dt><dd>0</dd>"));
    EXPECT_TRUE(has(page, "Agenda for the conversation</h2>"));
  }
}

// Issue 13, item 4: the manager rates seeing the person's submitted ratings and evidence, and
// side by side is the agenda of their conversation, where the manager records what was agreed.
class ConversationPages : public ReviewPages {
 protected:
  // Ed rates swe-2-role-1 "sometimes" (one step below Mona's "consistently", across "meets")
  // with evidence, and submits.
  void ed_submits() {
    ASSERT_EQ(world
                  .post(page_of(world.ed_draft), &ed,
                        {{"version", "1"}, {"rating.swe-2-role-1", "sometimes"}})
                  .status,
              303);
    ASSERT_EQ(world
                  .post(page_of(world.ed_draft) + "/evidence", &ed,
                        {{"version", "2"},
                         {"statement", "swe-2-role-1"},
                         {"text", "Ran the <b>on-call</b> rota"}})
                  .status,
              303);
    ASSERT_EQ(world.post(page_of(world.ed_draft) + "/submit", &ed, {{"version", "3"}}).status, 303);
  }

  Response agree(const Session& who, std::string scale, std::string note) {
    return world.post(side("/agree"), &who,
                      {{"self", std::to_string(world.ed_draft)},
                       {"manager", std::to_string(world.mona_done)},
                       {"level", "swe-2"},
                       {"statement", "swe-2-role-1"},
                       {"scale", scale},
                       {"note", note}});
  }

  std::size_t audit_entries() {
    store::AuditQuery every;
    every.limit = 100000;
    return world.store->audit(every)->size();
  }
};

TEST_F(ConversationPages, TheManagersFormShowsTheSubmittedSelfRatingAndEvidence) {
  const Response draft = world.post(hub(), &mona, {{"role", "manager"}, {"level", "swe-2"}});
  ASSERT_EQ(draft.status, 303);
  const std::string form = header(draft, "Location");
  EXPECT_FALSE(has(world.get(form, &mona), "Self-rated:"));  // Ed has not submitted
  ed_submits();
  const Response page = world.get(form, &mona);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "Self-rated: <strong>Sometimes</strong>"));
  EXPECT_TRUE(has(page, "Ran the &lt;b&gt;on-call&lt;/b&gt; rota"));
  EXPECT_TRUE(has(page, "Under each statement: Ed Engineer's own rating and evidence"));
  // Ed's own self-assessment does not show itself beside.
  EXPECT_FALSE(has(world.get(page_of(world.ed_draft), &ed), "Self-rated:"));
}

TEST_F(ConversationPages, SideBySideIsTheAgendaAndTheManagerRecordsWhatWasAgreed) {
  ed_submits();
  const Response before = world.get(side(), &mona);
  ASSERT_EQ(before.status, 200);
  EXPECT_TRUE(has(before, "Flagged: one meets, the other does not"));
  EXPECT_TRUE(has(before, "Ran the &lt;b&gt;on-call&lt;/b&gt; rota"));
  EXPECT_TRUE(
      has(before, R"(action="/people/)" + std::to_string(world.ed) + R"(/side-by-side/agree")"));
  // Ed sees the agenda but records nothing.
  EXPECT_FALSE(has(world.get(side(), &ed), "side-by-side/agree"));

  const std::size_t audit_before = audit_entries();
  EXPECT_EQ(agree(ed, "consistently", "mine?").status, 403);
  EXPECT_EQ(agree(mona, "great", "").status, 422);
  EXPECT_EQ(audit_entries(), audit_before);
  const Response recorded = agree(mona, "consistently", "Owns the rota <now>");
  ASSERT_EQ(recorded.status, 303);
  EXPECT_EQ(header(recorded, "Location"), side("?level=swe-2#t-swe-2-role-1"));
  EXPECT_EQ(audit_entries(), audit_before + 1);
  for (const Session* who : {&ed, &mona}) {
    const Response page = world.get(side(), who);
    EXPECT_TRUE(
        has(page, "Agreed: <strong>Consistently</strong> · Note: Owns the rota &lt;now&gt;"));
    EXPECT_TRUE(has(page, "<dt>Flagged topics</dt><dd>1 (1 with an agreed rating)</dd>"));
  }
}

TEST_F(ReviewPages, ThePersonPageAndTheNavigationLinkTheHub) {
  const Response person = world.get(fmt::format("/people/{}", world.ed), &ed);
  EXPECT_TRUE(has(person, fmt::format("href=\"{}\">Assessments of Ed Engineer", hub())));
  // The header links every viewer's own hub through /me/assessments (no id in a page that the
  // response cache may share), which leads to it.
  EXPECT_TRUE(has(person, "<a href=\"/me/assessments\">Assessments</a>"));
  EXPECT_EQ(header(world.get("/me/assessments", &ed), "Location"), hub());
  const Response current = world.get(hub(), &ed);
  EXPECT_TRUE(has(current, "<a href=\"/me/assessments\" aria-current=\"page\">Assessments</a>"));
  // An admin without a person has no hub of their own.
  const Session admin = world.sign_in("admin");
  EXPECT_FALSE(has(world.get("/people", &admin), ">Assessments</a>"));
}

TEST_F(ReviewPages, TheScriptIsServed) {
  const Response script = world.get("/static/assess.js", &ed);
  EXPECT_EQ(script.status, 200);
  EXPECT_TRUE(header(script, "Content-Type").starts_with("text/javascript") ||
              header(script, "Content-Type").starts_with("application/javascript"))
      << header(script, "Content-Type");
  EXPECT_TRUE(has(script, "X-CSRF-Token"));
}

}  // namespace
}  // namespace rung::web
