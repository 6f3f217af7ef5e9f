#include "rung/cli/user.hpp"

#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "rung/auth/password.hpp"
#include "rung/store/memory/store.hpp"

namespace rung::cli {
namespace {

struct Output {
  std::ostringstream out;
  std::ostringstream err;
  Io io() { return Io{out, err}; }
};

// The password printed on the line "one-time password for 'LOGIN': PASSWORD".
std::string printed_password(const std::string& out) {
  const std::string marker = "': ";
  auto line_start = out.find("one-time password for '");
  auto at = out.find(marker, line_start);
  return out.substr(at + marker.size(), out.find('\n', at) - at - marker.size());
}

TEST(UserCommand, AddPrintsTheOneTimePasswordOnce) {
  auto db = store::memory::make_store();
  Output output;
  EXPECT_EQ(user_add(*db, "Grace@Example.com", true, "cli:tester", output.io()), k_exit_ok);
  const std::string out = output.out.str();
  EXPECT_TRUE(out.starts_with("created account 'grace@example.com' (admin)\n")) << out;
  const std::string password = printed_password(out);
  EXPECT_EQ(password.size(), 19U) << out;
  auto account = db->account_by_login("grace@example.com").value();
  ASSERT_TRUE(account);
  EXPECT_TRUE(account->admin);
  EXPECT_TRUE(auth::verify_password(account->password_hash, password));
  EXPECT_EQ(db->audit({}).value().at(0).actor, "cli:tester");
  EXPECT_EQ(output.err.str(), "");
}

TEST(UserCommand, AddRefusesATakenOrMalformedLogin) {
  auto db = store::memory::make_store();
  Output first;
  ASSERT_EQ(user_add(*db, "grace@example.com", false, "cli:t", first.io()), k_exit_ok);
  Output taken;
  EXPECT_EQ(user_add(*db, "grace@example.com", false, "cli:t", taken.io()), k_exit_findings);
  EXPECT_NE(taken.err.str().find("error[auth.login-taken]"), std::string::npos) << taken.err.str();
  EXPECT_EQ(taken.out.str(), "");
  Output malformed;
  EXPECT_EQ(user_add(*db, "two words", false, "cli:t", malformed.io()), k_exit_unusable);
  EXPECT_NE(malformed.err.str().find("error[auth.bad-login]"), std::string::npos);
}

TEST(UserCommand, InviteMakesAnAccountForEveryActivePersonWithoutOneAsCsv) {
  auto db = store::memory::make_store();
  ASSERT_TRUE(db->write([](store::Writer& w) -> Result<void> {
    for (const char* name : {"Grace", "@Ada", "Left"}) {
      store::Person person;
      person.name = name;
      person.email = std::string(name[0] == '@' ? "ada" : name) + "@example.com";
      person.track = "swe";
      person.level = "swe-1";
      person.status =
          std::string(name) == "Left" ? store::PersonStatus::left : store::PersonStatus::active;
      RUNG_TRY(w.insert_person(person));
    }
    return {};
  }));
  Output first;
  ASSERT_EQ(user_add(*db, "grace@example.com", false, "cli:t", first.io()), k_exit_ok);
  Output invited;
  EXPECT_EQ(user_invite(*db, "cli:t", invited.io()), k_exit_ok);
  const std::string out = invited.out.str();
  EXPECT_TRUE(out.starts_with("name,login,one-time password\r\n'@Ada,ada@example.com,")) << out;
  EXPECT_EQ(out.find("Grace"), std::string::npos) << "Grace has an account already";
  EXPECT_EQ(out.find("Left"), std::string::npos) << "people who left get none";
  const std::string password = out.substr(out.rfind(',') + 1, 19);
  const auto ada = db->account_by_login("ada@example.com").value();
  ASSERT_TRUE(ada);
  EXPECT_TRUE(ada->must_change_password);
  EXPECT_TRUE(auth::verify_password(ada->password_hash, password));
  Output again;
  EXPECT_EQ(user_invite(*db, "cli:t", again.io()), k_exit_ok);
  EXPECT_EQ(again.out.str(), "");
  EXPECT_EQ(db->accounts().value().size(), 2U);
}

TEST(UserCommand, ResetPrintsANewPasswordThatWorks) {
  auto db = store::memory::make_store();
  Output added;
  ASSERT_EQ(user_add(*db, "grace@example.com", false, "cli:t", added.io()), k_exit_ok);
  Output reset;
  EXPECT_EQ(user_reset(*db, "GRACE@example.com", "cli:t", reset.io()), k_exit_ok);
  const std::string password = printed_password(reset.out.str());
  auto account = db->account_by_login("grace@example.com").value();
  EXPECT_TRUE(auth::verify_password(account->password_hash, password));
  EXPECT_FALSE(auth::verify_password(account->password_hash, printed_password(added.out.str())));
}

TEST(UserCommand, ResetOfAnUnknownLoginSuggestsTheNearestOne) {
  auto db = store::memory::make_store();
  Output added;
  ASSERT_EQ(user_add(*db, "grace@example.com", false, "cli:t", added.io()), k_exit_ok);
  Output reset;
  EXPECT_EQ(user_reset(*db, "grase@example.com", "cli:t", reset.io()), k_exit_findings);
  EXPECT_EQ(reset.err.str(),
            "error[auth.unknown-account]: there is no account 'grase@example.com'\n"
            "  hint: did you mean 'grace@example.com'?\n");
  EXPECT_EQ(reset.out.str(), "");
}

TEST(UserCommand, ListShowsAccountsWithoutHashes) {
  auto db = store::memory::make_store();
  Output added;
  ASSERT_EQ(user_add(*db, "grace@example.com", true, "cli:t", added.io()), k_exit_ok);
  Output text;
  EXPECT_EQ(user_list(*db, "text", text.io()), k_exit_ok);
  EXPECT_TRUE(
      text.out.str().starts_with("ID   LOGIN              ADMIN  MUST CHANGE  PASSWORD SET      "
                                 "DISABLED\n"
                                 "1    grace@example.com  yes    yes          "))
      << text.out.str();
  Output json;
  EXPECT_EQ(user_list(*db, "json", json.io()), k_exit_ok);
  auto list = nlohmann::json::parse(json.out.str());
  ASSERT_EQ(list.size(), 1U);
  EXPECT_EQ(list[0].at("login"), "grace@example.com");
  EXPECT_FALSE(list[0].contains("password_hash"));
  EXPECT_EQ(json.out.str().find("$argon2"), std::string::npos);
}

TEST(UserCommand, DisableEnableAndDeleteByLogin) {
  auto db = store::memory::make_store();
  Output added;
  ASSERT_EQ(user_add(*db, "root@example.com", true, "cli:t", added.io()), k_exit_ok);
  ASSERT_EQ(user_add(*db, "grace@example.com", false, "cli:t", added.io()), k_exit_ok);
  Output disabled;
  EXPECT_EQ(user_set_disabled(*db, "Grace@Example.com", true, "cli:t", disabled.io()), k_exit_ok);
  EXPECT_TRUE(disabled.out.str().starts_with("disabled 'grace@example.com'")) << disabled.out.str();
  EXPECT_TRUE(db->account_by_login("grace@example.com").value()->disabled());
  Output again;
  EXPECT_EQ(user_set_disabled(*db, "grace@example.com", true, "cli:t", again.io()), k_exit_ok);
  EXPECT_EQ(again.out.str(), "'grace@example.com' was already disabled; nothing changed\n");
  Output listed;
  ASSERT_EQ(user_list(*db, "text", listed.io()), k_exit_ok);
  EXPECT_EQ(listed.out.str().find("grace@example.com  no     yes") != std::string::npos, true)
      << listed.out.str();
  Output enabled;
  EXPECT_EQ(user_set_disabled(*db, "grace@example.com", false, "cli:t", enabled.io()), k_exit_ok);
  EXPECT_EQ(enabled.out.str(), "enabled 'grace@example.com': it can sign in again\n");
  // The last enabled admin stays: refused, exit 1.
  Output last;
  EXPECT_EQ(user_set_disabled(*db, "root@example.com", true, "cli:t", last.io()), k_exit_findings);
  EXPECT_NE(last.err.str().find("error[auth.last-admin]"), std::string::npos) << last.err.str();
  // Grace has made nothing (the CLI made her account): she can be deleted, once.
  Output deleted;
  EXPECT_EQ(user_delete(*db, "grace@example.com", "cli:t", deleted.io()), k_exit_ok);
  EXPECT_EQ(deleted.out.str(), "deleted the account 'grace@example.com'\n");
  EXPECT_FALSE(db->account_by_login("grace@example.com").value());
  Output gone;
  EXPECT_EQ(user_delete(*db, "grace@example.com", "cli:t", gone.io()), k_exit_findings);
  EXPECT_NE(gone.err.str().find("error[auth.unknown-account]"), std::string::npos);
}

}  // namespace
}  // namespace rung::cli
