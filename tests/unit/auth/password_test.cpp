#include "rung/auth/password.hpp"

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace rung::auth {
namespace {

TEST(Password, HashVerifiesOnlyTheSamePassword) {
  auto hash = hash_password("correct horse battery staple", HashCost::test_minimum);
  ASSERT_TRUE(hash) << hash.error().to_string();
  EXPECT_TRUE(hash->starts_with("$argon2id$")) << *hash;
  EXPECT_TRUE(verify_password(*hash, "correct horse battery staple"));
  EXPECT_FALSE(verify_password(*hash, "correct horse battery stapl"));
  EXPECT_FALSE(verify_password(*hash, ""));
}

TEST(Password, InteractiveCostIsArgon2idWithLibsodiumsInteractiveLimits) {
  auto hash = hash_password("correct horse battery staple");
  ASSERT_TRUE(hash) << hash.error().to_string();
  // MEMLIMIT_INTERACTIVE is 64 MiB (m=65536 KiB), OPSLIMIT_INTERACTIVE is 2 passes.
  EXPECT_TRUE(hash->starts_with("$argon2id$v=19$m=65536,t=2,p=1$")) << *hash;
  EXPECT_TRUE(verify_password(*hash, "correct horse battery staple"));
}

TEST(Password, SamePasswordHashesDifferentlyEachTime) {
  auto a = hash_password("the same password", HashCost::test_minimum);
  auto b = hash_password("the same password", HashCost::test_minimum);
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);
}

// Hashes take turns (at most one per core at once): many threads at once all finish, each
// with a hash that verifies.
TEST(Password, ManyThreadsHashingAtOnceAllFinish) {
  std::atomic<int> verified{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&verified, i] {
      const std::string password = "password number " + std::to_string(i);
      const auto hash = hash_password(password, HashCost::test_minimum);
      if (hash && verify_password(*hash, password) && !verify_password(*hash, "other")) {
        verified.fetch_add(1);
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(verified.load(), 16);
}

TEST(Password, MalformedHashesNeverVerify) {
  EXPECT_FALSE(verify_password("", ""));
  EXPECT_FALSE(verify_password("not a hash", "not a hash"));
  EXPECT_FALSE(verify_password("$argon2id$v=19$m=65536,t=2,p=1$", "x"));
  EXPECT_FALSE(verify_password(std::string("$argon2id\0$", 11), "x"));
  EXPECT_FALSE(verify_password(std::string(1000, 'a'), "x"));
}

TEST(PasswordPolicy, AcceptsTwelveCharacters) {
  EXPECT_TRUE(check_new_password("twelve chars", "ada@example.com"));
  // Twelve characters, more bytes: characters are counted, not bytes.
  EXPECT_TRUE(check_new_password("ééééééééééé1", "ada@example.com"));
}

TEST(PasswordPolicy, RefusesShortLongNonUtf8AndTheLogin) {
  auto code = [](std::string_view pw, std::string_view login) {
    auto checked = check_new_password(pw, login);
    return checked ? std::string("ok") : checked.error().code;
  };
  EXPECT_EQ(code("eleven char", "ada"), "auth.password-too-short");
  EXPECT_EQ(code("ééééééééééé", "ada"), "auth.password-too-short");
  EXPECT_EQ(code(std::string(1025, 'a'), "ada"), "auth.password-too-long");
  EXPECT_EQ(code(std::string(1024, 'a'), "ada"), "ok");
  EXPECT_EQ(code("abcdefghijk\xff", "ada"), "auth.password-invalid-utf8");
  EXPECT_EQ(code("Ada@Example.com", "ada@example.com"), "auth.password-is-login");
  EXPECT_EQ(code(" ada@example.com ", "ada@example.com"), "auth.password-is-login");
}

TEST(PasswordPolicy, ErrorsNeverQuoteThePassword) {
  for (std::string_view pw : {"short", "ada@example.com"}) {
    auto checked = check_new_password(pw, "ada@example.com");
    ASSERT_FALSE(checked);
    EXPECT_EQ(checked.error().message.find(pw), std::string::npos) << checked.error().message;
  }
}

TEST(OneTimePassword, IsReadableRandomAndPassesThePolicy) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const std::string pw = one_time_password();
    ASSERT_EQ(pw.size(), 19U) << pw;
    for (std::size_t at = 0; at < pw.size(); ++at) {
      if (at % 5 == 4) {
        EXPECT_EQ(pw[at], '-') << pw;
      } else {
        EXPECT_NE(std::string_view("abcdefghjkmnpqrstuvwxyz23456789").find(pw[at]),
                  std::string_view::npos)
            << pw;
      }
    }
    EXPECT_TRUE(check_new_password(pw, "ada@example.com"));
    seen.insert(pw);
  }
  EXPECT_EQ(seen.size(), 50U);
}

}  // namespace
}  // namespace rung::auth
