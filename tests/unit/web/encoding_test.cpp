#include "rung/web/http/encoding.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

namespace rung::web {
namespace {

std::string gunzip(const std::string& compressed) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

TEST(Gzip, RoundTripsThroughAnIndependentInflater) {
  std::string page;
  for (int i = 0; i < 200; ++i) {
    page += "<li>You write clean and readable code.</li>\n";
  }
  const std::string compressed = gzip(page);
  EXPECT_LT(compressed.size(), page.size() / 10);
  EXPECT_EQ(static_cast<unsigned char>(compressed[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>(compressed[1]), 0x8b);
  EXPECT_EQ(gunzip(compressed), page);
  EXPECT_EQ(gunzip(gzip("")), "");
}

TEST(AcceptsGzip, ReadsCodingsAndQualities) {
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br"));
  EXPECT_TRUE(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_FALSE(accepts_gzip(""));
  EXPECT_FALSE(accepts_gzip("identity"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip; q=0.000, br"));
  EXPECT_FALSE(accepts_gzip("gzipped"));
}

TEST(Etag, IsStrongQuotedAndChangesWithTheBytes) {
  const std::string tag = strong_etag("hello");
  EXPECT_TRUE(tag.starts_with('"') && tag.ends_with('"'));
  EXPECT_EQ(tag, strong_etag("hello"));
  EXPECT_NE(tag, strong_etag("hellp"));
  EXPECT_EQ(fnv1a64(""), 14695981039346656037ull);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cull);
}

TEST(EtagMatches, ComparesEachListedTagWeakly) {
  EXPECT_TRUE(etag_matches("\"abc\"", "\"abc\""));
  EXPECT_TRUE(etag_matches("\"x\", W/\"abc\"", "\"abc\""));
  EXPECT_TRUE(etag_matches("*", "\"abc\""));
  EXPECT_FALSE(etag_matches("\"abcd\"", "\"abc\""));
  EXPECT_FALSE(etag_matches("", "\"abc\""));
}

}  // namespace
}  // namespace rung::web
