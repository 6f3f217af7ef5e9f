#include "rung/web/app.hpp"

#include <gtest/gtest.h>

#include "rung/format/ladder_json.hpp"

#include "web_support.hpp"

namespace rung::web {
namespace {

using testing::get;
using testing::header;
using testing::make_app;
using testing::request;

class AppTest : public ::testing::Test {
 protected:
  std::unique_ptr<App> app = make_app();
};

TEST_F(AppTest, ServesTheLadderPages) {
  Response overview = get(*app, "/");
  EXPECT_EQ(overview.status, 200);
  EXPECT_EQ(header(overview, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(overview.payload().find("href=\"/levels/swe-3\""), std::string::npos);
  EXPECT_NE(overview.payload().find("href=\"/tracks/mgr\""), std::string::npos);
  Response level = get(*app, "/levels/swe-2");
  EXPECT_EQ(level.status, 200);
  EXPECT_NE(level.payload().find("You help mentor new hires."), std::string::npos);
  EXPECT_NE(level.payload().find("href=\"/compare?a=swe-2&amp;b=swe-3\""), std::string::npos);
  EXPECT_EQ(get(*app, "/tracks/sre").status, 200);
  EXPECT_TRUE(get(*app, "/healthz").payload().starts_with("ok\nladder: "));
}

TEST_F(AppTest, EveryAnswerCarriesTheSecurityHeaders) {
  // A page rendered fresh, the same page from the cache, a 404, an API answer, a 304.
  Response fresh = get(*app, "/levels/swe-2");
  Response cached = get(*app, "/levels/swe-2");
  Response conditional =
      app->handle(request("/levels/swe-2", {{"If-None-Match", header(cached, "ETag")}}));
  ASSERT_EQ(conditional.status, 304);
  for (const Response* answer : {&fresh, &cached, &conditional}) {
    const std::string policy = header(*answer, "Content-Security-Policy");
    EXPECT_NE(policy.find("default-src 'self'"), std::string::npos) << policy;
    EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << policy;
    EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << policy;
  }
  for (const Response& answer : {get(*app, "/levels/nope"), get(*app, "/api/v1/ladder")}) {
    EXPECT_FALSE(header(answer, "Content-Security-Policy").empty());
    EXPECT_EQ(header(answer, "X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(header(answer, "Referrer-Policy"), "same-origin");
  }
}

TEST_F(AppTest, UnknownLevelGets404PageSuggestingTheClosestLevel) {
  Response response = get(*app, "/levels/swe-33");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(header(response, "Cache-Control"), "no-store");
  const std::string_view body = response.payload();
  EXPECT_NE(body.find("There is no page at /levels/swe-33."), std::string::npos);
  EXPECT_NE(body.find("Did you mean <a href=\"/levels/swe-3\">Senior Software Engineer</a>"),
            std::string::npos);
  Response by_title = get(*app, "/levels/senior-software-enginer");
  EXPECT_NE(by_title.payload().find("href=\"/levels/swe-3\">Senior Software Engineer</a>"),
            std::string::npos);
  Response nowhere = get(*app, "/no/such/page/at-all-whatsoever");
  EXPECT_EQ(nowhere.status, 404);
  EXPECT_EQ(nowhere.payload().find("Did you mean"), std::string::npos);
  EXPECT_EQ(get(*app, "/tracks/nope").status, 404);
}

TEST_F(AppTest, BadQueryParametersGet400SayingWhatWasWrong) {
  Response unknown = get(*app, "/levels/swe-2?color=red");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(
      unknown.payload().find("Unknown query parameter &#39;color&#39;: this address takes none."),
      std::string::npos);
  Response twice = get(*app, "/api/v1/levels?track=swe&track=sre");
  EXPECT_EQ(twice.status, 400);
  EXPECT_EQ(header(twice, "Content-Type"), "application/json");
  EXPECT_NE(twice.payload().find("\"code\": \"bad-query\""), std::string::npos);
  EXPECT_NE(twice.payload().find("The query parameter 'track' is given more than once."),
            std::string::npos);
  EXPECT_EQ(get(*app, "/api/v1/levels?track=swe").status, 200);
}

TEST_F(AppTest, PathsThatClimbOutOfTheirFolderGet400) {
  for (const char* target : {"/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
                             "/api/v1/../v1/ladder", "/levels/./swe-1"}) {
    Response response = get(*app, target);
    EXPECT_EQ(response.status, 400) << target;
    EXPECT_EQ(response.payload().find("root:"), std::string::npos) << target;
  }
  EXPECT_EQ(get(*app, "/static/rung.css").status, 200);
  EXPECT_EQ(get(*app, "/static/templates%2Flayout.html").status, 404);
}

TEST_F(AppTest, OverlongTargetsAndHeadersAreRefused) {
  Response long_url = get(*app, "/levels/" + std::string(5000, 'a'));
  EXPECT_EQ(long_url.status, 414);
  Response long_header = get(*app, "/", {{"X-Long", std::string(10000, 'b')}});
  EXPECT_EQ(long_header.status, 431);
  Request many = request("/");
  for (int i = 0; i < 100; ++i) {
    many.headers.add("X-Field-" + std::to_string(i), std::string(500, 'c'));
  }
  EXPECT_EQ(app->handle(many).status, 431);
}

TEST_F(AppTest, ABodyOnGetIsRefusedAndOtherMethodsAreNotAllowed) {
  Request with_body = request("/levels/swe-1");
  with_body.body = "{\"x\": 1}";
  Response refused = app->handle(with_body);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.payload().find("may not carry a body"), std::string::npos);
  Response post = app->handle(request("/levels/swe-1", {}, "POST"));
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(header(post, "Allow"), "GET, HEAD");
  EXPECT_EQ(app->handle(request("/", {}, "BREW")).status, 405);
  EXPECT_EQ(app->handle(request("/nowhere", {}, "DELETE")).status, 404);
}

TEST_F(AppTest, HeadAnswersLikeGetWithoutTheBody) {
  Response head = app->handle(request("/levels/swe-1", {}, "HEAD"));
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.payload().empty());
  EXPECT_EQ(header(head, "ETag"), header(get(*app, "/levels/swe-1"), "ETag"));
}

TEST_F(AppTest, PagesAreRenderedOnceAndRevalidatedWithTheirEtag) {
  Response first = get(*app, "/levels/swe-3");
  const std::string etag = header(first, "ETag");
  EXPECT_FALSE(etag.empty());
  EXPECT_EQ(header(first, "Cache-Control"), "no-cache");
  Response again = get(*app, "/levels/swe-3", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.payload().empty());
  EXPECT_EQ(get(*app, "/levels/swe-3", {{"If-None-Match", "\"other\""}}).status, 200);
  EXPECT_GE(app->cache().hits(), 2u);
  Response zipped = get(*app, "/levels/swe-3", {{"Accept-Encoding", "gzip, br"}});
  EXPECT_EQ(header(zipped, "Content-Encoding"), "gzip");
  EXPECT_LT(zipped.payload().size(), first.payload().size());
  EXPECT_EQ(get(*app, "/levels/swe-3",
                {{"If-None-Match", header(zipped, "ETag")}, {"Accept-Encoding", "gzip"}})
                .status,
            304);
}

TEST_F(AppTest, TheStylesheetUrlNamesItsVersionAndIsCachedForGood) {
  const std::string page(get(*app, "/").payload());
  const std::size_t at = page.find("/static/rung.css?v=");
  ASSERT_NE(at, std::string::npos);
  const std::string url = page.substr(at, page.find('"', at) - at);
  Response css = get(*app, url);
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(header(css, "Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(header(css, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(header(get(*app, "/static/rung.css?v=old"), "Cache-Control"), "no-cache");
}

TEST_F(AppTest, ApiErrorsAreJsonWithCodeAndMessage) {
  Response level = get(*app, "/api/v1/levels/swe-9");
  EXPECT_EQ(level.status, 404);
  const Json body = Json::parse(level.payload());
  EXPECT_EQ(body["error"]["code"], "not-found");
  EXPECT_EQ(body["error"]["message"],
            "no level 'swe-9'; levels are: swe-1, swe-2, swe-3, swe-4, sre-1, sre-2, sre-3, mgr-1, "
            "mgr-2, mgr-3");
  EXPECT_EQ(body["error"]["hint"], "did you mean 'swe-1'?");
  EXPECT_EQ(Json::parse(get(*app, "/api/v1/nothing").payload())["error"]["code"], "not-found");
  EXPECT_EQ(Json::parse(get(*app, "/api/v1/levels/%ff").payload())["error"]["code"], "bad-request");
}

// Found by the http_request fuzz target: a method name that is not UTF-8, echoed in the 405
// message of an API route, made the JSON dump throw (a 500).
TEST_F(AppTest, AnApiAnswerEchoingBytesThatAreNotUtf8IsStillJson) {
  Response answer = app->handle(request("/api/v1/levels/sre-4", {}, "\xff\xff\xff\xffGET"));
  EXPECT_EQ(answer.status, 405);
  const Json body = Json::parse(answer.payload());
  EXPECT_EQ(body["error"]["code"], "method-not-allowed");
  EXPECT_NE(body["error"]["message"].get<std::string>().find("\xef\xbf\xbd"), std::string::npos);
}

TEST_F(AppTest, ApiReturnsTheSameViewsAsTheCommandLine) {
  const Json level = Json::parse(get(*app, "/api/v1/levels/swe-3").payload());
  EXPECT_EQ(level, format::level_json(app->ladder(), *app->ladder().find_level("swe-3")));
  const Json statements =
      Json::parse(get(*app, "/api/v1/statements?level=swe-2&area=delivery").payload());
  ASSERT_EQ(statements["statements"].size(), 3u);
  EXPECT_EQ(statements["statements"][1]["text"],
            "You almost always prefer the simpler solution over the “clever” one.");
  EXPECT_EQ(statements["statements"][1]["track"], "swe");
  const Json one = Json::parse(get(*app, "/api/v1/statements/mgr-1-leadership-1").payload());
  EXPECT_EQ(one["level"], "mgr-1");
  EXPECT_EQ(one["area"], "leadership");
  const Json levels = Json::parse(get(*app, "/api/v1/levels?track=sre").payload());
  EXPECT_EQ(levels["levels"].size(), 3u);
  EXPECT_EQ(get(*app, "/api/v1/statements?area=nope").status, 404);
}

TEST_F(AppTest, MetricsCountRequestsByRouteAndStatus) {
  get(*app, "/levels/swe-1");
  get(*app, "/levels/swe-1");
  get(*app, "/levels/nope");
  get(*app, "/nowhere");
  const std::string text(get(*app, "/metrics").payload());
  EXPECT_NE(text.find("rung_http_requests_total{route=\"level\",status=\"200\"} 2\n"),
            std::string::npos);
  EXPECT_NE(text.find("rung_http_requests_total{route=\"level\",status=\"404\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("rung_http_requests_total{route=\"unmatched\",status=\"404\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("rung_http_request_duration_seconds_count{route=\"level\"} 3\n"),
            std::string::npos);
  EXPECT_NE(text.find("rung_http_request_duration_seconds_bucket{route=\"level\",le=\"+Inf\"} 3\n"),
            std::string::npos);
  EXPECT_NE(text.find("# TYPE rung_http_request_duration_seconds histogram"), std::string::npos);
  EXPECT_NE(text.find("rung_cache_entries 1\n"), std::string::npos);
}

}  // namespace
}  // namespace rung::web
