#include "rung/web/http/url.hpp"

#include <gtest/gtest.h>

#include "rung/core/text.hpp"

namespace rung::web {
namespace {

std::string target_error(std::string_view target) {
  auto parsed = parse_target(target);
  return parsed ? "accepted" : parsed.error().message;
}

TEST(ParseTarget, SplitsAndDecodesPathAndQuery) {
  auto target = parse_target("/search?q=mentor+new%20hires&x=%C3%BC&flag");
  ASSERT_TRUE(target);
  EXPECT_EQ(target->path, "/search");
  EXPECT_EQ(target->raw_query, "q=mentor+new%20hires&x=%C3%BC&flag");
  ASSERT_EQ(target->query.size(), 3u);
  EXPECT_EQ(target->query[0], (std::pair<std::string, std::string>{"q", "mentor new hires"}));
  EXPECT_EQ(target->query[1].second, "ü");
  EXPECT_EQ(target->query[2], (std::pair<std::string, std::string>{"flag", ""}));
  EXPECT_EQ(parse_target("/levels/a%2Bb")->path, "/levels/a+b");
  EXPECT_EQ(parse_target("/levels/a+b")->path, "/levels/a+b");
}

TEST(ParseTarget, RefusesDotSegmentsHoweverTheyAreWritten) {
  EXPECT_EQ(target_error("/static/../../etc/passwd"), "the path may not contain '..' segments");
  EXPECT_EQ(target_error("/static/%2e%2e/secret"), "the path may not contain '..' segments");
  EXPECT_EQ(target_error("/static/%2E%2E"), "the path may not contain '..' segments");
  EXPECT_EQ(target_error("/./levels"), "the path may not contain '.' segments");
  EXPECT_EQ(target_error("/levels/swe-3..4"), "accepted");
  EXPECT_EQ(target_error("/levels/..swe"), "accepted");
}

TEST(ParseTarget, RefusesWhatIsNotAPathOrNotText) {
  EXPECT_EQ(target_error("levels"), "the request target must be a path starting with '/'");
  EXPECT_EQ(target_error("http://example.org/"),
            "the request target must be a path starting with '/'");
  EXPECT_EQ(target_error("/levels/%zz"), "the path has a '%' not followed by two hex digits");
  EXPECT_EQ(target_error("/levels/%4"), "the path has a '%' not followed by two hex digits");
  EXPECT_EQ(target_error("/levels/%00"),
            "the path decodes to bytes that are not printable UTF-8 text");
  EXPECT_EQ(target_error("/levels/%ff"),
            "the path decodes to bytes that are not printable UTF-8 text");
  EXPECT_EQ(target_error("/search?q=%ff"),
            "the query parameter 'q' decodes to bytes that are not printable UTF-8 text");
  EXPECT_EQ(target_error("/search?q=%"),
            "the query parameter 'q' has a '%' not followed by two hex digits");
}

TEST(PercentEncode, KeepsUnreservedAndEncodesTheRest) {
  EXPECT_EQ(percent_encode("swe-3_a.b~"), "swe-3_a.b~");
  EXPECT_EQ(percent_encode("a b&c=ü"), "a%20b%26c%3D%C3%BC");
  EXPECT_EQ(percent_decode(percent_encode("a b&c=ü/\"<>"), false), "a b&c=ü/\"<>");
}

TEST(QueryValue, FindsTheNamedParameter) {
  const QueryParams query{{"a", "swe-2"}, {"b", ""}};
  EXPECT_EQ(query_value(query, "a"), "swe-2");
  EXPECT_EQ(query_value(query, "b"), "");
  EXPECT_EQ(query_value(query, "c"), std::nullopt);
}

TEST(RedactQuery, HidesValuesOfParametersNamedLikeSecrets) {
  EXPECT_EQ(redact_query("q=mentor&access_token=abc&API_KEY=k&page=2"),
            "q=mentor&access_token=REDACTED&API_KEY=REDACTED&page=2");
  EXPECT_EQ(redact_query("password=hunter2"), "password=REDACTED");
  EXPECT_EQ(redact_query("a=swe-2&b=swe-3"), "a=swe-2&b=swe-3");
}

}  // namespace
}  // namespace rung::web
