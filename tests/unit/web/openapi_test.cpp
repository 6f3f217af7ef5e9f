// The OpenAPI document (src/rung/html/assets/openapi.json, served at /api/v1/openapi.json) must
// describe the router table exactly: every route is documented with the query parameters it
// takes and who may call it (x-rung-access, and a security requirement unless anyone may),
// and every documented GET answers 200 to an admin when filled with its documented examples.
#include <set>

#include <gtest/gtest.h>

#include "rung/core/text.hpp"
#include "rung/html/assets.hpp"
#include "rung/web/http/router.hpp"
#include "rung/web/routes.hpp"

#include "people_world.hpp"
#include "web_support.hpp"

namespace rung::web {
namespace {

Json openapi() {
  return Json::parse(html::asset("openapi.json").value_or("{}"));
}

std::set<std::string> split_params(std::string_view list) {
  std::set<std::string> out;
  while (!list.empty()) {
    const std::size_t space = list.find(' ');
    out.emplace(list.substr(0, space));
    list = space == std::string_view::npos ? std::string_view() : list.substr(space + 1);
  }
  return out;
}

TEST(OpenApi, IsAnOpenApi3DocumentServedByTheApi) {
  const Json doc = openapi();
  EXPECT_TRUE(doc["openapi"].get<std::string>().starts_with("3."));
  auto app = testing::make_app();
  Response served = testing::get(*app, "/api/v1/openapi.json");
  EXPECT_EQ(served.status, 200);
  EXPECT_EQ(Json::parse(served.payload()), doc);
}

TEST(OpenApi, DocumentsEveryRouteWithItsQueryParameters) {
  const Json paths = openapi()["paths"];
  for (const Route& route : routes()) {
    const std::string pattern(route.pattern);
    ASSERT_TRUE(paths.contains(pattern))
        << "route " << route.name << " (" << pattern << ") is not in openapi.json";
    const std::string method = ascii_lower(to_string(route.method));
    ASSERT_TRUE(paths[pattern].contains(method)) << pattern << " " << method;
    std::set<std::string> documented;
    for (const Json& parameter : paths[pattern][method].value("parameters", Json::array())) {
      if (parameter["in"] == "query") {
        documented.insert(parameter["name"].get<std::string>());
      }
    }
    EXPECT_EQ(documented, split_params(route.params)) << pattern;
    const Json& operation = paths[pattern][method];
    EXPECT_EQ(operation.value("x-rung-access", ""), to_string(route.access)) << pattern;
    EXPECT_EQ(operation.contains("security"), route.access != Access::anyone) << pattern;
  }
}

TEST(OpenApi, EveryDocumentedPathAnswersWithItsExamples) {
  testing::PeopleWorld world;
  const testing::Session admin = world.sign_in("admin");
  std::set<std::string> patterns;
  for (const Route& route : routes()) {
    patterns.emplace(route.pattern);
  }
  const Json doc = openapi();
  for (const auto& [path, operations] : doc["paths"].items()) {
    EXPECT_TRUE(patterns.contains(path)) << path << " is documented but not routed";
    for (const auto& [method, operation] : operations.items()) {
      EXPECT_TRUE(method == "get" || method == "post" || method == "put" || method == "patch")
          << path;
      if (method != "get") {
        continue;  // forms and API writes: access_test.cpp sends each one
      }
      std::string target = path;
      std::string query;
      bool query_required = false;
      for (const Json& parameter : operation.value("parameters", Json::array())) {
        query_required =
            query_required || (parameter["in"] == "query" && parameter["required"] == true);
        const std::string name = parameter["name"];
        if (parameter["in"] == "path") {
          target.replace(target.find("{" + name + "}"), name.size() + 2,
                         parameter["example"].get<std::string>());
        } else if (parameter.contains("example")) {
          query +=
              (query.empty() ? "?" : "&") + name + "=" + parameter["example"].get<std::string>();
        }
      }
      // What a route answers in this world when it is not 200: the OpenID Connect routes,
      // off here (their flow is in tests/unit/web/oidc_pages_test.cpp).
      const int expected = operation.value("x-rung-example-status", 200);
      ASSERT_TRUE(operation["responses"].contains(std::to_string(expected))) << path;
      EXPECT_EQ(world.get(target, &admin).status, query_required ? 400 : expected) << target;
      if (!query.empty()) {
        EXPECT_EQ(world.get(target + query, &admin).status, expected) << target + query;
      }
    }
  }
}

}  // namespace
}  // namespace rung::web
