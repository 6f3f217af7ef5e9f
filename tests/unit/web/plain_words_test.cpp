// Pages speak the user's language (issue 13 item 8): the main pages an engineer, a manager and
// an admin open show no ISO timestamps, no "version N", no content hashes, no "person N" or
// "account:N", no statement ids; dates read as people write them (render/dates.hpp); lint is
// in the menu of admins (and the ladder's authors) only.
#include <regex>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "rung/render/dates.hpp"

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::PeopleWorld;
using testing::Session;

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
          << who << " sees " << leak.what << " on " << target << ": \"" << found.str() << "\"";
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
