// Sign-in behind an authenticating proxy (--auth-header, --trusted-proxy; docs/auth.md): the
// header counts only from a TCP peer inside a trusted block (IPv4 and IPv6; X-Forwarded-For
// changes nothing); look-alike names, a repeated header and untrusted peers are ignored and
// logged without the value; a known person gets an account at first sign-in (audited), an
// unknown email a clear page and no account; --no-password-sign-in keeps only 'admin' on
// passwords.
#include <gtest/gtest.h>

#include "rung/auth/accounts.hpp"
#include "rung/web/http/cidr.hpp"

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::has;
using testing::header;
using testing::PeopleWorld;

constexpr std::string_view k_header = "X-Forwarded-Email";

AppOptions proxy_options(bool password_sign_in = true) {
  AppOptions options;
  options.proxy.header = std::string(k_header);
  options.proxy.trusted = parse_cidr_list("127.0.0.0/8,::1").value();
  options.sessions.password_sign_in = password_sign_in;
  return options;
}

Response from(PeopleWorld& world, std::string remote, std::string target,
              std::vector<std::pair<std::string, std::string>> headers) {
  Request out = testing::request(std::move(target));
  out.remote = std::move(remote);
  for (auto& [name, value] : headers) {
    out.headers.add(name, value);
  }
  return world.app->handle(out);
}

std::string session_cookie_of(const Response& response) {
  for (const auto& [name, value] : response.headers.fields()) {
    if (iequals(name, "Set-Cookie") && value.starts_with(std::string(k_session_cookie) + "=") &&
        !value.starts_with(std::string(k_session_cookie) + "=;")) {
      return value.substr(k_session_cookie.size() + 1,
                          value.find(';') - k_session_cookie.size() - 1);
    }
  }
  return "";
}

std::size_t sign_ins(PeopleWorld& world) {
  return world.store->audit(store::AuditQuery{"", "session.sign-in", "", 0, 0, 0, 1000})
      .value()
      .size();
}

class ProxySignIn : public ::testing::Test {
 protected:
  PeopleWorld world{proxy_options()};
};

TEST_F(ProxySignIn, AHeaderFromATrustedPeerSignsThePersonIn) {
  const std::size_t before = sign_ins(world);
  const Response first =
      from(world, "127.0.0.1:50000", "/account", {{std::string(k_header), "Ed@Example.com"}});
  ASSERT_EQ(first.status, 200) << first.payload();
  EXPECT_TRUE(has(first, "ed@example.com"));
  const std::string cookie = session_cookie_of(first);
  ASSERT_FALSE(cookie.empty());
  EXPECT_EQ(sign_ins(world), before + 1);
  const auto entry =
      world.store->audit(store::AuditQuery{"ed@example.com", "session.sign-in", "", 0, 0, 0, 1})
          .value();
  ASSERT_EQ(entry.size(), 1U);
  EXPECT_NE(entry[0].after.find(R"("via":"proxy")"), std::string::npos) << entry[0].after;

  // The session it made carries on: no second sign-in while the header names the same person.
  const Response again = from(world, "127.0.0.1:50001", "/account",
                              {{std::string(k_header), "ed@example.com"},
                               {"Cookie", std::string(k_session_cookie) + "=" + cookie}});
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(session_cookie_of(again), "");
  EXPECT_EQ(sign_ins(world), before + 1);

  // The proxy now vouches for someone else: their session, not the old one.
  const Response other = from(world, "127.0.0.1:50002", "/api/v1/me",
                              {{std::string(k_header), "mona@example.com"},
                               {"Cookie", std::string(k_session_cookie) + "=" + cookie}});
  EXPECT_TRUE(has(other, R"("login": "mona@example.com")")) << other.payload();
  EXPECT_FALSE(session_cookie_of(other).empty());
}

TEST_F(ProxySignIn, IPv6AndIPv4MappedPeersCount) {
  EXPECT_EQ(
      from(world, "::1:50000", "/account", {{std::string(k_header), "ed@example.com"}}).status,
      200);
  EXPECT_EQ(
      from(world, "::ffff:127.0.0.1:50000", "/account", {{std::string(k_header), "ed@example.com"}})
          .status,
      200);
}

TEST_F(ProxySignIn, UntrustedPeersLookAlikesAndRepeatsAreIgnoredAndLogged) {
  const std::size_t before = sign_ins(world);
  const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> cases{
      {"203.0.113.9:4000", {{std::string(k_header), "ed@example.com"}}},
      {"2001:db8::1:4000", {{std::string(k_header), "ed@example.com"}}},
      // X-Forwarded-For is anyone's to send: the TCP peer decides.
      {"203.0.113.9:4000",
       {{std::string(k_header), "ed@example.com"}, {"X-Forwarded-For", "127.0.0.1"}}},
      {"127.0.0.1:4000", {{"X_Forwarded_Email", "ed@example.com"}}},
      {"127.0.0.1:4000",
       {{std::string(k_header), "ed@example.com"}, {"x_forwarded-email", "admin"}}},
      {"127.0.0.1:4000",
       {{std::string(k_header), "ed@example.com"}, {std::string(k_header), "ed@example.com"}}},
      {"127.0.0.1:4000", {{std::string(k_header), "  "}}},
  };
  for (const auto& [peer, headers] : cases) {
    ::testing::internal::CaptureStderr();
    const Response response = from(world, peer, "/account", headers);
    const std::string log = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(response.status, 401) << peer << " " << headers.back().first;
    EXPECT_EQ(session_cookie_of(response), "");
    EXPECT_NE(log.find("ignored the X-Forwarded-Email header"), std::string::npos) << log;
    EXPECT_EQ(log.find("ed@example.com"), std::string::npos) << log;
    EXPECT_EQ(log.find("admin"), std::string::npos) << log;
  }
  EXPECT_EQ(sign_ins(world), before);
}

TEST_F(ProxySignIn, AKnownPersonGetsAnAccountAtFirstSignIn) {
  world.pat = world.add_person("Pat Newhire", "pat@example.com", world.mona, "swe-1");
  ASSERT_FALSE(world.store->account_by_login("pat@example.com").value());
  const Response response =
      from(world, "127.0.0.1:5000", "/account", {{std::string(k_header), "pat@example.com"}});
  ASSERT_EQ(response.status, 200) << response.payload();
  const auto account = world.store->account_by_login("pat@example.com").value();
  ASSERT_TRUE(account);
  EXPECT_FALSE(account->admin);
  EXPECT_FALSE(account->must_change_password);
  const auto created =
      world.store->audit(store::AuditQuery{"proxy", "account.create", "", 0, 0, 0, 10}).value();
  ASSERT_EQ(created.size(), 1U);
  EXPECT_EQ(created[0].subject, "account:" + std::to_string(account->id));
}

TEST_F(ProxySignIn, AnUnknownEmailGetsAClearPageAndNoAccount) {
  const std::size_t accounts = world.store->accounts().value().size();
  const Response page =
      from(world, "127.0.0.1:5000", "/account", {{std::string(k_header), "zed@example.com"}});
  EXPECT_EQ(page.status, 403);
  EXPECT_TRUE(has(page,
                  "signed you in as zed@example.com, but Rung has no person with that "
                  "email: ask an admin"))
      << page.payload();
  const Response api =
      from(world, "127.0.0.1:5000", "/api/v1/me", {{std::string(k_header), "zed@example.com"}});
  EXPECT_EQ(api.status, 403);
  EXPECT_TRUE(has(api, "unknown-identity"));
  EXPECT_EQ(world.store->accounts().value().size(), accounts);
}

TEST_F(ProxySignIn, SomeoneWhoLeftIsRefused) {
  ASSERT_TRUE(world.store->write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(auto olga, w.person(world.olga));
    olga->status = store::PersonStatus::left;
    return w.update_person(*olga);
  }));
  EXPECT_EQ(from(world, "127.0.0.1:5000", "/account", {{std::string(k_header), "olga@example.com"}})
                .status,
            403);
}

TEST_F(ProxySignIn, ADisabledAccountIsRefusedWithOrWithoutItsOldSession) {
  const Response first =
      from(world, "127.0.0.1:5000", "/account", {{std::string(k_header), "ed@example.com"}});
  ASSERT_EQ(first.status, 200);
  const std::string cookie = session_cookie_of(first);
  ASSERT_TRUE(auth::set_account_disabled(*world.store, auth::AccountActor{"cli:t", 0},
                                         world.accounts["ed@example.com"], true,
                                         1'750'000'000'000));
  for (const bool with_cookie : {true, false}) {
    std::vector<std::pair<std::string, std::string>> headers{
        {std::string(k_header), "ed@example.com"}};
    if (with_cookie) {
      headers.emplace_back("Cookie", std::string(k_session_cookie) + "=" + cookie);
    }
    const Response refused = from(world, "127.0.0.1:5001", "/account", headers);
    EXPECT_EQ(refused.status, 403) << with_cookie;
    EXPECT_TRUE(has(refused, "Your account is disabled; ask an admin to enable it again."))
        << refused.payload();
    EXPECT_EQ(session_cookie_of(refused), "");
  }
}

TEST(ProxySignInPasswords, PasswordSignInCanBeTurnedOffButForAdmin) {
  PeopleWorld world{proxy_options(false)};
  Request posted = testing::request("/sign-in", {}, "POST");
  posted.headers.add("Content-Type", "application/x-www-form-urlencoded");
  posted.headers.add("Cookie", std::string(k_signin_csrf_cookie) + "=same");
  posted.body = "csrf=same&login=ed%40example.com&password=" +
                percent_encode(std::string(testing::k_world_password));
  const Response refused = world.app->handle(posted);
  EXPECT_EQ(refused.status, 401);
  EXPECT_TRUE(has(refused, "single sign-on")) << refused.payload();
  EXPECT_EQ(session_cookie_of(refused), "");

  posted.body =
      "csrf=same&login=admin&password=" + percent_encode(std::string(testing::k_world_password));
  const Response admin = world.app->handle(posted);
  EXPECT_EQ(admin.status, 303) << admin.payload();
  EXPECT_FALSE(session_cookie_of(admin).empty());
}

}  // namespace
}  // namespace rung::web
