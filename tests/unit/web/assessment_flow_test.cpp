// The assessment as people live it (issue 13, items 1-3), through in-process requests: the
// rating progress and the scale's definitions on the form, the review step before submitting,
// withdrawing a submitted assessment (page and API, each role, a missing reason, twice), the
// start form offering only what the viewer may do with sensible defaults, the next step on an
// empty side by side, and the calls to action on the person's and the level's pages.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::has;
using testing::header;
using testing::PeopleWorld;
using testing::Session;

class AssessmentJourney : public ::testing::Test {
 protected:
  std::string hub(store::Id person) { return fmt::format("/people/{}/assessments", person); }
  std::string page_of(store::Id id) { return fmt::format("{}/{}", hub(world.ed), id); }
  std::string draft() { return page_of(world.ed_draft); }
  std::string done() { return page_of(world.mona_done); }

  store::Assessment stored(store::Id id) { return *world.store->assessment(id).value(); }
  std::size_t audit_entries() {
    store::AuditQuery every;
    every.limit = 100000;
    return world.store->audit(every).value().size();
  }
  Response withdraw_api(const Session& who, store::Id id, std::string body) {
    return world.send_json("POST", fmt::format("/api/v1{}/withdraw", page_of(id)), &who,
                           std::move(body));
  }

  PeopleWorld world;
  Session ed = world.sign_in("ed@example.com");
  Session mona = world.sign_in("mona@example.com");
  Session admin = world.sign_in("admin");
};

TEST_F(AssessmentJourney, TheFormCountsWhatIsRatedAndDefinesTheScale) {
  const Response empty = world.get(draft(), &ed);
  ASSERT_EQ(empty.status, 200);
  // swe-2 has 7 statements; none rated. The count is in the page, right without JavaScript.
  EXPECT_TRUE(
      has(empty, R"(<progress class="assess-progress__bar" id="rated-bar" max="7" value="0")"));
  EXPECT_TRUE(has(empty, "0 of 7 rated</span> · <span class=\"js-save-state\">saved</span>"));
  EXPECT_TRUE(has(empty, "What the ratings mean"));
  EXPECT_TRUE(has(empty, "<dt>Role model</dt><dd>You do this consistently and others learn it"));
  EXPECT_TRUE(has(empty, R"(title="You do this reliably, on your own)"));
  ASSERT_EQ(world.post(draft(), &ed, {{"version", "1"}, {"rating.swe-2-role-1", "not-yet"}}).status,
            303);
  EXPECT_TRUE(has(world.get(draft(), &ed), "1 of 7 rated</span>"));
  // Read-only views have neither the bar nor the legend.
  const Response read = world.get(done(), &ed);
  EXPECT_FALSE(has(read, "rated-bar"));
  EXPECT_FALSE(has(read, "What the ratings mean"));
}

TEST_F(AssessmentJourney, SubmittingGoesThroughAReviewThatListsWhatIsUnrated) {
  // "Review before submitting" saves the form like "Save ratings", then shows the review.
  const Response saved =
      world.post(draft(), &ed,
                 {{"version", "1"}, {"rating.swe-2-role-1", "consistently"}, {"then", "review"}});
  ASSERT_EQ(saved.status, 303);
  EXPECT_EQ(header(saved, "Location"), draft() + "/review");
  EXPECT_EQ(stored(world.ed_draft).version, 2);
  const Response review = world.get(draft() + "/review", &ed);
  ASSERT_EQ(review.status, 200);
  EXPECT_TRUE(has(review, "1 of 7 statements rated"));
  EXPECT_TRUE(has(review, "Not rated yet</h2>"));
  EXPECT_TRUE(
      has(review,
          fmt::format(R"(<a href="{}#s-swe-2-role-2">You help mentor new hires.</a>)", draft())));
  EXPECT_FALSE(has(review, "#s-swe-2-role-1\""));  // rated: not listed
  EXPECT_TRUE(has(review, "Submitting freezes this assessment"));
  EXPECT_TRUE(has(review, fmt::format(R"(<form method="post" action="{}/submit">)", draft())));
  EXPECT_TRUE(has(review, R"(<input type="hidden" name="version" value="2">)"));
  // Nothing to review for anyone but the author of a draft.
  EXPECT_EQ(world.get(draft() + "/review", &mona).status, 403);
  const Response read_only = world.get(draft() + "/review", &admin);
  EXPECT_EQ(read_only.status, 200);
  EXPECT_TRUE(has(read_only, "Only its author can submit it."));
  EXPECT_FALSE(has(read_only, "Submit and freeze"));
  EXPECT_EQ(header(world.get(done() + "/review", &mona), "Location"), done());
  ASSERT_EQ(world.post(draft() + "/submit", &ed, {{"version", "2"}}).status, 303);
  EXPECT_EQ(stored(world.ed_draft).status, store::AssessmentStatus::submitted);
}

TEST_F(AssessmentJourney, ARatedDraftReviewsAsComplete) {
  std::vector<std::pair<std::string, std::string>> all{{"version", "1"}};
  for (const char* id : {"swe-2-role-1", "swe-2-role-2", "swe-2-domain-1", "swe-2-delivery-1",
                         "swe-2-delivery-2", "swe-2-delivery-3", "swe-2-communication-1"}) {
    all.emplace_back(fmt::format("rating.{}", id), "consistently");
  }
  ASSERT_EQ(world.post(draft(), &ed, all).status, 303);
  const Response review = world.get(draft() + "/review", &ed);
  EXPECT_TRUE(has(review, "7 of 7 statements rated"));
  EXPECT_TRUE(has(review, "Every statement is rated"));
  // Submitted, his own level reads as such: self-rated, with the way to the next level.
  ASSERT_EQ(world.post(draft() + "/submit", &ed, {{"version", "2"}}).status, 303);
  const Response page = world.get(draft(), &ed);
  EXPECT_TRUE(has(page, "Meets your current level, self-rated"));
  EXPECT_TRUE(
      has(page,
          fmt::format(
              R"(href="{}?level=swe-3#start">Assess yourself against Senior Software Engineer</a>)",
              hub(world.ed))));
  EXPECT_TRUE(has(
      page, R"(href="/compare?a=swe-2&amp;b=swe-3">See what Senior Software Engineer adds</a>)"));
  EXPECT_FALSE(has(page, "Ready: every area"));
  // His manager reads the same figures in the third person.
  EXPECT_TRUE(has(world.get(draft(), &mona), "Meets Ed Engineer&#39;s current level, self-rated"));
}

TEST_F(AssessmentJourney, ItsAuthorWithdrawsASubmittedAssessmentWithAReason) {
  const Response page = world.get(done(), &mona);
  EXPECT_TRUE(has(page, "Withdraw this assessment"));
  EXPECT_FALSE(has(world.get(done(), &ed), "Withdraw this assessment"));  // not the author
  EXPECT_TRUE(has(world.get(done(), &admin), "Withdraw this assessment"));

  const Session nick = world.sign_in("nick@example.com");
  const store::Assessment before = stored(world.mona_done);
  const std::size_t audit_before = audit_entries();
  // Refused: Ed is not the author, Nick may not see Ed, no reason, a CSRF token missing.
  EXPECT_EQ(world.post(done() + "/withdraw", &ed, {{"reason", "mine?"}}).status, 403);
  EXPECT_EQ(world.post(done() + "/withdraw", &nick, {{"reason", "x"}}).status, 404);
  const Response no_reason = world.post(done() + "/withdraw", &mona, {{"reason", "  "}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(has(no_reason, "Say why the assessment is withdrawn"));
  EXPECT_TRUE(has(no_reason, R"(<details class="withdraw" open>)"));
  EXPECT_EQ(world.post(done() + "/withdraw", &mona, {{"reason", "oops"}}, false).status, 403);
  EXPECT_EQ(stored(world.mona_done), before);
  EXPECT_EQ(audit_entries(), audit_before);

  const Response withdrawn =
      world.post(done() + "/withdraw", &mona, {{"reason", "Rated <the wrong> person"}});
  ASSERT_EQ(withdrawn.status, 303);
  EXPECT_EQ(header(withdrawn, "Location"), done());
  EXPECT_EQ(stored(world.mona_done).status, store::AssessmentStatus::withdrawn);
  EXPECT_EQ(audit_entries(), audit_before + 1);
  for (const Session* who : {&ed, &mona}) {
    const Response now = world.get(done(), who);
    ASSERT_EQ(now.status, 200);
    EXPECT_TRUE(has(now, "<span class=\"badge\">withdrawn</span>"));
    EXPECT_TRUE(has(now, "by Mona Manager: “Rated &lt;the wrong&gt; person”"));
    EXPECT_FALSE(has(now, "Outcome</h2>"));
    EXPECT_FALSE(has(now, "Withdraw this assessment"));
  }
  EXPECT_TRUE(has(world.get(hub(world.ed), &ed), "<td data-label=\"Status\">withdrawn</td>"));
  // Twice: refused, nothing changes.
  const store::Assessment after = stored(world.mona_done);
  EXPECT_EQ(world.post(done() + "/withdraw", &mona, {{"reason", "again"}}).status, 409);
  EXPECT_EQ(world.post(done() + "/withdraw", &admin, {{"reason", "again"}}).status, 409);
  EXPECT_EQ(stored(world.mona_done), after);
  EXPECT_EQ(audit_entries(), audit_before + 1);
  // Side by side no longer shows it; a new manager assessment can be started.
  EXPECT_TRUE(has(world.get(fmt::format("/people/{}/side-by-side", world.ed), &mona),
                  "Nothing to compare yet"));
  const Response again =
      world.post(hub(world.ed), &mona, {{"role", "manager"}, {"level", "swe-2"}});
  EXPECT_EQ(again.status, 303);
  EXPECT_NE(header(again, "Location"), done());
}

TEST_F(AssessmentJourney, TheApiWithdrawsForTheAuthorAndAdminsOnly) {
  const store::Assessment before = stored(world.mona_done);
  EXPECT_EQ(withdraw_api(ed, world.mona_done, R"({"reason": "x"})").status, 403);
  EXPECT_EQ(withdraw_api(mona, world.mona_done, R"({})").status, 422);
  const Response blank = withdraw_api(mona, world.mona_done, R"({"reason": ""})");
  EXPECT_EQ(blank.status, 422);
  EXPECT_TRUE(has(blank, "review.bad-reason"));
  EXPECT_EQ(withdraw_api(ed, world.ed_draft, R"({"reason": "a draft"})").status, 409);
  EXPECT_EQ(stored(world.mona_done), before);
  const Response done_ = withdraw_api(admin, world.mona_done, R"({"reason": "wrong person"})");
  ASSERT_EQ(done_.status, 200);
  EXPECT_TRUE(has(done_, R"("status": "withdrawn")"));
  const Response twice = withdraw_api(mona, world.mona_done, R"({"reason": "again"})");
  EXPECT_EQ(twice.status, 409);
  EXPECT_TRUE(has(twice, "review.withdrawn"));
}

TEST_F(AssessmentJourney, TheStartFormOffersOnlyWhatTheViewerMayDo) {
  // Ed: himself only, the levels of his track, the open cycle chosen.
  const Response mine = world.get(hub(world.ed), &ed);
  EXPECT_TRUE(has(mine, "Self-assessment: you rate yourself"));
  EXPECT_FALSE(has(mine, R"(value="manager")"));
  EXPECT_FALSE(has(mine, "Manager assessment: you rate"));
  EXPECT_TRUE(has(mine, R"(<option value="swe-3">Senior Software Engineer</option>)"));
  EXPECT_FALSE(has(mine, R"(<option value="mgr-1")"));
  EXPECT_FALSE(has(mine, R"(<option value="" selected>None)"));
  // A level asked for in the address is chosen (the calls to action lead here).
  EXPECT_TRUE(
      has(world.get(hub(world.ed) + "?level=swe-3", &ed), R"(<option value="swe-3" selected>)"));
  EXPECT_EQ(header(world.get("/me/assessments?level=swe-3", &ed), "Location"),
            hub(world.ed) + "?level=swe-3#start");
  // Mona: a manager assessment of Ed, by default.
  EXPECT_TRUE(has(world.get(hub(world.ed), &mona), "Manager assessment: you rate Ed Engineer"));
  // The admin, above nobody, reads but starts nothing.
  const Response theirs = world.get(hub(world.ed), &admin);
  EXPECT_FALSE(has(theirs, "Start or resume</button>"));
  EXPECT_TRUE(has(theirs, "but not start one"));
}

TEST_F(AssessmentJourney, AnEmptySideBySideLeadsToStarting) {
  const Response page = world.get(fmt::format("/people/{}/side-by-side", world.ivy), &ed);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "Nothing to compare yet"));
  EXPECT_FALSE(has(page, "unrated"));
  EXPECT_TRUE(
      has(page, fmt::format(R"(href="{}?level=swe-1#start">Start an assessment)", hub(world.ivy))));
}

TEST_F(AssessmentJourney, ThePersonAndLevelPagesCallToAssess) {
  const Response own = world.get(fmt::format("/people/{}", world.ed), &ed);
  EXPECT_TRUE(has(
      own,
      fmt::format(R"(href="{}?level=swe-2#start">Assess yourself against Software Engineer II</a>)",
                  hub(world.ed))));
  EXPECT_TRUE(has(own, "Assess yourself against Senior Software Engineer</a>"));
  EXPECT_TRUE(has(world.get(fmt::format("/people/{}", world.ed), &mona),
                  "Assess Ed Engineer against Software Engineer II</a>"));
  EXPECT_FALSE(has(world.get(fmt::format("/people/{}", world.ed), &admin), "Assess "));
  EXPECT_TRUE(has(
      world.get("/levels/swe-3", &ed),
      R"(href="/me/assessments?level=swe-3#start">Assess yourself against Senior Software Engineer</a>)"));
  EXPECT_FALSE(has(world.get("/levels/swe-3", &admin), "Assess yourself"));
}

}  // namespace
}  // namespace rung::web
