#include "rung/web/http/cache.hpp"

#include <gtest/gtest.h>

namespace rung::web {
namespace {

std::shared_ptr<const CachedResponse> entry(std::size_t size) {
  Response response;
  response.headers.add("Content-Type", "application/octet-stream");
  response.body = std::string(size, 'x');
  return make_cached(std::move(response), 1u << 30);
}

TEST(ResponseCache, KeepsAtMostMaxEntriesDroppingTheOldestFirst) {
  ResponseCache cache(2, 1 << 20);
  cache.insert("/a", entry(10));
  cache.insert("/b", entry(10));
  cache.insert("/c", entry(10));
  EXPECT_EQ(cache.entries(), 2u);
  EXPECT_EQ(cache.find("/a"), nullptr);
  EXPECT_NE(cache.find("/b"), nullptr);
  EXPECT_NE(cache.find("/c"), nullptr);
  EXPECT_EQ(cache.hits(), 2u);
  EXPECT_EQ(cache.misses(), 1u);
}

TEST(ResponseCache, KeepsAtMostMaxBytesAndRefusesWhatCannotFit) {
  ResponseCache cache(100, 3000);
  cache.insert("/a", entry(1000));
  cache.insert("/b", entry(1000));
  EXPECT_EQ(cache.entries(), 2u);
  cache.insert("/c", entry(1000));
  EXPECT_EQ(cache.find("/a"), nullptr);
  EXPECT_LE(cache.bytes(), 3000u);
  cache.insert("/huge", entry(5000));
  EXPECT_EQ(cache.find("/huge"), nullptr);
  EXPECT_NE(cache.find("/c"), nullptr);
}

TEST(ServeCached, AnswersConditionalRequestsAndPicksTheEncoding) {
  Response page;
  page.headers.add("Content-Type", "text/html; charset=utf-8");
  page.headers.add("Cache-Control", "no-cache");
  page.body = std::string(2000, 'a');
  const auto cached = make_cached(std::move(page), 256);
  ASSERT_NE(cached->gzip_body, nullptr);
  EXPECT_NE(cached->etag, cached->gzip_etag);

  Request plain;
  Response out = serve_cached(cached, plain);
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.payload().size(), 2000u);
  EXPECT_EQ(out.headers.get("ETag"), cached->etag);
  EXPECT_EQ(out.headers.get("Vary"), "Accept-Encoding");
  EXPECT_EQ(out.headers.get("Content-Encoding"), std::nullopt);

  Request zipped;
  zipped.headers.add("Accept-Encoding", "gzip");
  out = serve_cached(cached, zipped);
  EXPECT_EQ(out.headers.get("Content-Encoding"), "gzip");
  EXPECT_EQ(out.headers.get("ETag"), cached->gzip_etag);
  EXPECT_LT(out.payload().size(), 100u);

  zipped.headers.add("If-None-Match", cached->gzip_etag);
  out = serve_cached(cached, zipped);
  EXPECT_EQ(out.status, 304);
  EXPECT_TRUE(out.payload().empty());
  EXPECT_EQ(out.headers.get("ETag"), cached->gzip_etag);

  plain.headers.add("If-None-Match", cached->gzip_etag);
  EXPECT_EQ(serve_cached(cached, plain).status, 200);
}

TEST(MakeCached, LeavesSmallAndBinaryBodiesUncompressed) {
  Response small;
  small.headers.add("Content-Type", "text/plain");
  small.body = "ok\n";
  EXPECT_EQ(make_cached(std::move(small), 256)->gzip_body, nullptr);
  Response binary;
  binary.headers.add("Content-Type", "image/png");
  binary.body = std::string(5000, 'x');
  EXPECT_EQ(make_cached(std::move(binary), 256)->gzip_body, nullptr);
}

}  // namespace
}  // namespace rung::web
