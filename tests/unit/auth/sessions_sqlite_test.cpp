// The session life cycle on the SQLite store rung serve uses (the other auth tests run on the
// in-memory store): sign-in, expiry, password change keeping this session, reset, sign-out
// everywhere, and that the database file holds no token or password.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "rung/auth/accounts.hpp"
#include "rung/auth/sessions.hpp"
#include "rung/auth/token.hpp"
#include "rung/store/sqlite/store.hpp"

namespace rung::auth {
namespace {

using namespace std::chrono_literals;

class SqliteSessionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = std::filesystem::temp_directory_path() /
            ("rung-auth-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + new_token().substr(0, 8));
    std::filesystem::create_directories(m_dir);
    auto opened = store::sqlite::open_store(m_dir / "rung.db");
    ASSERT_TRUE(opened) << opened.error().to_string();
    db = std::move(*opened);
  }
  void TearDown() override {
    db.reset();
    std::filesystem::remove_all(m_dir);
  }

  SessionOptions options() {
    SessionOptions out;
    out.hash_cost = HashCost::test_minimum;
    out.clock = [this] { return now; };
    return out;
  }

  std::string file_bytes() {
    std::string all;
    for (const auto& entry : std::filesystem::directory_iterator(m_dir)) {
      std::ifstream in(entry.path(), std::ios::binary);
      all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return all;
  }

  store::Millis now = 1'750'000'000'000;
  std::unique_ptr<store::Store> db;

 private:
  std::filesystem::path m_dir;
};

TEST_F(SqliteSessionsTest, SessionLifeCycle) {
  auto added = add_account(*db, "ada@example.com", false, "test", now, HashCost::test_minimum);
  ASSERT_TRUE(added) << added.error().to_string();
  Sessions sessions(*db, options());

  auto first = sessions.sign_in("ada@example.com", added->one_time_password, "a");
  ASSERT_TRUE(first) << first.error().to_string();
  auto second = sessions.sign_in("ada@example.com", added->one_time_password, "b");
  ASSERT_TRUE(second);
  EXPECT_TRUE(first->viewer.account.must_change_password);

  now += std::chrono::milliseconds(2min).count();
  auto viewer = sessions.viewer(first->token);
  ASSERT_TRUE(viewer);
  EXPECT_EQ(viewer->session.last_seen_at, now);

  ASSERT_TRUE(
      sessions.change_password(*viewer, added->one_time_password, "a much better passphrase"));
  EXPECT_TRUE(sessions.viewer(first->token));
  EXPECT_FALSE(sessions.viewer(second->token));
  EXPECT_FALSE(sessions.viewer(first->token)->account.must_change_password);

  auto third = sessions.sign_in("ada@example.com", "a much better passphrase", "c");
  ASSERT_TRUE(third);
  auto ended = sessions.sign_out_everywhere(third->viewer);
  ASSERT_TRUE(ended);
  EXPECT_EQ(*ended, 2U);

  auto reset = sessions.reset_password("hr@example.com", added->account.id);
  ASSERT_TRUE(reset);
  auto fourth = sessions.sign_in("ada@example.com", *reset, "d");
  ASSERT_TRUE(fourth);
  now += std::chrono::milliseconds(12h).count();
  EXPECT_FALSE(sessions.viewer(fourth->token));
  EXPECT_FALSE(db->session(fourth->viewer.session.token_hash).value());

  const std::string bytes = file_bytes();
  for (const std::string& secret :
       {first->token, second->token, third->token, fourth->token, *reset, added->one_time_password,
        std::string("a much better passphrase")}) {
    EXPECT_EQ(bytes.find(secret), std::string::npos);
  }
}

}  // namespace
}  // namespace rung::auth
