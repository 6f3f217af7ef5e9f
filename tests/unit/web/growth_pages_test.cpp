// The growth-plan pages: a person's plans with their progress and the target form, one plan's
// checklist of gaps by area as one form (a checkbox per item, who ticked it and when, a note, a
// target date, evidence to link with nothing preselected), the older one-item forms (303 back to
// the page), every error re-rendering the page with the service's status and message, what the
// user sent, and nothing changed, text escaped, and the progress chart the assessments hub
// shares (web::progress_svg).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "rung/review/service.hpp"
#include "rung/web/review/growth_views.hpp"

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::has;
using testing::header;
using testing::PeopleWorld;
using testing::Session;

class GrowthPages : public ::testing::Test {
 protected:
  std::string plans() { return fmt::format("/people/{}/plans", world.ed); }
  std::string plan() { return fmt::format("/people/{}/plans/{}", world.ed, world.ed_plan); }

  // Evidence on Ed's self draft (only Ed, its author, and admins may read it).
  store::Id add_evidence(std::string text) {
    review::Options options;
    options.clock = [this] { return world.now; };
    review::Service service(*world.store, world.app->ladder(), options);
    const auto version = (*world.store->assessment(world.ed_draft))->version;
    EXPECT_TRUE(service.add_evidence(world.viewer_of("ed@example.com"), world.ed_draft, version,
                                     "swe-2-role-1", text, "2026-08-01"));
    return (*world.store->evidence(world.ed_draft)).back().id;
  }

  std::vector<store::PlanItem> items() { return *world.store->plan_items(world.ed_plan); }

  PeopleWorld world;
  Session ed = world.sign_in("ed@example.com");
  Session mona = world.sign_in("mona@example.com");
};

TEST_F(GrowthPages, ThePlansPageListsPlansAndOffersEveryLevelWithTheNextSelected) {
  const Response page = world.get(plans(), &ed);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(
      has(page, fmt::format("<a href=\"{}\">Towards Senior Software Engineer</a>", plan())));
  EXPECT_TRUE(has(page, "<optgroup label=\"Reliability Engineer\">"));
  EXPECT_TRUE(has(page, "<option value=\"swe-3\" selected>Senior Software Engineer (swe-3)"));
  EXPECT_TRUE(has(page, "<option value=\"mgr-1\">Engineering Team Lead (mgr-1)"));
  EXPECT_TRUE(has(page, "name=\"csrf\" value=\"" + ed.csrf + "\""));
  EXPECT_TRUE(has(page, "role=\"img\" aria-labelledby=\"progress-title progress-desc\""));
  EXPECT_TRUE(has(page, "2026 H2, Manager assessment: "));
  EXPECT_TRUE(has(page, "0 of 6 done · started 15 June 2025"));
  const Response ivy = world.get(fmt::format("/people/{}/plans", world.ivy), &ed);
  EXPECT_EQ(ivy.status, 200);
  EXPECT_TRUE(has(ivy, "Ivy Intern has no growth plan yet."));
  EXPECT_FALSE(has(ivy, "<svg")) << "no point, no chart";
}

TEST_F(GrowthPages, StartingAPlanRedirectsToIt) {
  const Response started = world.post(plans(), &mona, {{"target_level", "mgr-1"}});
  ASSERT_EQ(started.status, 303) << started.body;
  const auto stored = *world.store->growth_plans_of(world.ed);
  ASSERT_EQ(stored.size(), 2U);
  EXPECT_EQ(stored.back().target_level, "mgr-1");
  EXPECT_EQ(header(started, "Location"),
            fmt::format("/people/{}/plans/{}", world.ed, stored.back().id));
  const Response shown = world.get(header(started, "Location"), &mona);
  EXPECT_EQ(shown.status, 200);
  EXPECT_TRUE(has(shown, "<h1>Towards Engineering Team Lead</h1>"));
}

TEST_F(GrowthPages, AnUnknownTargetReRendersTheFormAndChangesNothing) {
  const Response refused = world.post(plans(), &ed, {{"target_level", "swe-9<b>"}});
  EXPECT_EQ(refused.status, 404);
  EXPECT_TRUE(has(refused, "role=\"alert\">the ladder has no level &#39;swe-9&lt;b&gt;&#39;"))
      << refused.body;
  EXPECT_FALSE(has(refused, "swe-9<b>"));
  EXPECT_TRUE(has(refused, "<select id=\"target-level\""));
  EXPECT_EQ(world.store->growth_plans_of(world.ed)->size(), 1U);
}

TEST_F(GrowthPages, ThePlanPageShowsTheGapsByArea) {
  const Response page = world.get(plan(), &mona);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(has(page, "<h1>Towards Senior Software Engineer</h1>"));
  EXPECT_TRUE(has(page, "<strong>0 of 6 done</strong>"));
  EXPECT_TRUE(
      has(page, fmt::format("<form class=\"plan-form\" method=\"post\" action=\"{}\">", plan())));
  EXPECT_TRUE(has(page, ">Save the plan</button>")) << "one primary action for the checklist";
  EXPECT_FALSE(has(page, "Mark done"));
  EXPECT_TRUE(has(page, "<h2 id=\"area-role\">Role Highlights</h2>"));
  EXPECT_TRUE(has(page, "<h2 id=\"area-communication\">Communication</h2>"));
  EXPECT_TRUE(has(page, "id=\"item-swe-3-role-2\""));
  EXPECT_TRUE(has(page, "You enable other engineers on your team to be successful."));
  EXPECT_TRUE(has(page, "latest rating: not rated"));
  EXPECT_TRUE(has(page,
                  "<input type=\"checkbox\" id=\"done-swe-3-role-1\" "
                  "name=\"done-swe-3-role-1\" value=\"1\">"));
  EXPECT_TRUE(has(page, "<label for=\"done-swe-3-role-1\" class=\"checklist-text\">"));
  EXPECT_TRUE(has(page, "not done yet · latest rating: not rated"));
  EXPECT_FALSE(has(page, "☐"));
  EXPECT_TRUE(has(page, "2026 H2, Manager assessment: ")) << "the progress chart";
  EXPECT_EQ(world.get(fmt::format("/people/{}/plans/{}", world.ivy, world.ed_plan), &mona).status,
            404)
      << "Ed's plan under Ivy's id";
  EXPECT_EQ(world.get(fmt::format("/people/{}/plans/99", world.ed), &mona).status, 404);
}

TEST_F(GrowthPages, TickingAnItemRedirectsToItAndUntickingUndoesIt) {
  const Response ticked =
      world.post(plan() + "/items", &ed, {{"statement", "swe-3-role-1"}, {"done", "1"}});
  ASSERT_EQ(ticked.status, 303) << ticked.body;
  EXPECT_EQ(header(ticked, "Location"), plan() + "#item-swe-3-role-1");
  ASSERT_EQ(items().size(), 1U);
  EXPECT_TRUE(items()[0].done);
  const Response page = world.get(plan(), &ed);
  EXPECT_TRUE(has(page, "<strong>1 of 6 done</strong>"));
  EXPECT_TRUE(has(page, "name=\"done-swe-3-role-1\" value=\"1\" checked>"));
  EXPECT_TRUE(has(page, "done, ticked by Ed Engineer on 15 June 2025"));
  EXPECT_EQ(
      world.post(plan() + "/items", &ed, {{"statement", "swe-3-role-1"}, {"done", "0"}}).status,
      303);
  EXPECT_FALSE(items()[0].done);
}

TEST_F(GrowthPages, ABadTickReRendersThePlanAndChangesNothing) {
  struct Case {
    std::vector<std::pair<std::string, std::string>> form;
    int status;
    std::string message;
  };
  const std::vector<Case> cases{
      {{{"statement", "swe-2-role-1"}, {"done", "1"}}, 422, "level &#39;swe-3&#39; has no"},
      {{{"statement", "<i>x</i>"}, {"done", "1"}}, 422, "no statement &#39;&lt;i&gt;x"},
      {{{"statement", "swe-3-role-1"}, {"done", "yes"}}, 422, "done must be 1"},
      {{{"statement", "swe-3-role-1"}}, 422, "done must be 1"},
  };
  for (const Case& c : cases) {
    const Response answer = world.post(plan() + "/items", &ed, c.form);
    EXPECT_EQ(answer.status, c.status) << c.message;
    EXPECT_TRUE(has(answer, c.message)) << answer.body;
    EXPECT_TRUE(has(answer, "<h1>Towards Senior Software Engineer</h1>"));
    EXPECT_FALSE(has(answer, "<i>x</i>"));
  }
  EXPECT_TRUE(items().empty());
  EXPECT_EQ(world
                .post(fmt::format("/people/{}/plans/{}/items", world.ivy, world.ed_plan), &mona,
                      {{"statement", "swe-3-role-1"}, {"done", "1"}})
                .status,
            404);
  EXPECT_TRUE(items().empty());
}

TEST_F(GrowthPages, LinkingEvidenceShowsItOnTheItemEscaped) {
  const store::Id evidence = add_evidence("Led the <payments> rewrite & more");
  const Response before = world.get(plan(), &ed);
  EXPECT_TRUE(has(before, fmt::format("<option value=\"{}\">1 Aug 2026 · Led the "
                                      "&lt;payments&gt; rewrite &amp; more</option>",
                                      evidence)))
      << before.body;
  EXPECT_TRUE(has(before, "<option value=\"\">Choose evidence…</option>"));
  EXPECT_FALSE(has(before, " selected>")) << "no evidence is preselected";
  const Response linked =
      world.post(plan() + "/evidence", &ed,
                 {{"statement", "swe-3-role-1"}, {"evidence", std::to_string(evidence)}});
  ASSERT_EQ(linked.status, 303) << linked.body;
  EXPECT_EQ(header(linked, "Location"), plan() + "#item-swe-3-role-1");
  ASSERT_EQ(items().size(), 1U);
  EXPECT_EQ(items()[0].evidence, std::vector<store::Id>{evidence});
  const Response after = world.get(plan(), &ed);
  EXPECT_TRUE(
      has(after, "<span class=\"meta\">1 Aug 2026</span> Led the &lt;payments&gt; rewrite"));
  EXPECT_FALSE(has(after, "<payments>"));
  // Mona may not read Ed's draft: she sees that something is linked, not what.
  const Response hers = world.get(plan(), &mona);
  EXPECT_TRUE(has(hers, "Evidence in a draft you cannot read"));
  EXPECT_FALSE(has(hers, "payments"));
}

// Evidence linked by mistake is unlinked by the item's button (the plan form) or the API; the
// evidence stays in its assessment, and the change is audited.
TEST_F(GrowthPages, EvidenceLinkedByMistakeIsUnlinkedAndKept) {
  const store::Id evidence = add_evidence("Wrong item");
  const std::string id = std::to_string(evidence);
  ASSERT_EQ(world.post(plan() + "/evidence", &ed, {{"statement", "swe-3-role-1"}, {"evidence", id}})
                .status,
            303);
  const Response shown = world.get(plan(), &ed);
  EXPECT_TRUE(has(shown, "name=\"unlink-swe-3-role-1\" value=\"" + id + "\""));
  const auto plan_items_before =
      world.store->audit(store::AuditQuery{"", "plan.item", "", 0, 0, 0, 100}).value().size();
  const Response unlinked =
      world.post(plan(), &ed, {{"on-swe-3-role-1", "1"}, {"unlink-swe-3-role-1", id}});
  EXPECT_EQ(unlinked.status, 303) << unlinked.body;
  ASSERT_EQ(items().size(), 1U);
  EXPECT_TRUE(items()[0].evidence.empty());
  EXPECT_EQ(world.store->evidence(world.ed_draft)->back().id, evidence) << "the evidence stays";
  EXPECT_EQ(world.store->audit(store::AuditQuery{"", "plan.item", "", 0, 0, 0, 100}).value().size(),
            plan_items_before + 1);
  EXPECT_FALSE(has(world.get(plan(), &ed), "name=\"unlink-swe-3-role-1\""))
      << "no longer linked (it is offered again among the evidence to link)";

  // The API: link again, then unlink with "unlink": true.
  const std::string api = fmt::format("/api/v1/people/{}/plans/{}/items/swe-3-role-1/evidence",
                                      world.ed, world.ed_plan);
  ASSERT_EQ(world.send_json("POST", api, &ed, R"({"evidence": )" + id + "}").status, 200);
  EXPECT_EQ(items()[0].evidence, std::vector<store::Id>{evidence});
  const Response api_unlinked =
      world.send_json("POST", api, &ed, R"({"evidence": )" + id + R"(, "unlink": true})");
  EXPECT_EQ(api_unlinked.status, 200) << api_unlinked.body;
  EXPECT_TRUE(items()[0].evidence.empty());
  EXPECT_EQ(world.send_json("POST", api, &ed, R"({"evidence": )" + id + R"(, "unlink": 1})").status,
            422);
}

TEST_F(GrowthPages, ABadLinkReRendersThePlanKeepingTheChoiceAndChangesNothing) {
  const store::Id evidence = add_evidence("Shipped the importer");
  const std::string id = std::to_string(evidence);
  struct Case {
    std::vector<std::pair<std::string, std::string>> form;
    int status;
    std::string message;
  };
  const std::vector<Case> cases{
      {{{"statement", "swe-2-role-1"}, {"evidence", id}}, 422, "has no statement"},
      {{{"statement", "swe-3-role-1"}, {"evidence", "999"}}, 404, "has no evidence with id 999"},
      {{{"statement", "swe-3-role-1"}, {"evidence", "x"}}, 422, "Choose one of the evidence"},
  };
  for (const Case& c : cases) {
    const Response answer = world.post(plan() + "/evidence", &ed, c.form);
    EXPECT_EQ(answer.status, c.status) << c.message;
    EXPECT_TRUE(has(answer, c.message)) << answer.body;
  }
  EXPECT_TRUE(items().empty());
  const Response named =
      world.post(plan() + "/evidence", &ed, {{"statement", "swe-3-role-1x"}, {"evidence", id}});
  EXPECT_EQ(named.status, 422);
  EXPECT_TRUE(has(named, "(swe-3-role-1x)</p>")) << "the message names the item";
}

TEST_F(GrowthPages, TheEvidencePickedInAFailedFormStaysSelected) {
  const store::Id first = add_evidence("First");
  const store::Id second = add_evidence("Second");
  const auth::Viewer viewer = world.viewer_of("ed@example.com");
  review::Service service(*world.store, world.app->ladder());
  const auto checklist = service.checklist(viewer, world.ed_plan);
  ASSERT_TRUE(checklist);
  const auto person = *world.store->person(world.ed);
  PlanSent sent;
  sent["swe-3-role-2"] = review::PlanItemChange{"swe-3-role-2", false, "", "", second};
  const Json view = plan_view(world.app->resources(), viewer, *person, *checklist, sent);
  const Json& role = view["areas"][0]["items"];
  ASSERT_EQ(role.size(), 2U);
  EXPECT_EQ(role[1]["statement"], "swe-3-role-2");
  EXPECT_EQ(role[1]["choices"][0]["id"], first);
  EXPECT_EQ(role[1]["choices"][0]["selected"], false);
  EXPECT_EQ(role[1]["choices"][1]["selected"], true);
  EXPECT_EQ(role[0]["choices"][1]["selected"], false) << "only the item the form was about";
  EXPECT_EQ(role[1]["open"], true) << "the item the form failed on is unfolded";
}

TEST_F(GrowthPages, ThePlanFormSavesTicksNotesAndDatesOfManyItemsAtOnce) {
  const store::Id evidence = add_evidence("Ran the incident review");
  const Response saved = world.post(plan(), &mona,
                                    {{"on-swe-3-role-1", "1"},
                                     {"done-swe-3-role-1", "1"},
                                     {"note-swe-3-role-1", "Pair with <Ivy> on reviews"},
                                     {"due-swe-3-role-1", "2025-09-30"},
                                     {"evidence-swe-3-role-1", std::to_string(evidence)},
                                     {"on-swe-3-role-2", "1"},
                                     {"note-swe-3-role-2", ""},
                                     {"due-swe-3-role-2", ""},
                                     {"evidence-swe-3-role-2", ""}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(header(saved, "Location"), plan() + "?saved=1");
  ASSERT_EQ(items().size(), 1U) << "the untouched item is not written";
  EXPECT_TRUE(items()[0].done);
  EXPECT_EQ(items()[0].done_by, "mona@example.com");
  EXPECT_EQ(items()[0].note, "Pair with <Ivy> on reviews");
  EXPECT_EQ(items()[0].target_date, "2025-09-30");
  EXPECT_EQ(items()[0].evidence, std::vector<store::Id>{evidence});

  const Response page = world.get(plan() + "?saved=1", &ed);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(has(page, "<strong>1 of 6 done</strong> · saved"));
  EXPECT_TRUE(has(page,
                  "done, ticked by Mona Manager on 15 June 2025 · latest rating: not rated "
                  "· by 30 September 2025"));
  EXPECT_TRUE(has(page, "<p class=\"plan-note\">Pair with &lt;Ivy&gt; on reviews</p>"));
  EXPECT_TRUE(has(page, "value=\"2025-09-30\">"));
  EXPECT_FALSE(has(page, "<Ivy>"));
  EXPECT_TRUE(has(world.get(plans(), &ed), "1 of 6 done · started"));

  // Unticking through the form (the checkbox not sent) clears who ticked it.
  ASSERT_EQ(
      world.post(plan(), &ed, {{"on-swe-3-role-1", "1"}, {"note-swe-3-role-1", "later"}}).status,
      303);
  EXPECT_FALSE(items()[0].done);
  EXPECT_EQ(items()[0].done_by, "");
  EXPECT_EQ(items()[0].note, "later");
  EXPECT_EQ(items()[0].target_date, "");
}

TEST_F(GrowthPages, ABadValueAnywhereInThePlanFormSavesNoneAndKeepsWhatWasSent) {
  const auto post = [&](std::string field, std::string value) {
    return world.post(plan(), &ed,
                      {{"on-swe-3-role-1", "1"},
                       {"done-swe-3-role-1", "1"},
                       {"note-swe-3-role-1", "Keep <this> note"},
                       {"on-swe-3-role-2", "1"},
                       {std::move(field), std::move(value)}});
  };
  const Response date = post("due-swe-3-role-2", "30/09/2025");
  EXPECT_EQ(date.status, 422);
  EXPECT_TRUE(has(date, "&#39;30/09/2025&#39; is not a date")) << date.body;
  EXPECT_TRUE(has(date, "Nothing was saved"));
  EXPECT_TRUE(has(date, ">Keep &lt;this&gt; note</textarea>")) << "what was sent stays";
  EXPECT_TRUE(has(date, "name=\"done-swe-3-role-1\" value=\"1\" checked>"));
  EXPECT_FALSE(has(date, "<this>"));
  EXPECT_EQ(post("evidence-swe-3-role-2", "x").status, 422);
  EXPECT_EQ(post("evidence-swe-3-role-2", "999").status, 404);
  EXPECT_EQ(post("on-swe-2-role-1", "1").status, 422);
  EXPECT_TRUE(items().empty());
  EXPECT_EQ(world
                .post(fmt::format("/people/{}/plans/{}", world.ivy, world.ed_plan), &mona,
                      {{"on-swe-3-role-1", "1"}, {"done-swe-3-role-1", "1"}})
                .status,
            404);
  EXPECT_EQ(world.post(plan(), &mona, {{"on-swe-3-role-1", "1"}, {"done-swe-3-role-1", "1"}}, false)
                .status,
            403)
      << "no CSRF token";
  EXPECT_TRUE(items().empty());
}

TEST_F(GrowthPages, TheProgressChartFragmentIsEmptyWithoutPointsOrAccess) {
  const Resources& resources = world.app->resources();
  const std::string ed_chart = progress_svg(resources, world.viewer_of("ed@example.com"), world.ed);
  EXPECT_EQ(ed_chart.rfind("<svg ", 0), 0U);
  EXPECT_NE(ed_chart.find("<desc id=\"progress-desc\">"), std::string::npos);
  EXPECT_EQ(progress_svg(resources, world.viewer_of("ed@example.com"), world.ivy), "");
  EXPECT_EQ(progress_svg(resources, world.viewer_of("nick@example.com"), world.ed), "")
      << "Nick is not above Ed";
}

TEST_F(GrowthPages, ThePersonPageLinksToTheirPlans) {
  const Response page = world.get(fmt::format("/people/{}", world.ed), &ed);
  EXPECT_TRUE(has(page, fmt::format("<a href=\"{}\">Growth plans</a>", plans())));
}

}  // namespace
}  // namespace rung::web
