// Address blocks for --trusted-proxy (web/http/cidr.hpp): IPv4 and IPv6, single addresses,
// IPv4-mapped IPv6 peers matching IPv4 blocks, and every malformed block refused.
#include "rung/web/http/cidr.hpp"

#include <gtest/gtest.h>

namespace rung::web {
namespace {

TEST(Cidr, IPv4BlocksAndSingleAddresses) {
  const auto blocks = parse_cidr_list("10.0.0.0/8, 192.0.2.7").value();
  EXPECT_TRUE(in_any(blocks, "10.1.2.3"));
  EXPECT_TRUE(in_any(blocks, "10.255.255.255"));
  EXPECT_FALSE(in_any(blocks, "11.0.0.0"));
  EXPECT_TRUE(in_any(blocks, "192.0.2.7"));
  EXPECT_FALSE(in_any(blocks, "192.0.2.8"));
  // The socket may report an IPv4 peer in its IPv4-mapped IPv6 form.
  EXPECT_TRUE(in_any(blocks, "::ffff:10.9.9.9"));
  EXPECT_FALSE(in_any(blocks, "::ffff:11.9.9.9"));
}

TEST(Cidr, IPv6Blocks) {
  const auto blocks = parse_cidr_list("fd00::/8,::1").value();
  EXPECT_TRUE(in_any(blocks, "fd12:3456::1"));
  EXPECT_TRUE(in_any(blocks, "::1"));
  EXPECT_FALSE(in_any(blocks, "fe80::1"));
  EXPECT_FALSE(in_any(blocks, "::2"));
  EXPECT_FALSE(in_any(blocks, "127.0.0.1")) << "an IPv6 block is not an IPv4 one";
}

TEST(Cidr, ZeroPrefixesMatchTheirWholeFamily) {
  const auto v4 = parse_cidr_list("0.0.0.0/0").value();
  EXPECT_TRUE(in_any(v4, "203.0.113.9"));
  EXPECT_FALSE(in_any(v4, "2001:db8::1"));
  const auto all = parse_cidr_list("::/0").value();
  EXPECT_TRUE(in_any(all, "2001:db8::1"));
}

TEST(Cidr, UnreadablePeersMatchNothing) {
  const auto blocks = parse_cidr_list("0.0.0.0/0,::/0").value();
  for (const char* peer : {"", "localhost", "10.0.0.1:80", "[::1]", "1.2.3", "::1%eth0"}) {
    EXPECT_FALSE(in_any(blocks, peer)) << peer;
  }
}

TEST(Cidr, MalformedBlocksAreRefused) {
  for (const char* text :
       {"", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "10.0.0.1/8", "fd00::/129", "fd00::1/8",
        "example.com", "10.0.0.0/8,", ",10.0.0.0/8", "10.0.0.0/-1", "10.0.0.0/8/8"}) {
    auto parsed = parse_cidr_list(text);
    ASSERT_FALSE(parsed) << text;
    EXPECT_EQ(parsed.error().code, "serve.bad-cidr") << text;
  }
}

}  // namespace
}  // namespace rung::web
