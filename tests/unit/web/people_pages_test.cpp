// The people pages and API as each viewer sees them: the directory lists only whom the viewer
// may see, a person's page shows their reporting line and reports, a team page nests a
// manager's whole team, and the admin pages import people, add users and show the audit log.
#include <regex>

#include <gtest/gtest.h>

#include "rung/format/ladder_json.hpp"

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
  EXPECT_EQ(world.store->people()->size(), 5u) << "a dry run writes nothing";
  const std::string_view body = dry.payload();
  const auto at = body.find("name=\"digest\" value=\"") + 21;
  const std::string digest(body.substr(at, body.find('"', at) - at));
  Response applied = world.post("/admin/people/import/apply", &admin, {{"digest", digest}});
  EXPECT_EQ(applied.status, 200);
  EXPECT_TRUE(has(applied, "Applied people.csv: created 1, updated 1"));
  EXPECT_EQ(world.store->people()->size(), 6u);
  EXPECT_EQ(world.post("/admin/people/import/apply", &admin, {{"digest", digest}}).status, 409);
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

TEST_F(PeoplePages, ImportErrorsAreShownByRowAndNothingCanBeApplied) {
  const Session admin = world.sign_in("admin");
  Response bad = upload(admin, "Name,Email,Level\nAda,ada@example.com,swe-9\n");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(has(bad, "<td>2</td>"));
  EXPECT_TRUE(has(bad, "swe-9"));
  EXPECT_FALSE(has(bad, "name=\"digest\""));
  Response garbage = upload(admin, std::string("PK\x03\x04\x00\x01", 6));
  EXPECT_EQ(garbage.status, 400);
  EXPECT_TRUE(has(garbage, "is not a readable CSV file"));
}

TEST_F(PeoplePages, AdminsAddUsersAndResetPasswordsSeeingTheOneTimePasswordOnce) {
  const Session admin = world.sign_in("admin");
  Response added = world.post("/admin/users", &admin, {{"login", " Newt@Example.com "}});
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

}  // namespace
}  // namespace rung::web
