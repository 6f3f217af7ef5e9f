// Team readiness on the web: the page, the CSV download and the API, the filters and sorting in
// the query string, the empty states, the header's "Team" link and the person page's link.
// The company of people_world.hpp: Mona <- Ed <- Ivy; Nick <- Olga. In the open cycle "2026 H2"
// Mona submitted a manager assessment of Ed (one statement of swe-2 met); Ed has a running
// self-assessment draft outside any cycle and a growth plan towards swe-3.
#include <regex>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::has;
using testing::header;
using testing::PeopleWorld;
using testing::Session;

class TeamPages : public ::testing::Test {
 protected:
  std::string readiness(store::Id id, const std::string& query = "") {
    return "/people/" + std::to_string(id) + "/team/readiness" + query;
  }

  // The page's text without tags, to look for what a reader sees.
  static std::string text_of(const Response& response) {
    return std::regex_replace(std::string(response.payload()), std::regex("<[^>]*>"), " ");
  }

  // The names in the table's rows, in order.
  static std::vector<std::string> row_names(const Response& response) {
    std::vector<std::string> out;
    const std::string body(response.payload());
    const std::regex name(R"re(<th scope="row" class="team-name"><a href="[^"]*">([^<]*)</a>)re");
    for (auto it = std::sregex_iterator(body.begin(), body.end(), name);
         it != std::sregex_iterator(); ++it) {
      out.push_back((*it)[1]);
    }
    return out;
  }

  PeopleWorld world;
};

TEST_F(TeamPages, TheManagerSeesTheWholeLineWithEveryColumnInWords) {
  const Session mona = world.sign_in("mona@example.com");
  const Response page = world.get(readiness(world.mona), &mona);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(header(page, "Cache-Control"), "no-store");
  EXPECT_EQ(row_names(page), (std::vector<std::string>{"Ed Engineer", "Ivy Intern"}));
  const std::string text = text_of(page);
  EXPECT_NE(text.find("2 people report to Mona Manager"), std::string::npos);
  EXPECT_NE(text.find("the review cycle 2026 H2 (open)"), std::string::npos);
  EXPECT_NE(text.find("reports to Ed Engineer"), std::string::npos);  // Ivy, two levels down
  EXPECT_NE(text.find("1 of 7 met"), std::string::npos);              // Ed's fit, Mona's ratings
  EXPECT_NE(text.find("from the manager assessment"), std::string::npos);
  EXPECT_NE(text.find("Senior Software Engineer"), std::string::npos);  // Ed's next level
  EXPECT_NE(text.find("0 of 6 done"), std::string::npos);               // Ed's plan to swe-3
  EXPECT_NE(text.find("today"), std::string::npos);                     // dates in words
  EXPECT_NE(text.find("Not started"), std::string::npos);
  EXPECT_NE(text.find("1 of 2 have a submitted assessment"), std::string::npos);
  // No ids, hashes or raw JSON in what a reader sees.
  EXPECT_EQ(text.find("#" + std::to_string(world.mona_done)), std::string::npos);
  EXPECT_EQ(text.find("fnv1a64"), std::string::npos);
  EXPECT_EQ(text.find('{'), std::string::npos);
  // Every figure leads to where it comes from.
  const std::string ed = "/people/" + std::to_string(world.ed);
  EXPECT_TRUE(has(page, "href=\"" + ed + "/assessments/" + std::to_string(world.mona_done) + "\""));
  EXPECT_TRUE(has(page, "href=\"" + ed + "/plans/" + std::to_string(world.ed_plan) + "\""));
  // Ed's own draft is a running one, outside the cycle: not this cycle's self-assessment.
  const Json api = Json::parse(
      world.get("/api/v1/people/" + std::to_string(world.mona) + "/team/readiness", &mona)
          .payload());
  EXPECT_EQ(api["rows"][0]["self"]["state"], "not_started");
  EXPECT_EQ(api["rows"][0]["manager"]["state"], "submitted");
}

TEST_F(TeamPages, FiltersAndSortingLiveInTheQueryString) {
  const Session mona = world.sign_in("mona@example.com");
  EXPECT_EQ(row_names(world.get(readiness(world.mona, "?not_assessed=1"), &mona)),
            (std::vector<std::string>{"Ivy Intern"}));
  EXPECT_EQ(row_names(world.get(readiness(world.mona, "?level=swe-2"), &mona)),
            (std::vector<std::string>{"Ed Engineer"}));
  EXPECT_EQ(row_names(world.get(readiness(world.mona, "?sort=name&order=desc"), &mona)),
            (std::vector<std::string>{"Ivy Intern", "Ed Engineer"}));
  // Fit: Ed has one, Ivy none, who comes last either way.
  for (const char* order : {"asc", "desc"}) {
    EXPECT_EQ(
        row_names(world.get(readiness(world.mona, std::string("?sort=fit&order=") + order), &mona)),
        (std::vector<std::string>{"Ed Engineer", "Ivy Intern"}))
        << order;
  }
  const Response filtered =
      world.get(readiness(world.mona, "?not_assessed=1&sort=readiness"), &mona);
  // The form shows what was chosen, the heads link to the other order, the CSV keeps it all.
  EXPECT_TRUE(has(filtered, R"(name="not_assessed" value="1" checked)"));
  EXPECT_TRUE(has(filtered, R"(<option value="readiness" selected>)"));
  EXPECT_TRUE(has(filtered, R"(aria-sort="ascending")"));
  EXPECT_TRUE(has(filtered, "readiness?not_assessed=1&amp;sort=readiness&amp;order=desc"));
  EXPECT_TRUE(has(filtered, "readiness.csv?not_assessed=1&amp;sort=readiness\""));
  EXPECT_TRUE(has(filtered, "Clear the filters"));
  // An empty choice of the form is no filter.
  EXPECT_EQ(row_names(world.get(readiness(world.mona, "?cycle=&track=&level=&sort=&order="), &mona))
                .size(),
            2U);
  // Bad values are refused with what was wrong.
  for (const char* bad : {"?track=nope", "?level=swe-9", "?sort=height", "?order=up", "?page=0",
                          "?ready=maybe", "?cycle=soon", "?colour=red"}) {
    const Response refused = world.get(readiness(world.mona, bad), &mona);
    EXPECT_EQ(refused.status, 400) << bad;
  }
  EXPECT_EQ(world.get(readiness(world.mona, "?cycle=999"), &mona).status, 404);
  EXPECT_EQ(world.get(readiness(world.mona, "?cycle=all"), &mona).status, 200);
}

TEST_F(TeamPages, EveryEmptyStateLeadsSomewhere) {
  const Session ed = world.sign_in("ed@example.com");
  const Response alone = world.get(readiness(world.ivy), &ed);
  ASSERT_EQ(alone.status, 200);
  EXPECT_TRUE(has(alone, "Nobody reports to Ivy Intern"));
  EXPECT_TRUE(has(alone, R"(href="/people")"));
  const Session nick = world.sign_in("nick@example.com");
  const Response none = world.get(readiness(world.nick), &nick);
  EXPECT_TRUE(has(none, "Nobody in this team has submitted an assessment in 2026 H2"));
  EXPECT_TRUE(has(none, "/people/" + std::to_string(world.olga) + "/assessments"));
  EXPECT_TRUE(has(none, "Nothing waits for you"));
  const Response no_match = world.get(readiness(world.nick, "?ready=1"), &nick);
  EXPECT_TRUE(has(no_match, "Nobody in this team matches these filters"));
}

TEST_F(TeamPages, WhatAwaitsTheManagerIsOnTop) {
  const Session ed = world.sign_in("ed@example.com");
  const auth::Viewer ed_viewer = world.viewer_of("ed@example.com");
  review::Service& review = world.app->resources().review;
  // Ed's draft is outside the cycle; a self-assessment in it, submitted, waits for Mona.
  const auto started =
      review.start(ed_viewer, {world.ed, store::AuthorRole::self, "", world.cycle});
  ASSERT_TRUE(started);
  ASSERT_TRUE(review.submit(ed_viewer, started->assessment.id, started->assessment.version));
  const Session mona = world.sign_in("mona@example.com");
  // Mona's manager assessment was submitted first, so no assessment waits; her draft case for
  // Ed does (cases to write and finish are listed after the assessments).
  const Response monas = world.get(readiness(world.mona), &mona);
  EXPECT_FALSE(has(monas, "Start your assessment of Ed Engineer"));
  EXPECT_TRUE(has(monas, "has a promotion case still in draft"));
  EXPECT_TRUE(
      has(monas, fmt::format("/people/{}/cases/{}\">Finish the case", world.ed, world.ed_case)));
  const Session nick = world.sign_in("nick@example.com");
  const auth::Viewer olga = world.viewer_of("olga@example.com");
  const auto hers = review.start(olga, {world.olga, store::AuthorRole::self, "", world.cycle});
  ASSERT_TRUE(hers);
  ASSERT_TRUE(review.submit(olga, hers->assessment.id, hers->assessment.version));
  const Response page = world.get(readiness(world.nick), &nick);
  EXPECT_TRUE(has(page, "Waiting for you"));
  EXPECT_TRUE(has(page, "Start your assessment of Olga Report"));
  const Json api = Json::parse(
      world.get("/api/v1/people/" + std::to_string(world.nick) + "/team/readiness", &nick)
          .payload());
  ASSERT_EQ(api["awaiting"].size(), 1U);
  EXPECT_EQ(api["awaiting"][0]["name"], "Olga Report");
  EXPECT_EQ(api["awaiting"][0]["kind"], "assessment");
  const Json monas_api = Json::parse(
      world.get("/api/v1/people/" + std::to_string(world.mona) + "/team/readiness", &mona)
          .payload());
  ASSERT_EQ(monas_api["awaiting"].size(), 1U);
  EXPECT_EQ(monas_api["awaiting"][0]["kind"], "finish_case");
  EXPECT_EQ(monas_api["awaiting"][0]["case"], world.ed_case);
}

TEST_F(TeamPages, TheCsvKeepsSpreadsheetFormulasFromRunning) {
  // Names come from the HRIS file: a name a spreadsheet would run reaches the CSV as text.
  world.add_person("=HYPERLINK(\"http://evil.example\",\"x\")", "eve@example.com", world.mona,
                   "swe-1");
  world.add_person("@SUM(1+1)", "at@example.com", world.mona, "swe-1");
  const Session mona = world.sign_in("mona@example.com");
  const std::string body(world.get(readiness(world.mona, ".csv?sort=name"), &mona).payload());
  EXPECT_NE(body.find("\r\n\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",eve@"),
            std::string::npos)
      << body;
  EXPECT_NE(body.find("\r\n'@SUM(1+1),at@example.com,"), std::string::npos) << body;
  EXPECT_EQ(body.find("\r\n=HYPERLINK"), std::string::npos);
}

TEST_F(TeamPages, TheCsvHasAHeaderRowAndQuotesWhatItMust) {
  world.add_person("Zoë \"Z\" O'Neil, Jr.", "zoe@example.com", world.mona, "swe-1");
  const Session mona = world.sign_in("mona@example.com");
  const Response csv = world.get(readiness(world.mona, ".csv?sort=name"), &mona);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(header(csv, "Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(header(csv, "Content-Disposition"), "attachment; filename=\"team-readiness.csv\"");
  const std::string body(csv.payload());
  EXPECT_TRUE(body.starts_with("name,email,track,level,level_title,reports_to,self_assessment,"));
  EXPECT_NE(body.find("\r\nEd Engineer,ed@example.com,swe,swe-2,Software Engineer II,Mona "
                      "Manager,not_started,,submitted,"),
            std::string::npos);
  EXPECT_NE(body.find(",1,7,manager,swe-3,,,,0,6,"), std::string::npos);
  // Ed's open case (a draft) in the open-case column; nothing calibrated.
  EXPECT_NE(body.find(",draft,,,\r\n"), std::string::npos) << body;
  EXPECT_NE(body.find("\r\n\"Zoë \"\"Z\"\" O'Neil, Jr.\",zoe@example.com,"), std::string::npos);
  EXPECT_NE(body.find("Ivy Intern,ivy@example.com,swe,swe-1,Software Engineer I,Ed Engineer,"),
            std::string::npos);
  std::size_t lines = 0;
  for (std::size_t at = body.find("\r\n"); at != std::string::npos;
       at = body.find("\r\n", at + 2)) {
    ++lines;
  }
  EXPECT_EQ(lines, 4U);  // the header and three people
  // The same filters as the page.
  const std::string ready(world.get(readiness(world.mona, ".csv?ready=1"), &mona).payload());
  EXPECT_EQ(ready.find("Ed Engineer"), std::string::npos);
  EXPECT_EQ(world.get(readiness(world.mona, ".csv?sort=bogus"), &mona).status, 400);
}

TEST_F(TeamPages, TheApiAnswersTheRowsAsJson) {
  const Session mona = world.sign_in("mona@example.com");
  const Response out = world.get(
      "/api/v1/people/" + std::to_string(world.mona) + "/team/readiness?sort=level", &mona);
  ASSERT_EQ(out.status, 200);
  const Json api = Json::parse(out.payload());
  EXPECT_EQ(api["person"]["name"], "Mona Manager");
  EXPECT_EQ(api["cycle"]["name"], "2026 H2");
  EXPECT_EQ(api["team_size"], 2);
  EXPECT_EQ(api["assessed"], 1);
  EXPECT_EQ(api["count"], 2);
  ASSERT_EQ(api["rows"].size(), 2U);
  EXPECT_EQ(api["rows"][0]["person"]["name"], "Ivy Intern");  // swe-1 before swe-2
  const Json& ed = api["rows"][1];
  EXPECT_EQ(ed["depth"], 1);
  EXPECT_EQ(ed["manager"]["assessment"], world.mona_done);
  EXPECT_EQ(ed["fit"]["source"], "manager");
  EXPECT_EQ(ed["fit"]["met"], 1);
  EXPECT_EQ(ed["fit"]["total"], 7);
  EXPECT_EQ(ed["next_level"], "swe-3");
  EXPECT_TRUE(ed["readiness"].is_null());
  EXPECT_TRUE(ed["flagged"].is_null());
  EXPECT_EQ(ed["growth"]["target_level"], "swe-3");
  EXPECT_EQ(ed["growth"]["total"], 6);
  EXPECT_TRUE(ed["last_assessed"].get<std::string>().ends_with("Z"));
  EXPECT_EQ(ed["open_case"], world.ed_case);  // Mona's case for Ed, still a draft
  EXPECT_TRUE(api["rows"][0]["open_case"].is_null());
  const Response bad =
      world.get("/api/v1/people/" + std::to_string(world.mona) + "/team/readiness?sort=x", &mona);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Json::parse(bad.payload())["error"]["code"], "bad-query");
  const Response unknown = world.get(
      "/api/v1/people/" + std::to_string(world.mona) + "/team/readiness?cycle=999", &mona);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(Json::parse(unknown.payload())["error"]["code"], "review.not-found");
}

TEST_F(TeamPages, TheHeaderLeadsThoseWithReportsToTheirTeam) {
  const Session mona = world.sign_in("mona@example.com");
  const Session olga = world.sign_in("olga@example.com");
  const Session admin = world.sign_in("admin");
  EXPECT_TRUE(has(world.get("/", &mona), R"(href="/me/team")"));
  EXPECT_FALSE(has(world.get("/", &olga), R"(href="/me/team")"));
  EXPECT_FALSE(has(world.get("/", &admin), R"(href="/me/team")"));
  const Response mine = world.get("/me/team", &mona);
  EXPECT_EQ(mine.status, 303);
  EXPECT_EQ(header(mine, "Location"), readiness(world.mona));
  EXPECT_EQ(world.get("/me/team", &olga).status, 303);  // her own, empty, page
  const Response none = world.get("/me/team", &admin);
  EXPECT_EQ(none.status, 200);
  EXPECT_TRUE(has(none, "not linked to anyone"));
  EXPECT_EQ(world.get("/me/team").status, 401);
  // On the team page itself, "Team" is the current page.
  EXPECT_TRUE(
      has(world.get(readiness(world.mona), &mona), R"(href="/me/team" aria-current="page")"));
}

TEST_F(TeamPages, ThePersonPageLinksToTheTeamWhenThereAreReports) {
  const Session mona = world.sign_in("mona@example.com");
  EXPECT_TRUE(has(world.get("/people/" + std::to_string(world.ed), &mona),
                  "href=\"" + readiness(world.ed) + "\""));
  EXPECT_FALSE(has(world.get("/people/" + std::to_string(world.ivy), &mona), "/team/readiness"));
  EXPECT_TRUE(has(world.get("/people/" + std::to_string(world.mona) + "/team", &mona),
                  "href=\"" + readiness(world.mona) + "\""));
}

TEST_F(TeamPages, ManyRowsArePagedAndEveryPageKeepsTheQuery) {
  for (int i = 0; i < 120; ++i) {
    world.add_person("Report " + std::to_string(1000 + i),
                     "report" + std::to_string(i) + "@example.com", world.nick, "swe-1");
  }
  const Session nick = world.sign_in("nick@example.com");
  const Response first = world.get(readiness(world.nick, "?level=swe-1"), &nick);
  EXPECT_EQ(row_names(first).size(), 100U);
  EXPECT_TRUE(has(first, "Showing 1 to 100."));
  EXPECT_TRUE(has(first, "readiness?level=swe-1&amp;page=2\" rel=\"next\""));
  const Response second = world.get(readiness(world.nick, "?level=swe-1&page=2"), &nick);
  EXPECT_EQ(row_names(second).size(), 20U);
  EXPECT_TRUE(has(second, "Page 2 of 2"));
  // Past the last page: the last page.
  EXPECT_EQ(row_names(world.get(readiness(world.nick, "?level=swe-1&page=9"), &nick)).size(), 20U);
  // The API and the CSV hold every row.
  const Json api = Json::parse(
      world.get("/api/v1/people/" + std::to_string(world.nick) + "/team/readiness", &nick)
          .payload());
  EXPECT_EQ(api["rows"].size(), 121U);
}

}  // namespace
}  // namespace rung::web
