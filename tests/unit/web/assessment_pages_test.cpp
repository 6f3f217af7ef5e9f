// One assessment's page and the forms that change a draft: the author gets the form (a
// fieldset per statement, the script and its CSRF meta tag), everyone else a read-only view,
// a submitted one its outcome (fit, readiness, blockers, radar, links to the statements). The
// no-JS save, the evidence form and the submit form each answer 303 on success and re-render
// with the error and what the user typed on failure, changing nothing.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::has;
using testing::header;
using testing::PeopleWorld;
using testing::Session;

class AssessmentPages : public ::testing::Test {
 protected:
  std::string page_of(store::Id id) {
    return fmt::format("/people/{}/assessments/{}", world.ed, id);
  }
  std::string draft() { return page_of(world.ed_draft); }

  Response save(std::vector<std::pair<std::string, std::string>> fields) {
    return world.post(draft(), &ed, std::move(fields));
  }
  Response evidence(std::string version, std::string text, std::string date = "") {
    return world.post(draft() + "/evidence", &ed,
                      {{"version", std::move(version)},
                       {"statement", "swe-2-role-1"},
                       {"text", std::move(text)},
                       {"date", std::move(date)}});
  }

  std::int64_t version() { return (*world.store->assessment(world.ed_draft))->version; }
  std::size_t ratings() { return world.store->ratings(world.ed_draft)->size(); }
  std::size_t evidence_count() { return world.store->evidence(world.ed_draft)->size(); }

  PeopleWorld world;
  Session ed = world.sign_in("ed@example.com");
  Session mona = world.sign_in("mona@example.com");
};

TEST_F(AssessmentPages, TheAuthorGetsTheFormWithAFieldsetPerStatement) {
  const Response page = world.get(draft(), &ed);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, R"(<fieldset class="rating" data-statement="swe-2-role-1">)"));
  EXPECT_TRUE(has(page, "<legend>You help mentor new hires.</legend>"));
  EXPECT_TRUE(has(page, R"(name="rating.swe-2-role-1" value="role-model")"));
  EXPECT_TRUE(has(page, R"(<label class="choice" for="r-swe-2-role-1-sometimes" title=")"));
  EXPECT_TRUE(has(page, fmt::format(R"(<meta name="csrf-token" content="{}">)", ed.csrf)));
  EXPECT_TRUE(has(page, R"(<script src="/static/assess.js" defer>)"));
  EXPECT_TRUE(has(page, R"(aria-live="polite")"));
  EXPECT_TRUE(has(page, R"(name="version" class="js-version" value="1")"));
  EXPECT_TRUE(has(page, R"(name="then" value="review">Review before submitting)"));
  EXPECT_TRUE(has(page, R"(<h2 id="area-role">Role Highlights</h2>)"));
}

TEST_F(AssessmentPages, OthersSeeADraftReadOnlyOrNotAtAll) {
  EXPECT_EQ(world.get(draft(), &mona).status, 403);
  const Session admin = world.sign_in("admin");
  const Response read = world.get(draft(), &admin);
  ASSERT_EQ(read.status, 200);
  EXPECT_FALSE(has(read, "<fieldset"));
  EXPECT_FALSE(has(read, "csrf-token"));
  EXPECT_TRUE(has(read, "Rating: <strong>unrated</strong>"));
  EXPECT_EQ(world.get(page_of(999), &ed).status, 404);
  // Ed's draft under Ivy's id is not found, whoever asks.
  EXPECT_EQ(
      world.get(fmt::format("/people/{}/assessments/{}", world.ivy, world.ed_draft), &ed).status,
      404);
}

TEST_F(AssessmentPages, ASubmittedAssessmentShowsItsOutcomeWithLinksToItsStatements) {
  const Response page = world.get(page_of(world.mona_done), &ed);
  ASSERT_EQ(page.status, 200);
  EXPECT_FALSE(has(page, "<fieldset"));
  EXPECT_TRUE(has(page, "Rating: <strong>Consistently</strong>"));
  EXPECT_TRUE(has(page, "Outcome</h2>"));
  EXPECT_TRUE(has(page, "<svg"));
  // Ed's own level, rated by his manager: said in those words, with the way to the next level.
  EXPECT_TRUE(has(page, "Against your current level: Software Engineer II"));
  EXPECT_TRUE(has(page, "Does not meet your current level in every area yet (rated by a manager)"));
  EXPECT_TRUE(has(page, "%), rated by a manager. Figures come"));
  EXPECT_TRUE(has(page, "What blocks it"));
  EXPECT_TRUE(has(page, R"(<a href="#s-swe-2-role-2">You help mentor new hires.</a>)"));
  EXPECT_TRUE(has(page, R"(<div class="statement" id="s-swe-2-role-2">)"));
  EXPECT_TRUE(has(page, "1 of 2 (50%)"));  // Role Highlights: swe-2-role-1 met of two
}

TEST_F(AssessmentPages, TheNoScriptSaveStoresEveryChangedRating) {
  const Response saved = save({{"version", "1"},
                               {"rating.swe-2-role-1", "consistently"},
                               {"rating.swe-2-role-2", "sometimes"}});
  ASSERT_EQ(saved.status, 303);
  EXPECT_EQ(header(saved, "Location"), draft());
  EXPECT_EQ(ratings(), 2U);
  EXPECT_EQ(version(), 2);  // the whole form is one write: one version step
  // Sending the same choices again saves nothing.
  EXPECT_EQ(save({{"version", "2"}, {"rating.swe-2-role-1", "consistently"}}).status, 303);
  EXPECT_EQ(version(), 2);
  const Response page = world.get(draft(), &ed);
  EXPECT_TRUE(has(page, R"(value="consistently" checked)"));
}

TEST_F(AssessmentPages, AFormWithOneBadValueSavesNoneOfIt) {
  // The first field is good and comes first: saved one by one, it would have been kept.
  const Response answer = save({{"version", "1"},
                                {"rating.swe-2-role-1", "consistently"},
                                {"rating.swe-2-role-2", "sometimez"}});
  EXPECT_EQ(answer.status, 422);
  EXPECT_TRUE(has(answer, "sometimez"));
  EXPECT_EQ(ratings(), 0U);
  EXPECT_EQ(version(), 1);
  // What the user chose is still on the page to correct and send again.
  EXPECT_TRUE(has(answer, R"(name="rating.swe-2-role-1" value="consistently" checked)"));
}

TEST_F(AssessmentPages, AConflictShowsBothValuesKeepsWhatWasChosenAndSavesNothing) {
  ASSERT_EQ(save({{"version", "1"}, {"rating.swe-2-role-1", "consistently"}}).status, 303);
  const Response stale = save({{"version", "1"},
                               {"rating.swe-2-role-1", "role-model"},
                               {"rating.swe-2-role-2", "sometimes"}});
  ASSERT_EQ(stale.status, 409);
  EXPECT_TRUE(has(stale, "changed elsewhere"));
  EXPECT_TRUE(has(
      stale,
      R"(id="r-swe-2-role-1-role-model" name="rating.swe-2-role-1" value="role-model" checked)"));
  EXPECT_TRUE(
      has(stale,
          R"(id="r-swe-2-role-2-sometimes" name="rating.swe-2-role-2" value="sometimes" checked)"));
  EXPECT_TRUE(has(stale, "the stored rating is now <strong>Consistently</strong>"));
  EXPECT_TRUE(has(stale, "the stored rating is now <strong>unrated</strong>"));
  // The form now carries the stored version: sending it again keeps the user's choices.
  EXPECT_TRUE(has(stale, R"(name="version" class="js-version" value="2")"));
  EXPECT_EQ(version(), 2);
  EXPECT_EQ((*world.store->ratings(world.ed_draft))[0].scale, "consistently");
}

TEST_F(AssessmentPages, EachSaveErrorIsShownAndChangesNothing) {
  struct Case {
    std::vector<std::pair<std::string, std::string>> fields;
    int status;
    std::string says;
  };
  const std::vector<Case> cases{
      {{{"rating.swe-2-role-1", "sometimes"}}, 422, "The form has no version"},
      {{{"version", "x"}, {"rating.swe-2-role-1", "sometimes"}}, 422, "The form has no version"},
      {{{"version", "1"}, {"rating.swe-2-role-1", "sometimez"}}, 422, "sometimez"},
      {{{"version", "1"}, {"rating.swe-3-role-1", "sometimes"}}, 422, "swe-3-role-1"},
  };
  for (const Case& c : cases) {
    const Response answer = save(c.fields);
    EXPECT_EQ(answer.status, c.status) << c.says;
    EXPECT_TRUE(has(answer, "error-message")) << c.says;
    EXPECT_TRUE(has(answer, c.says)) << c.says;
  }
  const Response someone_else = world.post(draft(), &mona, {{"version", "1"}});
  EXPECT_EQ(someone_else.status, 403);
  const Response submitted = world.post(page_of(world.mona_done), &mona,
                                        {{"version", "3"}, {"rating.swe-2-role-2", "sometimes"}});
  EXPECT_EQ(submitted.status, 409);  // frozen: "review.submitted"
  EXPECT_EQ(ratings(), 0U);
  EXPECT_EQ(version(), 1);
}

TEST_F(AssessmentPages, EvidenceIsAddedAndItsTextIsEscaped) {
  const Response added =
      evidence("1", "<script>alert(1)</script> https://example.com/pr/1", "2026-05-01");
  ASSERT_EQ(added.status, 303);
  EXPECT_EQ(header(added, "Location"), draft() + "#s-swe-2-role-1");
  EXPECT_EQ(evidence_count(), 1U);
  const Response page = world.get(draft(), &ed);
  EXPECT_TRUE(
      has(page, "&lt;script&gt;alert(1)&lt;/script&gt; <a href=\"https://example.com/pr/1\""));
  EXPECT_FALSE(has(page, "<script>alert(1)"));
  EXPECT_TRUE(has(page, "<span class=\"meta\">1 May 2026</span>")) << "as people write dates";
  EXPECT_TRUE(has(page, R"(name="version" class="js-version" value="2")"));
}

TEST_F(AssessmentPages, EachEvidenceErrorKeepsTheTextAndChangesNothing) {
  struct Case {
    std::string version, text, date;
    int status;
  };
  const std::vector<Case> cases{
      {"1", std::string(5000, 'x'), "", 413},      {"1", "", "", 422},
      {"1", "kept <b>text</b>", "yesterday", 422}, {"7", "kept <b>text</b>", "", 409},
      {"", "kept <b>text</b>", "", 422},
  };
  for (const Case& c : cases) {
    const Response answer = evidence(c.version, c.text, c.date);
    EXPECT_EQ(answer.status, c.status) << c.text.substr(0, 20) << " " << c.date;
    EXPECT_TRUE(has(answer, "error-message"));
    if (c.text.starts_with("kept")) {
      EXPECT_TRUE(has(answer, ">kept &lt;b&gt;text&lt;/b&gt;</textarea>")) << c.version;
      EXPECT_TRUE(has(answer, "<details class=\"evidence-add\" open>"));
    }
  }
  EXPECT_EQ(evidence_count(), 0U);
  EXPECT_EQ(version(), 1);
}

TEST_F(AssessmentPages, SubmittingFreezesTheDraftAndShowsItsOutcome) {
  EXPECT_EQ(world.post(draft() + "/submit", &ed, {{"version", "7"}}).status, 409);
  EXPECT_EQ(world.post(draft() + "/submit", &ed, {}).status, 422);
  EXPECT_EQ(world.post(draft() + "/submit", &mona, {{"version", "1"}}).status, 403);
  EXPECT_EQ((*world.store->assessment(world.ed_draft))->status, store::AssessmentStatus::draft);
  const Response done = world.post(draft() + "/submit", &ed, {{"version", "1"}});
  ASSERT_EQ(done.status, 303);
  EXPECT_EQ(header(done, "Location"), draft());
  EXPECT_EQ((*world.store->assessment(world.ed_draft))->status, store::AssessmentStatus::submitted);
  const Response page = world.get(draft(), &ed);
  EXPECT_TRUE(has(page, "Outcome</h2>"));
  EXPECT_FALSE(has(page, "<fieldset"));
  EXPECT_FALSE(has(page, "csrf-token"));
  const Response again = world.post(draft() + "/submit", &ed, {{"version", "2"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(has(again, "error-message"));
}

}  // namespace
}  // namespace rung::web
