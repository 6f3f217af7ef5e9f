// The people pages and API as each viewer sees them: the directory lists only whom the viewer
// may see, a person's page shows their reporting line and reports, a team page nests a
// manager's whole team, and the admin pages import people, add users and show the audit log.
#include <regex>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "rung/format/ladder_json.hpp"
#include "rung/render/dates.hpp"
#include "rung/web/http/url.hpp"

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::has;
using testing::header;
using testing::PeopleWorld;
using testing::Session;

class PeoplePages : public ::testing::Test {
 protected:
  std::string person_url(store::Id id) { return "/people/" + std::to_string(id); }

  // A multipart POST of one CSV file to the import page.
  Response upload(const Session& session, const std::string& csv) {
    Request post = testing::request("/admin/people/import", {}, "POST");
    post.headers.add("Content-Type", "multipart/form-data; boundary=b0undary");
    post.headers.add("Cookie", std::string(k_session_cookie) + "=" + session.token);
    post.body = "--b0undary\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" +
                session.csrf +
                "\r\n--b0undary\r\nContent-Disposition: form-data; name=\"file\"; "
                "filename=\"people.csv\"\r\nContent-Type: text/csv\r\n\r\n" +
                csv + "\r\n--b0undary--\r\n";
    return world.app->handle(post);
  }

  PeopleWorld world;
};

TEST_F(PeoplePages, TheDirectoryListsOnlyWhomTheViewerMaySee) {
  const Session ed = world.sign_in("ed@example.com");
  Response mine = world.get("/people", &ed);
  EXPECT_EQ(mine.status, 200);
  EXPECT_TRUE(has(mine, "Ed Engineer"));
  EXPECT_TRUE(has(mine, "Ivy Intern"));
  EXPECT_FALSE(has(mine, "Mona Manager"));
  EXPECT_FALSE(has(mine, "Olga Report"));
  const Session admin = world.sign_in("admin");
  Response all = world.get("/people", &admin);
  for (const char* name : {"Mona Manager", "Nick Other", "Ed Engineer", "Olga Report"}) {
    EXPECT_TRUE(has(all, name)) << name;
  }
  Response found = world.get("/people?q=OLGA", &admin);
  EXPECT_TRUE(has(found, "Olga Report"));
  EXPECT_FALSE(has(found, "Nick Other"));
  const Json api = Json::parse(world.get("/api/v1/people?q=swe", &ed).payload());
  EXPECT_EQ(api["count"], 2);
  EXPECT_EQ(api["people"][0]["name"], "Ed Engineer");
  EXPECT_EQ(api["people"][0]["level_title"], "Software Engineer II");
}

TEST_F(PeoplePages, APersonPageShowsTheReportingLineAndReports) {
  const Session mona = world.sign_in("mona@example.com");
  Response ed = world.get(person_url(world.ed), &mona);
  EXPECT_EQ(ed.status, 200);
  EXPECT_TRUE(has(ed, "href=\"/levels/swe-2\""));
  EXPECT_TRUE(has(ed, "<a href=\"" + person_url(world.mona) + "\">Mona Manager</a>"));
  EXPECT_TRUE(has(ed, "<a href=\"" + person_url(world.ivy) + "\">Ivy Intern</a>"));
  EXPECT_TRUE(has(ed, "href=\"" + person_url(world.ed) + "/team\""));
  // Ed sees his manager's name, but no link to a page he may not open.
  const Session own = world.sign_in("ed@example.com");
  Response self = world.get(person_url(world.ed), &own);
  EXPECT_TRUE(has(self, "Mona Manager"));
  EXPECT_FALSE(has(self, "href=\"" + person_url(world.mona) + "\""));
  EXPECT_TRUE(has(self, "<li>Mona Manager <span")) << "no link, not even to the page itself";
  EXPECT_EQ(world.get(person_url(world.mona), &own).status, 404);
  EXPECT_EQ(world.get("/people/999", &own).status, 404);
  const Session admin = world.sign_in("admin");
  EXPECT_EQ(world.get("/people/999", &admin).status, 404);
  EXPECT_EQ(world.get("/people/not-a-number", &admin).status, 404);
}

TEST_F(PeoplePages, ATeamPageNestsEveryoneBelow) {
  const Session mona = world.sign_in("mona@example.com");
  Response team = world.get(person_url(world.mona) + "/team", &mona);
  EXPECT_EQ(team.status, 200);
  EXPECT_TRUE(has(team, "2 people report to"));
  const std::string_view body = team.payload();
  const auto ed = body.find("Ed Engineer</a>");
  const auto nested = body.find("<ul>", ed);
  const auto ivy = body.find("Ivy Intern</a>", nested);
  EXPECT_NE(ed, std::string_view::npos);
  EXPECT_NE(nested, std::string_view::npos);
  EXPECT_NE(ivy, std::string_view::npos);
  EXPECT_NE(body.find("</li></ul></li></ul></li>", ivy), std::string_view::npos);
}

TEST_F(PeoplePages, ApiMeSaysWhoIsSignedIn) {
  const Session ed = world.sign_in("ed@example.com");
  const Json me = Json::parse(world.get("/api/v1/me", &ed).payload());
  EXPECT_EQ(me["login"], "ed@example.com");
  EXPECT_EQ(me["admin"], false);
  EXPECT_EQ(me["person"]["id"], world.ed);
  const Session admin = world.sign_in("admin");
  EXPECT_TRUE(Json::parse(world.get("/api/v1/me", &admin).payload())["person"].is_null());
  const Json person =
      Json::parse(world.get("/api/v1/people/" + std::to_string(world.ed), &ed).payload());
  EXPECT_EQ(person["chain"], Json::array({world.mona}));
  EXPECT_EQ(person["reports"], Json::array({world.ivy}));
}

TEST_F(PeoplePages, ImportShowsADryRunThenAppliesExactlyThatFile) {
  const Session admin = world.sign_in("admin");
  const std::string csv =
      "Name,Email,Manager Email,Level\r\n"
      "Mona Manager,mona@example.com,,mgr-1\r\n"
      "Nick Other,nick@example.com,,mgr-1\r\n"
      "Ed Engineer,ed@example.com,mona@example.com,swe-3\r\n"
      "Olga Report,olga@example.com,nick@example.com,swe-3\r\n"
      "Ivy Intern,ivy@example.com,ed@example.com,swe-1\r\n"
      "Newt Hire,newt@example.com,ed@example.com,swe-1\r\n";
  Response dry = upload(admin, csv);
  ASSERT_EQ(dry.status, 200) << dry.payload();
  EXPECT_TRUE(has(dry, "Would create 1, update 1, deactivate 0"));
  EXPECT_TRUE(has(dry, "level: swe-2 → swe-3"));
  // Every field of a new person, so that level and manager can be checked before Apply.
  EXPECT_TRUE(has(dry, "<div>level: swe-1</div>"));
  EXPECT_TRUE(has(dry, "<div>manager: ed@example.com</div>"));
  EXPECT_TRUE(has(dry, "<div>track: "));
  EXPECT_TRUE(has(dry, "<div>title: "));
  EXPECT_EQ(world.store->people()->size(), 5u) << "a dry run writes nothing";
  const std::string_view body = dry.payload();
  const auto at = body.find("name=\"upload\" value=\"") + 21;
  const std::string digest(body.substr(at, body.find('"', at) - at));
  Response applied = world.post("/admin/people/import/apply", &admin, {{"upload", digest}});
  EXPECT_EQ(applied.status, 200);
  EXPECT_TRUE(has(applied, "Applied people.csv: created 1, updated 1"));
  EXPECT_TRUE(has(applied,
                  "2 people cannot sign in yet. <a href=\"/admin/users#invite-heading\">"
                  "Create their accounts</a>"))
      << "Ivy and Newt have no account";
  EXPECT_EQ(world.store->people()->size(), 6u);
  EXPECT_EQ(world.post("/admin/people/import/apply", &admin, {{"upload", digest}}).status, 409);
  Response audit = world.get("/admin/audit?action=person.", &admin);
  EXPECT_TRUE(has(audit, "person: create"));
  EXPECT_TRUE(has(audit, "person: update"));
  // Each change as "field: before → after", people by name, levels by title, no JSON.
  EXPECT_TRUE(has(audit, "<li>level: Software Engineer II → Senior Software Engineer</li>"))
      << audit.payload();
  EXPECT_TRUE(has(audit, "<td data-label=\"Subject\">Ed Engineer</td>"));
  EXPECT_FALSE(has(audit, "{&quot;"));
  EXPECT_FALSE(
      std::regex_search(std::string(audit.payload()), std::regex(R"((person|account):\d)")));
}

// Several instances on one store: the upload waits in the store, not in the App that showed
// the dry run; another App applies it, once; a change to the people between the dry run and
// Apply gives a 409 with the new dry run, which can then be applied.
TEST_F(PeoplePages, ADryRunMadeOnOneInstanceIsAppliedOnAnotherOnce) {
  const Session admin = world.sign_in("admin");
  const std::string csv =
      "Name,Email,Manager Email,Level\r\n"
      "Mona Manager,mona@example.com,,mgr-1\r\n"
      "Nick Other,nick@example.com,,mgr-1\r\n"
      "Ed Engineer,ed@example.com,mona@example.com,swe-3\r\n"
      "Olga Report,olga@example.com,nick@example.com,swe-3\r\n"
      "Ivy Intern,ivy@example.com,ed@example.com,swe-1\r\n"
      "Newt Hire,newt@example.com,ed@example.com,swe-1\r\n";
  Response dry = upload(admin, csv);
  ASSERT_EQ(dry.status, 200) << dry.payload();
  const std::string_view body = dry.payload();
  const auto at = body.find("name=\"upload\" value=\"") + 21;
  const std::string token(body.substr(at, body.find('"', at) - at));

  AppOptions options;
  options.sessions = world.session_options();
  auto other = App::create(testing::fixture_ladder(), *world.store, std::move(options));
  ASSERT_TRUE(other);
  std::swap(world.app, *other);  // from here on, requests go to the other instance

  // Someone else changes a person between the dry run and Apply.
  ASSERT_TRUE(world.store->write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(auto ivy, w.person(world.ivy));
    ivy->start_date = "2026-01-05";
    return w.update_person(*ivy);
  }));
  Response stale = world.post("/admin/people/import/apply", &admin, {{"upload", token}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(has(stale, "People changed since this dry run was made")) << stale.payload();
  EXPECT_TRUE(has(stale, "name=\"upload\" value=\"" + token + "\""));
  EXPECT_EQ(world.store->people()->size(), 5u) << "nothing applied";

  Response applied = world.post("/admin/people/import/apply", &admin, {{"upload", token}});
  EXPECT_EQ(applied.status, 200) << applied.payload();
  EXPECT_EQ(world.store->people()->size(), 6u);
  Response again = world.post("/admin/people/import/apply", &admin, {{"upload", token}});
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(has(again, "This file was applied already")) << again.payload();
  EXPECT_EQ(world.store->people()->size(), 6u);
}

TEST_F(PeoplePages, TheAdminAcceptsHrsLevelOverAPromotionOnTheDryRun) {
  // Olga was promoted from swe-2 to swe-3 (approved and published); HR still says swe-2.
  ASSERT_TRUE(world.store->write([&](store::Writer& w) -> Result<void> {
    store::PromotionCase c;
    c.person = world.olga;
    c.from_track = "swe";
    c.from_level = "swe-2";
    c.target_track = "swe";
    c.target_level = "swe-3";
    c.opened_by_account = world.accounts["admin"];
    c.status = store::CaseStatus::decided;
    c.outcome = store::CaseOutcome::approved;
    c.effective_date = "2026-08-01";
    c.published = true;
    return w.insert_promotion_case(c).map([](store::Id) {});
  }));
  const Session admin = world.sign_in("admin");
  const std::string csv =
      "Name,Email,Manager Email,Level\r\n"
      "Mona Manager,mona@example.com,,mgr-1\r\n"
      "Nick Other,nick@example.com,,mgr-1\r\n"
      "Ed Engineer,ed@example.com,mona@example.com,swe-2\r\n"
      "Olga Report,olga@example.com,nick@example.com,swe-2\r\n"
      "Ivy Intern,ivy@example.com,ed@example.com,swe-1\r\n";
  Response dry = upload(admin, csv);
  ASSERT_EQ(dry.status, 200) << dry.payload();
  EXPECT_TRUE(has(dry, "Kept after a promotion"));
  EXPECT_TRUE(has(dry, "name=\"accept_hr_level\" value=\"olga@example.com\""));
  const std::string_view body = dry.payload();
  const auto at = body.find("name=\"upload\" value=\"") + 21;
  const std::string digest(body.substr(at, body.find('"', at) - at));
  Response applied = world.post("/admin/people/import/apply", &admin,
                                {{"upload", digest}, {"accept_hr_level", "olga@example.com"}});
  EXPECT_EQ(applied.status, 200) << applied.payload();
  EXPECT_EQ((*world.store->person(world.olga))->level, "swe-2");
  store::AuditQuery query;
  query.action = "person.level-override";
  EXPECT_EQ(world.store->audit(query)->size(), 1u);
}

TEST_F(PeoplePages, ImportErrorsAreShownByRowAndNothingCanBeApplied) {
  const Session admin = world.sign_in("admin");
  Response bad = upload(admin, "Name,Email,Level\nAda,ada@example.com,swe-9\n");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(has(bad, "<td>2</td>"));
  EXPECT_TRUE(has(bad, "swe-9"));
  EXPECT_FALSE(has(bad, "name=\"upload\""));
  Response garbage = upload(admin, std::string("PK\x03\x04\x00\x01", 6));
  EXPECT_EQ(garbage.status, 400);
  EXPECT_TRUE(has(garbage, "is not a readable CSV file"));
}

TEST_F(PeoplePages, AdminsAddUsersAndResetPasswordsSeeingTheOneTimePasswordOnce) {
  const Session admin = world.sign_in("admin");
  Response added =
      world.post("/admin/users", &admin, {{"login", " Newt@Example.com "}, {"no_person", "on"}});
  EXPECT_EQ(added.status, 200);
  EXPECT_TRUE(has(added, "One-time password for <strong>newt@example.com</strong>"));
  EXPECT_EQ(header(added, "Cache-Control"), "no-store");
  EXPECT_FALSE(has(world.get("/admin/users", &admin), "One-time password"));
  Response taken = world.post("/admin/users", &admin, {{"login", "newt@example.com"}});
  EXPECT_EQ(taken.status, 400);
  const std::string reset = "/admin/users/" + std::to_string(world.accounts["victim"]) + "/reset";
  Response done = world.post(reset, &admin);
  EXPECT_EQ(done.status, 200);
  EXPECT_TRUE(has(done, "One-time password for <strong>victim@example.com</strong>"));
  EXPECT_EQ(world.post("/admin/users/999/reset", &admin).status, 404);
  Response audit = world.get("/admin/audit?actor=admin", &admin);
  EXPECT_TRUE(has(audit, "account: create"));
  EXPECT_TRUE(has(audit, "account: password reset"));
  EXPECT_TRUE(has(audit, "account of newt@example.com"));
  EXPECT_FALSE(has(audit, "argon2")) << "no hash in the audit log";
  EXPECT_TRUE(
      has(world.get("/admin/audit?since=2025-01-01&until=2025-12-31", &admin), "account: create"));
  EXPECT_TRUE(has(world.get("/admin/audit?since=2099-01-01", &admin), "No entries match."));
  EXPECT_TRUE(has(world.get("/admin/audit?until=2000-01-01", &admin), "No entries match."));
}

TEST_F(PeoplePages, AdminsDisableEnableAndDeleteAccountsOnTheUsersPage) {
  const Session admin = world.sign_in("admin");
  const Session ed = world.sign_in("ed@example.com");
  const std::string ed_url = "/admin/users/" + std::to_string(world.accounts["ed@example.com"]);
  ASSERT_EQ(world.get("/account", &ed).status, 200);

  const Response disabled = world.post(ed_url + "/disable", &admin);
  EXPECT_EQ(disabled.status, 200) << disabled.payload();
  EXPECT_TRUE(has(disabled,
                  "ed@example.com is disabled: it cannot sign in until it is enabled "
                  "again."));
  EXPECT_TRUE(has(disabled, "<strong class=\"status-disabled\">Disabled</strong>"));
  EXPECT_TRUE(has(disabled, "aria-label=\"Enable ed@example.com\""));
  // Ed's session is refused from his next request; his password gets a clear page.
  EXPECT_EQ(world.get("/account", &ed).status, 401);
  EXPECT_EQ(world.get("/api/v1/me", &ed).status, 401);
  Request sign_in = testing::request("/sign-in", {}, "POST");
  sign_in.headers.add("Content-Type", "application/x-www-form-urlencoded");
  sign_in.headers.add("Cookie", std::string(k_signin_csrf_cookie) + "=c");
  sign_in.body = "csrf=c&login=ed%40example.com&password=" +
                 percent_encode(std::string(testing::k_world_password));
  const Response page = world.app->handle(sign_in);
  EXPECT_EQ(page.status, 403) << page.payload();
  EXPECT_TRUE(has(page, "Your account is disabled; ask an admin to enable it again."));
  // Nothing of Ed's data changed: his assessments are still his.
  EXPECT_EQ(world.get("/people/" + std::to_string(world.ed), &admin).status, 200);

  const Response enabled = world.post(ed_url + "/enable", &admin);
  EXPECT_EQ(enabled.status, 200);
  EXPECT_TRUE(has(enabled, "ed@example.com is enabled: it can sign in again."));
  EXPECT_EQ(world.get("/account", &ed).status, 401) << "the ended session stays ended";
  const Session again = world.sign_in("ed@example.com");
  EXPECT_EQ(world.get("/account", &again).status, 200);

  // Delete: Ed has signed in (the audit log names him), so it is refused with disable offered.
  const Response in_use = world.post(ed_url + "/delete", &admin);
  EXPECT_EQ(in_use.status, 409);
  EXPECT_TRUE(has(in_use, "ed@example.com cannot be deleted: it is named by")) << in_use.payload();
  EXPECT_TRUE(has(in_use, ">Disable ed@example.com</button>"));
  EXPECT_TRUE(world.store->account(world.accounts["ed@example.com"]).value());

  // An account made by a typo: a confirmation first, then gone.
  ASSERT_EQ(world.post("/admin/users", &admin, {{"login", "chen@exmaple.com"}, {"no_person", "on"}})
                .status,
            200);
  const auto typo = world.store->account_by_login("chen@exmaple.com").value();
  ASSERT_TRUE(typo);
  const std::string typo_url = "/admin/users/" + std::to_string(typo->id) + "/delete";
  const Response ask = world.post(typo_url, &admin);
  EXPECT_EQ(ask.status, 200);
  EXPECT_TRUE(has(ask, "Delete the account <strong>chen@exmaple.com</strong>?"));
  EXPECT_TRUE(has(ask, "name=\"confirm\" value=\"yes\""));
  EXPECT_TRUE(world.store->account(typo->id).value()) << "not before the confirmation";
  const Response gone = world.post(typo_url, &admin, {{"confirm", "yes"}});
  EXPECT_EQ(gone.status, 200);
  EXPECT_TRUE(has(gone, "The account chen@exmaple.com is deleted."));
  EXPECT_FALSE(world.store->account(typo->id).value());
  EXPECT_EQ(world.post(typo_url, &admin, {{"confirm", "yes"}}).status, 404);

  // The admin's own account: no buttons, and refused when posted anyway.
  const std::string own = "/admin/users/" + std::to_string(world.accounts["admin"]);
  EXPECT_TRUE(has(world.get("/admin/users", &admin), "your own account"));
  EXPECT_EQ(world.post(own + "/disable", &admin).status, 403);
  EXPECT_EQ(world.post(own + "/delete", &admin).status, 403);
  EXPECT_EQ(world.post(own + "/delete", &admin, {{"confirm", "yes"}}).status, 403);
  EXPECT_FALSE(world.store->account(world.accounts["admin"]).value()->disabled());
  EXPECT_EQ(world.post("/admin/users/999/disable", &admin).status, 404);

  const Response audit = world.get("/admin/audit?actor=admin", &admin);
  EXPECT_TRUE(has(audit, "account: disable"));
  EXPECT_TRUE(has(audit, "account: enable"));
  EXPECT_TRUE(has(audit, "account: delete"));
  EXPECT_TRUE(has(audit, "account of chen@exmaple.com")) << "a deleted account by its login";
  EXPECT_TRUE(has(audit, "disabled: no → ")) << audit.payload();
}

TEST_F(PeoplePages, TheUsersApiListsDisablesEnablesAndDeletes) {
  const Session admin = world.token_of("admin");
  const std::string victim = std::to_string(world.accounts["victim"]);
  const Response list = world.get("/api/v1/users", &admin);
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(has(list, R"("login": "victim@example.com")")) << list.payload();
  const Response disabled = world.send_json("POST", "/api/v1/users/" + victim + "/disable", &admin);
  EXPECT_EQ(disabled.status, 200) << disabled.payload();
  EXPECT_TRUE(has(disabled, R"("disabled": true)"));
  const Response enabled = world.send_json("POST", "/api/v1/users/" + victim + "/enable", &admin);
  EXPECT_TRUE(has(enabled, R"("disabled": false)"));
  EXPECT_TRUE(has(enabled, R"("disabled_at": null)"));
  const std::string own = std::to_string(world.accounts["admin"]);
  const Response self = world.send_json("POST", "/api/v1/users/" + own + "/disable", &admin);
  EXPECT_EQ(self.status, 403);
  EXPECT_TRUE(has(self, R"("code": "auth.own-account")"));
  const Response named = world.send_json(
      "POST", "/api/v1/users/" + std::to_string(world.accounts["mona@example.com"]) + "/delete",
      &admin);
  EXPECT_EQ(named.status, 409) << named.payload();
  EXPECT_TRUE(has(named, R"("code": "auth.account-in-use")"));
  const Response deleted = world.send_json("POST", "/api/v1/users/" + victim + "/delete", &admin);
  EXPECT_EQ(deleted.status, 200) << deleted.payload();
  EXPECT_TRUE(has(deleted, R"("deleted": true)"));
  EXPECT_EQ(world.send_json("POST", "/api/v1/users/" + victim + "/delete", &admin).status, 404);
  // A disabled admin's token is refused like any other.
  const Session ed = world.token_of("ed@example.com");
  ASSERT_EQ(world.get("/api/v1/me", &ed).status, 200);
  ASSERT_EQ(world
                .send_json("POST",
                           "/api/v1/users/" + std::to_string(world.accounts["ed@example.com"]) +
                               "/disable",
                           &admin)
                .status,
            200);
  EXPECT_EQ(world.get("/api/v1/me", &ed).status, 401);
}

TEST_F(PeoplePages, ANewLoginNoPersonHasIsRefusedWithTheClosestSuggestedUnlessConfirmed) {
  const Session admin = world.sign_in("admin");
  const auto before = world.store->accounts().value();
  const Response typo = world.post("/admin/users", &admin, {{"login", "Ivy@Exmaple.com"}});
  EXPECT_EQ(typo.status, 422);
  EXPECT_TRUE(has(typo,
                  "no one in the people directory has the email &#39;ivy@exmaple.com&#39;. "
                  "Did you mean <strong>ivy@example.com</strong>?"))
      << typo.payload();
  EXPECT_TRUE(has(typo, ">Create ivy@example.com</button>"));
  EXPECT_TRUE(has(typo, "name=\"no_person\" required"));
  EXPECT_FALSE(has(typo, "One-time password"));
  EXPECT_EQ(world.store->accounts().value(), before) << "nothing created";
  const Response far = world.post("/admin/users", &admin, {{"login", "zed@elsewhere.org"}});
  EXPECT_EQ(far.status, 422);
  EXPECT_FALSE(has(far, "Did you mean"));
  EXPECT_EQ(world.store->accounts().value(), before);

  const Response meant =
      world.post("/admin/users", &admin, {{"login", "ivy@exmaple.com"}, {"no_person", "on"}});
  EXPECT_EQ(meant.status, 200);
  EXPECT_TRUE(has(meant, "One-time password for <strong>ivy@exmaple.com</strong>"));
  EXPECT_EQ(world.post("/admin/users", &admin, {{"login", "ivy@example.com"}}).status, 200)
      << "a person's email needs no confirmation";
}

TEST_F(PeoplePages, InvitingManyCreatesAnAccountForEveryoneWithoutOneShownOnce) {
  const Session admin = world.sign_in("admin");
  world.add_person("=HYPERLINK(\"x\")", "eve@example.com", world.mona, "swe-1");
  const Response page = world.get("/admin/users", &admin);
  EXPECT_TRUE(has(page, "2 people in the directory cannot sign in yet."));  // Ivy, Eve
  const Response invited = world.post("/admin/users/invite", &admin);
  ASSERT_EQ(invited.status, 200) << invited.payload();
  EXPECT_EQ(header(invited, "Cache-Control"), "no-store");
  EXPECT_TRUE(has(invited, "2 accounts created."));
  EXPECT_TRUE(
      has(invited, "<td>Ivy Intern</td><td>ivy@example.com</td><td><code class=\"secret\">"));
  EXPECT_TRUE(has(invited, "download=\"rung-invitations.csv\""));
  const std::string_view body = invited.payload();
  const std::string_view start = "href=\"data:text/csv;charset=utf-8,";
  const auto at = body.find(start) + start.size();
  const auto csv = percent_decode(body.substr(at, body.find('"', at) - at), false);
  ASSERT_TRUE(csv);
  EXPECT_TRUE(csv->starts_with("name,login,one-time password\r\n")) << *csv;
  EXPECT_NE(csv->find("\"'=HYPERLINK(\"\"x\"\")\",eve@example.com,"), std::string::npos)
      << "a formula is kept as text: " << *csv;
  const auto ivy = world.store->account_by_login("ivy@example.com").value();
  ASSERT_TRUE(ivy);
  EXPECT_TRUE(ivy->must_change_password);
  EXPECT_TRUE(world.store->account_by_login("eve@example.com").value());

  const Response again = world.post("/admin/users/invite", &admin);
  EXPECT_TRUE(has(again, "Everyone in the people directory has an account."));
  EXPECT_FALSE(has(world.get("/admin/users", &admin), "cannot sign in yet"));
  Response audit = world.get("/admin/audit?action=account.create", &admin);
  EXPECT_TRUE(has(audit, "eve@example.com"));
}

// Pages speak the user's language (issue 13 item 8): the main pages an engineer, a manager and
// an admin open show no ISO timestamps, no "version N", no content hashes, no "person N" or
// "account:N", no statement ids; dates read as people write them (render/dates.hpp); lint is
// in the menu of admins only.

// What a reader sees: the page without tags (so without attribute values), scripts and styles.
std::string visible_text(std::string html) {
  html = std::regex_replace(html, std::regex(R"(<(script|style)[^>]*>[\s\S]*?</\1>)"), " ");
  return std::regex_replace(html, std::regex(R"(<[^>]*>)"), " ");
}

struct Leak {
  const char* what;
  std::regex pattern;
};

const std::vector<Leak>& leaks() {
  static const std::vector<Leak> k_leaks{
      {"an ISO timestamp", std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d)")},
      {"a version number", std::regex(R"(\bversion \d+)", std::regex::icase)},
      {"a hex hash", std::regex(R"(\b[0-9a-f]{12,}\b)")},
      {"a person id", std::regex(R"(\bperson:? ?\d+)", std::regex::icase)},
      {"an account id", std::regex(R"(\baccount:\d+)")},
      {"a statement id", std::regex(R"(\b[a-z]+-\d+-[a-z]+-\d+\b)")},
      {"running (no cycle)", std::regex(R"(no cycle\))")},
      {"a comparison sign", std::regex(R"(&lt;=|&gt;=|<=|>=)")},
  };
  return k_leaks;
}

class PlainWords : public ::testing::Test {
 protected:
  PeopleWorld world;

  // The page at `target` for `session`, after one redirect at most.
  std::string page(const std::string& target, const Session& session) {
    Response response = world.get(target, &session);
    if (response.status == 302 || response.status == 303) {
      if (const auto location = response.headers.get("Location")) {
        response = world.get(std::string(*location), &session);
      }
    }
    EXPECT_EQ(response.status, 200) << target;
    return std::string(response.payload());
  }

  void expect_plain(const std::string& target, const Session& session, const char* who) {
    const std::string html = page(target, session);
    const std::string text = visible_text(html);
    for (const Leak& leak : leaks()) {
      std::smatch found;
      EXPECT_FALSE(std::regex_search(text, found, leak.pattern))
          << who << " sees " << leak.what << " on " << target << ": \"" << found.str() << "\" in \""
          << text.substr(found.position() > 60 ? found.position() - 60 : 0, 120) << "\"";
    }
    EXPECT_FALSE(std::regex_search(html, std::regex(R"(account:\d)"))) << target;
  }

  std::string ed_url(const std::string& rest = "") {
    return fmt::format("/people/{}{}", world.ed, rest);
  }
};

TEST_F(PlainWords, TheEngineersPagesShowNoInternalDetails) {
  const Session ed = world.sign_in("ed@example.com");
  for (const std::string& target :
       {std::string("/"), std::string("/me"), ed_url(), ed_url("/assessments"),
        ed_url(fmt::format("/assessments/{}", world.ed_draft)),
        ed_url(fmt::format("/assessments/{}", world.mona_done)), ed_url("/side-by-side"),
        ed_url("/plans"), std::string("/levels/swe-2"), std::string("/compare?a=swe-2&b=swe-3"),
        std::string("/people"), std::string("/account")}) {
    expect_plain(target, ed, "an engineer");
  }
}

TEST_F(PlainWords, TheManagersPagesShowNoInternalDetails) {
  const Session mona = world.sign_in("mona@example.com");
  for (const std::string& target :
       {std::string("/"), std::string("/me/team"), ed_url(), ed_url("/assessments"),
        ed_url(fmt::format("/assessments/{}", world.mona_done)), ed_url("/side-by-side"),
        std::string("/people")}) {
    expect_plain(target, mona, "a manager");
  }
}

TEST_F(PlainWords, TheAuditLogShowsNamesAndChangesNotJson) {
  const Session admin = world.sign_in("admin");
  for (const std::string& target : {std::string("/admin/audit"), std::string("/admin/users")}) {
    expect_plain(target, admin, "an admin");
  }
  const std::string audit = page("/admin/audit", admin);
  EXPECT_EQ(audit.find("{&quot;"), std::string::npos) << "no raw JSON";
  EXPECT_NE(audit.find("assessment of Ed Engineer"), std::string::npos);
  EXPECT_NE(audit.find("status: draft → submitted"), std::string::npos);
}

TEST_F(PlainWords, LintIsInTheMenuOfAdminsOnly) {
  const Session ed = world.sign_in("ed@example.com");
  const Session mona = world.sign_in("mona@example.com");
  const Session admin = world.sign_in("admin");
  EXPECT_EQ(page("/", ed).find(">Lint</a>"), std::string::npos);
  EXPECT_EQ(page("/", mona).find(">Lint</a>"), std::string::npos);
  EXPECT_EQ(world.get("/").payload().find(">Lint</a>"), std::string::npos);
  EXPECT_NE(page("/", admin).find(">Lint</a>"), std::string::npos);
  EXPECT_EQ(world.get("/lint", &ed).status, 200) << "still there for whoever has the address";
}

TEST(Dates, ReadAsPeopleWriteThem) {
  EXPECT_EQ(render::date_text(std::int64_t{0}), "1 Jan 1970");
  EXPECT_EQ(render::date_text(std::int64_t{1'796'506'859'000}), "5 Dec 2026");
  EXPECT_EQ(render::date_time_text(1'796'506'859'000), "5 Dec 2026, 21:40 UTC");
  EXPECT_EQ(render::date_text(std::string_view("2026-07-01")), "1 Jul 2026");
  EXPECT_EQ(render::date_text(std::string_view("2026-07-01T10:00:00Z")), "1 Jul 2026");
  EXPECT_EQ(render::date_text(std::string_view("soon")), "soon");
  EXPECT_EQ(render::date_text(std::string_view("")), "");
}

}  // namespace
}  // namespace rung::web
