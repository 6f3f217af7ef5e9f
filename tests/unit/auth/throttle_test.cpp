#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "rung/auth/sessions.hpp"
#include "rung/auth/token.hpp"

#include "auth_fixture.hpp"

namespace rung::auth {
namespace {

using namespace std::chrono_literals;
using testing::AuthTest;
using testing::k_login;
using testing::k_password;

class ThrottleTest : public AuthTest {
 protected:
  std::string attempt(Sessions& sessions, std::string_view login, std::string_view password,
                      std::string_view address) {
    auto signed_in = sessions.sign_in(login, password, address);
    return signed_in ? std::string("ok") : signed_in.error().code;
  }
};

TEST_F(ThrottleTest, FiveFailuresOfALoginLockItForFifteenMinutes) {
  Sessions sessions(db(), options());
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(attempt(sessions, k_login, "wrong password", "a"), "auth.bad-credentials");
    advance(1min);
  }
  // Even the right password, and from another address.
  auto refused = sessions.sign_in(k_login, k_password, "b");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "auth.throttled");
  // The first failure leaves the window 15 minutes after it was made: 10 minutes from now.
  EXPECT_EQ(retry_after_seconds(refused.error()), 600);
  EXPECT_EQ(refused.error().message, "too many failed sign-ins; try again in 600 seconds");
  advance(10min - 1s);
  EXPECT_EQ(attempt(sessions, k_login, k_password, "b"), "auth.throttled");
  advance(1s);
  EXPECT_EQ(attempt(sessions, k_login, k_password, "b"), "ok");
}

TEST_F(ThrottleTest, UnknownLoginsAreThrottledLikeKnownOnes) {
  Sessions sessions(db(), options());
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(attempt(sessions, "ghost@example.com", k_password, "a"), "auth.bad-credentials");
  }
  EXPECT_EQ(attempt(sessions, "ghost@example.com", k_password, "a"), "auth.throttled");
  EXPECT_EQ(attempt(sessions, k_login, k_password, "a"), "ok");
}

TEST_F(ThrottleTest, ASuccessForgetsTheLoginsEarlierFailures) {
  Sessions sessions(db(), options());
  for (int i = 0; i < 4; ++i) {
    ASSERT_EQ(attempt(sessions, k_login, "wrong password", "a"), "auth.bad-credentials");
  }
  ASSERT_EQ(attempt(sessions, k_login, k_password, "a"), "ok");
  for (int i = 0; i < 4; ++i) {
    ASSERT_EQ(attempt(sessions, k_login, "wrong password", "a"), "auth.bad-credentials");
  }
  EXPECT_EQ(attempt(sessions, k_login, k_password, "a"), "ok");
}

TEST_F(ThrottleTest, ThirtyFailuresFromOneAddressLockThatAddress) {
  Sessions sessions(db(), options());
  for (int i = 0; i < 30; ++i) {
    const std::string login = "user" + std::to_string(i) + "@example.com";
    ASSERT_EQ(attempt(sessions, login, k_password, "198.51.100.9"), "auth.bad-credentials") << i;
  }
  auto refused = sessions.sign_in(k_login, k_password, "198.51.100.9");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "auth.throttled");
  EXPECT_EQ(retry_after_seconds(refused.error()), 900);
  EXPECT_EQ(attempt(sessions, k_login, k_password, "198.51.100.10"), "ok");
  advance(15min);
  EXPECT_EQ(attempt(sessions, k_login, k_password, "198.51.100.9"), "ok");
}

TEST_F(ThrottleTest, LimitsComeFromTheOptions) {
  SessionOptions opts = options();
  opts.max_login_failures = 2;
  opts.failure_window = 1min;
  Sessions sessions(db(), opts);
  ASSERT_EQ(attempt(sessions, k_login, "wrong password", "a"), "auth.bad-credentials");
  ASSERT_EQ(attempt(sessions, k_login, "wrong password", "a"), "auth.bad-credentials");
  EXPECT_EQ(attempt(sessions, k_login, k_password, "a"), "auth.throttled");
  advance(1min);
  EXPECT_EQ(attempt(sessions, k_login, k_password, "a"), "ok");
}

TEST_F(ThrottleTest, SimultaneousAttemptsCannotSlipPastTheLimit) {
  Sessions sessions(db(), options());
  std::atomic<int> bad{0};
  std::atomic<int> throttled{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      const std::string code = attempt(sessions, k_login, "wrong password", "a");
      (code == "auth.throttled" ? throttled : bad)++;
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  // Each attempt is counted when it begins, so only five are ever checked.
  EXPECT_EQ(bad.load(), 5);
  EXPECT_EQ(throttled.load(), 3);
}

// The wait is a value of the error, for Retry-After, not only words in its message.
TEST_F(ThrottleTest, AThrottledSignInIsUnavailableWithTheWaitAsRetryAfter) {
  Sessions sessions(db(), options());
  auto wrong = sessions.sign_in(k_login, "wrong password", "a");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(wrong.error().retry_after, std::nullopt);
  for (int i = 0; i < 4; ++i) {
    ASSERT_EQ(attempt(sessions, k_login, "wrong password", "a"), "auth.bad-credentials");
  }
  advance(5min);
  auto refused = sessions.sign_in(k_login, k_password, "a");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(refused.error().retry_after, 600);
  advance(1ms);
  EXPECT_EQ(sessions.sign_in(k_login, k_password, "a").error().retry_after, 600);  // 599.999 s
}

// Failures are counted in the store: a lock made through one instance (one Sessions) holds on
// another on the same store, and a new process (a restart) still sees it.
TEST_F(ThrottleTest, ALockMadeThroughOneInstanceHoldsOnAnother) {
  Sessions one(db(), options());
  Sessions two(db(), options());
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(attempt(i % 2 == 0 ? one : two, k_login, "wrong password", "a"),
              "auth.bad-credentials");
  }
  EXPECT_EQ(attempt(two, k_login, k_password, "b"), "auth.throttled");
  EXPECT_EQ(attempt(one, k_login, k_password, "c"), "auth.throttled");
  Sessions restarted(db(), options());
  EXPECT_EQ(attempt(restarted, k_login, k_password, "d"), "auth.throttled");
  advance(15min);
  EXPECT_EQ(attempt(one, k_login, k_password, "b"), "ok");
}

// Failures that have left the window are deleted, and the store keeps digests, not logins.
TEST_F(ThrottleTest, OldFailuresArePrunedAndNoLoginIsStored) {
  Sessions sessions(db(), options());
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(attempt(sessions, k_login, "wrong password", "198.51.100.9"), "auth.bad-credentials");
  }
  const auto count = [&](const std::string& key) {
    std::int64_t out = -1;
    EXPECT_TRUE(db().write([&](store::Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(auto failures, w.sign_in_failures(key, 0));
      out = failures.count;
      return {};
    }));
    return out;
  };
  const std::string login_key = "login:" + token_hash(std::string(k_login));
  EXPECT_EQ(count(login_key), 3);
  EXPECT_EQ(count("login:" + std::string(k_login)), 0);
  EXPECT_EQ(count("address:" + token_hash("198.51.100.9")), 3);
  advance(16min);
  ASSERT_EQ(attempt(sessions, "someone@example.com", "wrong password", "x"),
            "auth.bad-credentials");
  EXPECT_EQ(count(login_key), 0) << "pruned";
}

TEST(RetryAfter, OnlyReadsThrottledErrors) {
  EXPECT_EQ(retry_after_seconds(Error{"auth.bad-credentials", "x", {}, ""}), std::nullopt);
  EXPECT_EQ(retry_after_seconds(Error{"auth.throttled", "odd", {}, ""}), std::nullopt);
}

}  // namespace
}  // namespace rung::auth
