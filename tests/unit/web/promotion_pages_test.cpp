// Promotion cases on the web (web/promotions/, docs/promotions.md), through the App in process:
// the person page offers "Open a promotion case" to managers above and lists the cases; the case
// page's forms take a case from draft to a published approval (303 back each time) and the
// person's level changes; a refused form re-renders the page with the error and what was typed
// and changes nothing; the person sees the decision only once published; the API hides the
// outcome likewise; the admin's cycle list decides and publishes; text is escaped; an import
// that would undo the promotion is reported on the import page.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::has;
using testing::PeopleWorld;
using testing::Session;

class PromotionPages : public ::testing::Test {
 protected:
  std::string case_page() { return fmt::format("/people/{}/cases/{}", world.ed, world.ed_case); }
  std::int64_t version() { return (*world.store->promotion_case(world.ed_case))->version; }
  std::string v() { return std::to_string(version()); }

  Response post(const std::string& target, const Session& as,
                std::vector<std::pair<std::string, std::string>> fields) {
    return world.post(target, &as, std::move(fields));
  }

  // Mona submits the case; the admin approves it from the cycle's list.
  void submit_and_approve() {
    ASSERT_EQ(post(case_page() + "/submit", mona, {{"version", v()}}).status, 303);
    const Response decided = post(case_page() + "/decision", admin,
                                  {{"version", v()},
                                   {"outcome", "approved"},
                                   {"rationale", "Leads the search work."},
                                   {"effective_date", "2026-09-01"},
                                   {"from", "cycle"},
                                   {"cycle", std::to_string(world.cycle)}});
    ASSERT_EQ(decided.status, 303) << decided.body;
    EXPECT_EQ(testing::header(decided, "Location"),
              fmt::format("/admin/cycles/{}/cases#case-{}", world.cycle, world.ed_case));
  }

  PeopleWorld world;
  Session ed = world.sign_in("ed@example.com");
  Session mona = world.sign_in("mona@example.com");
  Session admin = world.sign_in("admin");
};

TEST_F(PromotionPages, ThePersonPageListsCasesAndOffersOpeningOneToManagersAbove) {
  const Response of_ed = world.get(fmt::format("/people/{}", world.ed), &mona);
  ASSERT_EQ(of_ed.status, 200);
  EXPECT_TRUE(
      has(of_ed, fmt::format("<a href=\"{}\">Case for Senior Software Engineer</a>", case_page())));
  EXPECT_TRUE(has(of_ed, "<span class=\"meta\">draft</span>"));
  EXPECT_FALSE(has(of_ed, "Open a promotion case")) << "Ed's case is still open";

  // Ivy reports to Ed, who reports to Mona: both may open a case for her, as may the admin;
  // Ed may not open one for himself.
  const std::string ivy = fmt::format("/people/{}", world.ivy);
  for (const Session* viewer : {&mona, &ed, &admin}) {
    const Response page = world.get(ivy, viewer);
    EXPECT_TRUE(has(page, "Open a promotion case")) << page.body;
    EXPECT_TRUE(has(page, "<option value=\"swe-2\">"));
    EXPECT_TRUE(has(page, fmt::format("<option value=\"{}\">2026 H2</option>", world.cycle)));
  }
  const Response own = world.get(fmt::format("/people/{}", world.ed), &ed);
  EXPECT_FALSE(has(own, "Open a promotion case"));

  const Response opened = post(fmt::format("/people/{}/cases", world.ivy), ed,
                               {{"target_level", "swe-2"}, {"cycle", "none"}});
  ASSERT_EQ(opened.status, 303) << opened.body;
  const auto cases = world.store->promotion_cases_of_people(std::vector<store::Id>{world.ivy});
  ASSERT_EQ(cases->size(), 1U);
  EXPECT_EQ(testing::header(opened, "Location"),
            fmt::format("/people/{}/cases/{}", world.ivy, cases->front().id));
  EXPECT_EQ(cases->front().cycle, std::nullopt);
}

TEST_F(PromotionPages, FromDraftToAPublishedApprovalThePersonsLevelChanges) {
  ASSERT_EQ(post(case_page(), mona,
                 {{"version", v()}, {"which", "case"}, {"text", "Ed led <b>search</b>."}})
                .status,
            303);
  ASSERT_EQ(
      post(case_page(), ed, {{"version", v()}, {"which", "statement"}, {"text", "I want it."}})
          .status,
      303);
  const Response page = world.get(case_page(), &ed);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "Ed led &lt;b&gt;search&lt;/b&gt;."));
  EXPECT_TRUE(has(page, "I want it."));
  EXPECT_TRUE(has(page, "Readiness for Senior Software Engineer"));
  EXPECT_TRUE(has(page, ">Manager assessment of "));
  EXPECT_TRUE(has(page, "Save my statement"));
  EXPECT_FALSE(has(page, "Save the case"));
  EXPECT_FALSE(has(page, "Record the decision"));

  submit_and_approve();
  const Response waiting = world.get(case_page(), &ed);
  EXPECT_TRUE(has(waiting, "A decision has been made. It will appear here once it is published."));
  EXPECT_FALSE(has(waiting, "Approved"));
  EXPECT_FALSE(has(waiting, "Leads the search work."));
  EXPECT_EQ((*world.store->person(world.ed))->level, "swe-2");
  const Json api =
      Json::parse(world.get(fmt::format("/api/v1/cases/{}", world.ed_case), &ed).payload());
  EXPECT_EQ(api["status"], "decided");
  EXPECT_TRUE(api["outcome"].is_null());
  EXPECT_TRUE(api["rationale"].is_null());
  EXPECT_EQ(api["packet"]["target"]["level"], "swe-3");
  EXPECT_TRUE(api["packet"]["calibration"].is_null()) << "no session calibrated Ed";

  const Response list = world.get(fmt::format("/admin/cycles/{}/cases", world.cycle), &admin);
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(has(list, "Approved, effective 2026-09-01"));
  EXPECT_TRUE(has(list, "Publish the decisions"));
  const Response published = post(fmt::format("/admin/cycles/{}/publish", world.cycle), admin, {});
  ASSERT_EQ(published.status, 303);
  EXPECT_EQ((*world.store->person(world.ed))->level, "swe-3");
  const Response seen = world.get(case_page(), &ed);
  EXPECT_TRUE(has(seen, "<strong>Approved</strong>, effective 2026-09-01."));
  EXPECT_TRUE(has(seen, "Leads the search work."));
  EXPECT_FALSE(has(seen, "Save my statement")) << "decided: the statement is closed";
}

TEST_F(PromotionPages, ARefusedFormKeepsWhatWasTypedAndChangesNothing) {
  const auto before = *world.store->promotion_case(world.ed_case);
  const Response stale =
      post(case_page(), mona, {{"version", "7"}, {"which", "case"}, {"text", "My new words"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(has(stale, "role=\"alert\""));
  EXPECT_TRUE(has(stale, ">My new words</textarea>"));
  const Response not_admin = post(case_page() + "/decision", mona,
                                  {{"version", v()},
                                   {"outcome", "approved"},
                                   {"rationale", "x"},
                                   {"effective_date", "2026-09-01"}});
  EXPECT_EQ(not_admin.status, 403);
  const Response no_rationale =
      post(case_page() + "/decision", admin,
           {{"version", v()}, {"outcome", "approved"}, {"rationale", ""}});
  EXPECT_EQ(no_rationale.status, 422);
  EXPECT_EQ(*world.store->promotion_case(world.ed_case), before);
  const Session nick = world.sign_in("nick@example.com");
  EXPECT_EQ(world.get(case_page(), &nick).status, 404);
  EXPECT_EQ(world.get(fmt::format("/people/{}/cases/{}", world.ivy, world.ed_case), &admin).status,
            404)
      << "a case of someone else under another person's address";
}

TEST_F(PromotionPages, TheApiTakesACaseThroughItsStates) {
  const std::string url = fmt::format("/api/v1/cases/{}", world.ed_case);
  Response patched =
      world.send_json("PATCH", url, &mona,
                      fmt::format(R"({{"version": {}, "manager_case": "Ready."}})", version()));
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(Json::parse(patched.payload())["manager_case"], "Ready.");
  EXPECT_EQ(world.send_json("PATCH", url, &mona, R"({"version": 1})").status, 422);
  EXPECT_EQ(
      world
          .send_json("POST", url + "/submit", &mona, fmt::format(R"({{"version": {}}})", version()))
          .status,
      200);
  const Response decided = world.send_json(
      "POST", url + "/decision", &admin,
      fmt::format(R"({{"version": {}, "outcome": "not_now", "rationale": "Next cycle."}})",
                  version()));
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(Json::parse(decided.payload())["outcome"], "not_now");
  const Response twice = world.send_json(
      "POST", url + "/decision", &admin,
      fmt::format(
          R"({{"version": {}, "outcome": "approved", "rationale": "x", "effective_date": "2026-09-01"}})",
          version()));
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(Json::parse(twice.payload())["error"]["code"], "review.case-decided");
  const Response published =
      world.send_json("POST", fmt::format("/api/v1/cycles/{}/publish", world.cycle), &admin);
  ASSERT_EQ(published.status, 200);
  EXPECT_EQ(Json::parse(published.payload())["promoted"], 0);
  const Json listed =
      Json::parse(world.get(fmt::format("/api/v1/people/{}/cases", world.ed), &ed).payload());
  ASSERT_EQ(listed["cases"].size(), 1U);
  EXPECT_EQ(listed["cases"][0]["outcome"], "not_now");
  EXPECT_EQ((*world.store->person(world.ed))->level, "swe-2");
}

}  // namespace
}  // namespace rung::web
