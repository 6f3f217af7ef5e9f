#include "rung/web/http/router.hpp"

#include <set>

#include <gtest/gtest.h>

#include "rung/web/routes.hpp"

namespace rung::web {
namespace {

TEST(MatchPattern, MatchesLiteralsAndCapturesOneSegmentPerName) {
  PathParams params;
  EXPECT_TRUE(match_pattern("/levels/{id}", "/levels/swe-3", params));
  ASSERT_EQ(params.size(), 1u);
  EXPECT_EQ(params[0].first, "id");
  EXPECT_EQ(params[0].second, "swe-3");
  EXPECT_TRUE(match_pattern("/", "/", params));
  EXPECT_TRUE(match_pattern("/api/v1/levels", "/api/v1/levels", params));
  EXPECT_FALSE(match_pattern("/levels/{id}", "/levels/", params));
  EXPECT_FALSE(match_pattern("/levels/{id}", "/levels", params));
  EXPECT_FALSE(match_pattern("/levels/{id}", "/levels/a/b", params));
  EXPECT_FALSE(match_pattern("/levels/{id}", "/tracks/swe", params));
  EXPECT_FALSE(match_pattern("/", "/levels", params));
  EXPECT_FALSE(match_pattern("/levels/{id}", "/levels//x", params));
}

TEST(MatchRoute, FindsTheRouteAndTellsWhenOnlyTheMethodIsWrong) {
  const auto table = routes();
  RouteMatch match = match_route(table, Method::get, "/levels/swe-2");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->name, "level");
  match = match_route(table, Method::head, "/tracks/swe");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->name, "track");
  match = match_route(table, Method::post, "/levels/swe-2");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_TRUE(match.other_method_known);
  match = match_route(table, Method::get, "/nowhere");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_FALSE(match.other_method_known);
}

TEST(Routes, HaveUniqueNamesAndPatternsAndDeclareWhoMayCallThem) {
  std::set<std::string_view> names;
  std::set<std::string> keys;
  for (const Route& route : routes()) {
    EXPECT_TRUE(names.insert(route.name).second) << route.name;
    EXPECT_TRUE(
        keys.insert(std::string(to_string(route.method)) + " " + std::string(route.pattern)).second)
        << route.pattern;
    EXPECT_TRUE(route.pattern.starts_with('/')) << route.pattern;
    EXPECT_NE(route.handler, nullptr) << route.name;
    // Who may call each route is checked route by route in access_test.cpp. Pages write with
    // POST forms; the API writes with POST, PUT or PATCH and a JSON body (App::call_api_write).
    // No write is ever cached.
    EXPECT_TRUE(route.method == Method::get || route.method == Method::post ||
                ((route.method == Method::put || route.method == Method::patch) &&
                 route.kind == Kind::json))
        << route.name;
    if (route.method != Method::get) {
      EXPECT_FALSE(route.cacheable) << route.name;
      EXPECT_NE(route.access, Access::ladder) << route.name;
    }
    // Only answers that are the same for every viewer of a kind may be cached.
    if (route.cacheable) {
      EXPECT_TRUE(route.access == Access::anyone || route.access == Access::ladder) << route.name;
    }
    EXPECT_EQ(route.pattern.starts_with("/api/"), route.kind == Kind::json) << route.name;
  }
}

}  // namespace
}  // namespace rung::web
