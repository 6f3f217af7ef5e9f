#include "rung/auth/token.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace rung::auth {
namespace {

TEST(Token, Is43UrlSafeCharactersAndNeverRepeats) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string token = new_token();
    ASSERT_EQ(token.size(), 43U) << token;
    EXPECT_EQ(
        token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos)
        << token;
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 100U);
}

TEST(TokenHash, IsBlake2b256InHex) {
  // The BLAKE2b-256 digest of the empty input (RFC 7693's algorithm, 32-byte output).
  EXPECT_EQ(token_hash(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  const std::string token = new_token();
  EXPECT_EQ(token_hash(token), token_hash(token));
  EXPECT_NE(token_hash(token), token_hash(new_token()));
  EXPECT_EQ(token_hash(token).size(), 64U);
}

TEST(EqualSecrets, ComparesWholeValuesOfEqualLength) {
  EXPECT_TRUE(equal_secrets("abc123", "abc123"));
  EXPECT_FALSE(equal_secrets("abc123", "abc124"));
  EXPECT_FALSE(equal_secrets("abc123", "abc12"));
  EXPECT_FALSE(equal_secrets("abc12", "abc123"));
  EXPECT_FALSE(equal_secrets("", ""));
  EXPECT_FALSE(equal_secrets("abc", ""));
  EXPECT_FALSE(equal_secrets("", "abc"));
}

}  // namespace
}  // namespace rung::auth
