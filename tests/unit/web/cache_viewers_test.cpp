// The response cache and its viewers. A cached page is shared by every viewer whose
// ViewerShape (signed in, admin, has a person, has reports) is the same, so:
// - people of each shape loading the same pages in turn each get their own header (the defect
//   of issue 11: the first viewer's "Assessments" link, with their person id, was served to
//   everyone else of their kind);
// - the audit: every cacheable route, rendered with the cache off for two different viewers of
//   one shape, gives the same bytes. A cacheable route that shows anything else of its viewer
//   fails here, and a new cacheable route must be added to `k_samples` to be audited at all.
#include <map>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rung/web/routes.hpp"

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::PeopleWorld;
using testing::Session;

// A request for every cacheable route pattern, with ids of the fixture ladder.
const std::map<std::string, std::string>& samples() {
  static const std::map<std::string, std::string> k_samples{
      {"/", "/"},
      {"/tracks/{id}", "/tracks/swe"},
      {"/levels/{id}", "/levels/swe-2"},
      {"/compare", "/compare?a=swe-2&b=swe-3"},
      {"/search", "/search?q=design"},
      {"/lint", "/lint"},
      {"/static/{file}", "/static/rung.css"},
      {"/api/v1", "/api/v1"},
      {"/api/v1/openapi.json", "/api/v1/openapi.json"},
      {"/api/v1/ladder", "/api/v1/ladder"},
      {"/api/v1/tracks", "/api/v1/tracks"},
      {"/api/v1/tracks/{id}", "/api/v1/tracks/swe"},
      {"/api/v1/levels", "/api/v1/levels"},
      {"/api/v1/levels/{id}", "/api/v1/levels/swe-2"},
      {"/api/v1/statements", "/api/v1/statements?level=swe-2"},
      {"/api/v1/statements/{id}", "/api/v1/statements/swe-2-role-1"},
      {"/api/v1/compare", "/api/v1/compare?a=swe-2&b=swe-3"},
      {"/api/v1/search", "/api/v1/search?q=design"},
      {"/api/v1/lint", "/api/v1/lint"},
  };
  return k_samples;
}

std::vector<std::string> cacheable_targets() {
  std::vector<std::string> out;
  for (const Route& route : routes()) {
    if (!route.cacheable) {
      continue;
    }
    const auto sample = samples().find(std::string(route.pattern));
    if (sample == samples().end()) {
      ADD_FAILURE() << "cacheable route " << route.name << " (" << route.pattern
                    << ") has no sample here: audit it for anything per-viewer, then add one";
      continue;
    }
    out.push_back(sample->second);
  }
  return out;
}

// Adds the viewers the fixture company lacks: a second admin who is not a person, an admin who
// is one (Ivy), a second member who is not a person, and a second person without reports (Pat,
// beside Olga under Nick).
void add_viewers(PeopleWorld& world) {
  world.add_account("admin2", true);
  world.add_account("ivy@example.com", true);
  world.add_account("guest@example.com", false);
  world.pat = world.add_person("Pat Peer", "pat@example.com", world.nick, "swe-2");
  world.add_account("pat@example.com", false);
  world.add_person("Quinn Peer", "quinn@example.com", world.nick, "swe-3");
  world.add_account("quinn@example.com", false);
}

// Pairs of logins whose headers must not leak into each other's pages: members with a person
// and reports (Ed has Ivy), members with a person and none, members without a person, admins
// without one.
const std::vector<std::pair<std::string, std::string>> k_pairs{
    {"ed@example.com", "mona@example.com"},
    {"mona@example.com", "nick@example.com"},
    {"olga@example.com", "pat@example.com"},
    {"victim@example.com", "guest@example.com"},
    {"admin", "admin2"},
};

// Pairs of logins of one shape (the level is part of it: the overview marks it): managers at
// mgr-1 with reports, engineers at swe-3 without, members without a person, admins without one.
const std::vector<std::pair<std::string, std::string>> k_same_shape{
    {"mona@example.com", "nick@example.com"},
    {"olga@example.com", "quinn@example.com"},
    {"victim@example.com", "guest@example.com"},
    {"admin", "admin2"},
};

std::string person_link_of(PeopleWorld& world, const std::string& login) {
  if (login == "ed@example.com")
    return "/people/" + std::to_string(world.ed);
  if (login == "olga@example.com")
    return "/people/" + std::to_string(world.olga);
  if (login == "mona@example.com")
    return "/people/" + std::to_string(world.mona);
  if (login == "nick@example.com")
    return "/people/" + std::to_string(world.nick);
  if (login == "pat@example.com")
    return "/people/" + std::to_string(world.pat);
  return {};
}

bool has_reports(const std::string& login) {
  return login == "ed@example.com" || login == "mona@example.com" || login == "nick@example.com";
}

TEST(CacheViewers, EachViewerGetsTheirOwnHeaderFromASharedCache) {
  PeopleWorld world;
  add_viewers(world);
  const std::regex person_link(R"(href="/people/\d)");
  for (const auto& [first, second] : k_pairs) {
    const Session a = world.sign_in(first);
    const Session b = world.sign_in(second);
    for (const std::string& target :
         {std::string("/"), std::string("/tracks/swe"), std::string("/levels/swe-2"),
          std::string("/search?q=x"), std::string("/compare?a=swe-2&b=swe-3")}) {
      const Response for_a = world.get(target, &a);
      const Response for_b = world.get(target, &b);
      ASSERT_EQ(for_a.status, 200) << first << " " << target;
      ASSERT_EQ(for_b.status, 200) << second << " " << target;
      const std::string body(for_b.payload());
      // No page of the ladder links to a person: the header leads to the viewer's own pages
      // through /me/.
      EXPECT_FALSE(std::regex_search(body, person_link)) << second << " " << target;
      const std::string first_link = person_link_of(world, first);
      if (!first_link.empty()) {
        EXPECT_EQ(body.find(first_link + "/"), std::string::npos) << second << " " << target;
      }
      const bool has_person = !person_link_of(world, second).empty();
      EXPECT_EQ(body.find(R"(href="/me/assessments")") != std::string::npos, has_person)
          << second << " " << target;
      EXPECT_EQ(body.find(R"(href="/me/team")") != std::string::npos, has_reports(second))
          << second << " " << target;
    }
  }
}

TEST(CacheViewers, MyAssessmentsLeadsEachViewerToTheirOwn) {
  PeopleWorld world;
  for (const auto& [login, id] :
       {std::pair{"ed@example.com", world.ed}, std::pair{"olga@example.com", world.olga}}) {
    const Session session = world.sign_in(login);
    world.get("/", &session);  // the header is the cached one from here on
    const Response out = world.get("/me/assessments", &session);
    EXPECT_EQ(out.status, 303) << login;
    EXPECT_EQ(testing::header(out, "Location"), "/people/" + std::to_string(id) + "/assessments")
        << login;
  }
  const Session admin = world.sign_in("admin");
  const Response none = world.get("/me/assessments", &admin);
  EXPECT_EQ(none.status, 200);
  EXPECT_TRUE(testing::has(none, "not linked to anyone"));
  EXPECT_EQ(world.get("/me/assessments").status, 401);
}

// With the cache off, two viewers of one shape must get the same bytes from every cacheable
// route: then a key of (shape, target) can never hand one viewer another's page.
TEST(CacheViewers, EveryCacheableRouteShowsNothingPerViewerBeyondItsShape) {
  AppOptions options;
  options.cache_max_entries = 0;
  PeopleWorld world(options);
  add_viewers(world);
  const std::vector<std::string> targets = cacheable_targets();
  ASSERT_FALSE(targets.empty());
  for (const auto& [first, second] : k_same_shape) {
    const Session a = world.sign_in(first);
    const Session b = world.sign_in(second);
    for (const std::string& target : targets) {
      const Response for_a = world.get(target, &a);
      const Response for_b = world.get(target, &b);
      EXPECT_EQ(for_a.status, for_b.status) << target;
      EXPECT_EQ(for_a.payload(), for_b.payload()) << first << " and " << second << ": " << target;
    }
  }
  EXPECT_EQ(world.app->cache().entries(), 0u);
}

// The shapes themselves: each field changes the key, and nothing else is in it.
TEST(CacheViewers, ShapeCodesDifferForEveryShape) {
  std::set<std::string> codes;
  for (bool signed_in : {false, true}) {
    for (bool admin : {false, true}) {
      for (bool has_person : {false, true}) {
        for (bool has_reports : {false, true}) {
          for (const char* level : {"", "swe-2", "swe-3"}) {
            codes.insert(ViewerShape{signed_in, admin, has_person, has_reports, level}.code());
          }
        }
      }
    }
  }
  EXPECT_EQ(codes.size(), 48u);
  EXPECT_EQ(ViewerShape::of(nullptr, nullptr).code(), ViewerShape{}.code());
}

}  // namespace
}  // namespace rung::web
