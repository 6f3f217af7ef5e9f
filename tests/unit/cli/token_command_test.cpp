// `rung token create / list / revoke` (cli/token.hpp) on an in-memory store: the token is
// printed once and works, the list never shows it, revocation makes it useless, and refusals
// exit 1 (no such account or token) or 2 (a bad name).
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "rung/cli/token.hpp"
#include "rung/cli/user.hpp"
#include "rung/core/clock.hpp"
#include "rung/store/memory/store.hpp"

namespace rung::cli {
namespace {

struct TokenOutput {
  std::ostringstream out;
  std::ostringstream err;
  Io io() { return Io{out, err}; }
};

// The line of the output that starts with "rung_".
std::string printed_token(const std::string& out) {
  const auto at = out.find("\nrung_");
  return at == std::string::npos ? "" : out.substr(at + 1, out.find('\n', at + 1) - at - 1);
}

class TokenCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    TokenOutput added;
    ASSERT_EQ(user_add(*db, "grace@example.com", false, "cli:t", added.io()), k_exit_ok);
  }
  std::unique_ptr<store::Store> db = store::memory::make_store();
};

TEST_F(TokenCommand, CreatePrintsATokenOnceThatWorks) {
  TokenOutput output;
  ASSERT_EQ(token_create(*db, "Grace@example.com", {"nightly export", 30, true}, "cli:tester",
                         output.io()),
            k_exit_ok)
      << output.err.str();
  const std::string out = output.out.str();
  EXPECT_TRUE(
      out.starts_with("created API token 1 'nightly export' for 'grace@example.com' "
                      "(read-only), expires "))
      << out;
  const std::string token = printed_token(out);
  ASSERT_EQ(token.size(), 48U) << out;
  auto viewer = auth::find_token_viewer(*db, token, system_now());
  ASSERT_TRUE(viewer && *viewer);
  EXPECT_TRUE((*viewer)->read_only());
  EXPECT_EQ(
      db->audit(store::AuditQuery{"cli:tester", "token.create", "", 0, 0, 0, 100}).value().size(),
      1U);

  TokenOutput listed;
  ASSERT_EQ(token_list(*db, "", "text", listed.io()), k_exit_ok);
  EXPECT_NE(listed.out.str().find("nightly export"), std::string::npos) << listed.out.str();
  EXPECT_NE(listed.out.str().find("read-only"), std::string::npos);
  EXPECT_EQ(listed.out.str().find(token.substr(5)), std::string::npos);
  TokenOutput json;
  ASSERT_EQ(token_list(*db, "grace@example.com", "json", json.io()), k_exit_ok);
  const auto parsed = nlohmann::json::parse(json.out.str());
  ASSERT_EQ(parsed.size(), 1U);
  EXPECT_EQ(parsed[0]["status"], "active");
  EXPECT_EQ(parsed[0]["login"], "grace@example.com");
  EXPECT_EQ(json.out.str().find(token.substr(5)), std::string::npos);
}

TEST_F(TokenCommand, RevokeMakesTheTokenUseless) {
  TokenOutput made;
  ASSERT_EQ(token_create(*db, "grace@example.com", {"ci", {}, false}, "cli:t", made.io()),
            k_exit_ok);
  const std::string token = printed_token(made.out.str());
  TokenOutput revoked;
  ASSERT_EQ(token_revoke(*db, 1, "cli:t", revoked.io()), k_exit_ok);
  EXPECT_EQ(revoked.out.str(), "revoked API token 1 'ci'\n");
  auto viewer = auth::find_token_viewer(*db, token, system_now());
  ASSERT_TRUE(viewer);
  EXPECT_FALSE(*viewer);
  TokenOutput listed;
  ASSERT_EQ(token_list(*db, "", "text", listed.io()), k_exit_ok);
  EXPECT_NE(listed.out.str().find("revoked"), std::string::npos);
}

TEST_F(TokenCommand, RefusalsSayWhatIsWrong) {
  TokenOutput nobody;
  EXPECT_EQ(token_create(*db, "nobody@example.com", {"x", {}, false}, "cli:t", nobody.io()),
            k_exit_findings);
  EXPECT_NE(nobody.err.str().find("error[auth.unknown-account]"), std::string::npos)
      << nobody.err.str();
  TokenOutput unnamed;
  EXPECT_EQ(token_create(*db, "grace@example.com", {" ", {}, false}, "cli:t", unnamed.io()),
            k_exit_unusable);
  EXPECT_NE(unnamed.err.str().find("error[auth.bad-token-name]"), std::string::npos);
  TokenOutput missing;
  EXPECT_EQ(token_revoke(*db, 9, "cli:t", missing.io()), k_exit_findings);
  EXPECT_NE(missing.err.str().find("error[auth.unknown-token]"), std::string::npos);
  TokenOutput unknown_login;
  EXPECT_EQ(token_list(*db, "nobody@example.com", "text", unknown_login.io()), k_exit_findings);
  EXPECT_TRUE(db->api_tokens().value().empty());
}

}  // namespace
}  // namespace rung::cli
