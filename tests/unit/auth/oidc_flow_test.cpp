// The OpenID Connect flow of auth::Oidc against a fake provider (a Fetch answering discovery,
// keys and the token endpoint with cjose-signed tokens): the redirect carries PKCE S256,
// state and nonce; finishing signs in the person of the email, once per state; an expired or
// replayed state, an unverified or unknown email and an unknown key are refused, and keys are
// fetched again on an unknown kid at most once a minute.
#include <gtest/gtest.h>

#include "rung/auth/oidc.hpp"
#include "rung/web/http/url.hpp"

#include "auth_fixture.hpp"
#include "oidc_test_keys.hpp"

namespace rung::auth {
namespace {

using testing::rsa_key;
using testing::sign;

constexpr std::string_view k_issuer = "https://idp.example.com";

// The value of `name` in the query of `url`, percent-decoded.
std::string query_param(std::string_view url, std::string_view name) {
  const std::string key = std::string(name) + '=';
  std::size_t at = url.find('?');
  while (at != std::string_view::npos) {
    if (url.substr(at + 1, key.size()) == key) {
      const std::string_view rest = url.substr(at + 1 + key.size());
      return web::percent_decode(rest.substr(0, rest.find('&')), false).value_or("");
    }
    at = url.find('&', at + 1);
  }
  return "";
}

class OidcFlowTest : public testing::AuthTest {
 protected:
  void SetUp() override {
    AuthTest::SetUp();
    static const testing::Jwk first = rsa_key("key-1");
    static const testing::Jwk second = rsa_key("key-2");
    m_key = first;
    m_rotated = second;
    m_jwks = testing::jwks_of({m_key});
    m_sessions = std::make_unique<Sessions>(db(), options());
    auto started = Oidc::start(db(), *m_sessions, oidc_options());
    ASSERT_TRUE(started) << started.error().message;
    m_oidc = std::move(*started);
  }

  OidcOptions oidc_options() {
    OidcOptions out;
    out.issuer = std::string(k_issuer);
    out.client_id = "rung";
    out.client_secret = "s3cret:&";
    out.redirect_url = "http://127.0.0.1:8080/sign-in/oidc/callback";
    out.name = "Example";
    out.clock = [this] { return now; };
    out.fetch = [this](const HttpCall& call) { return answer(call); };
    return out;
  }

  Result<HttpReply> answer(const HttpCall& call) {
    calls.push_back(call);
    if (call.url == std::string(k_issuer) + "/.well-known/openid-configuration") {
      return HttpReply{200, discovery.dump()};
    }
    if (call.url == "https://idp.example.com/keys") {
      ++jwks_fetches;
      return HttpReply{200, m_jwks};
    }
    if (call.url == "https://idp.example.com/token") {
      Json claims{{"iss", k_issuer},   {"sub", "u-1"},   {"aud", "rung"}, {"exp", now / 1000 + 300},
                  {"iat", now / 1000}, {"nonce", nonce}, {"email", email}};
      if (email_verified) {
        claims["email_verified"] = *email_verified;
      }
      return HttpReply{200, Json{{"id_token", sign(signer, "RS256", claims)}}.dump()};
    }
    return HttpReply{404, ""};
  }

  // Begins a sign-in; keeps the nonce for the fake's next token, returns the state.
  std::string begin(std::string_view next = "/") {
    const std::string url = m_oidc->begin(next).value();
    nonce = query_param(url, "nonce");
    challenge = query_param(url, "code_challenge");
    authorize_url = url;
    return query_param(url, "state");
  }

  Result<OidcSignedIn> finish(const std::string& state) {
    return m_oidc->finish("code-1", state, "192.0.2.1");
  }

  std::string error_of(const std::string& state) {
    auto out = finish(state);
    return out ? "" : out.error().code;
  }

  Json discovery{{"issuer", k_issuer},
                 {"authorization_endpoint", "https://idp.example.com/authorize"},
                 {"token_endpoint", "https://idp.example.com/token"},
                 {"jwks_uri", "https://idp.example.com/keys"}};
  std::vector<HttpCall> calls;
  int jwks_fetches = 0;
  std::string nonce;
  std::string challenge;
  std::string authorize_url;
  std::string email = "ada@example.com";
  std::optional<bool> email_verified = true;
  testing::Jwk signer;
  testing::Jwk m_key;
  testing::Jwk m_rotated;
  std::string m_jwks;
  std::unique_ptr<Sessions> m_sessions;
  std::unique_ptr<Oidc> m_oidc;
};

TEST_F(OidcFlowTest, TheRedirectCarriesPkceStateAndNonce) {
  const std::string state = begin("/team");
  EXPECT_TRUE(authorize_url.starts_with("https://idp.example.com/authorize?response_type=code&"));
  EXPECT_EQ(query_param(authorize_url, "client_id"), "rung");
  EXPECT_EQ(query_param(authorize_url, "redirect_uri"),
            "http://127.0.0.1:8080/sign-in/oidc/callback");
  EXPECT_EQ(query_param(authorize_url, "scope"), "openid email profile");
  EXPECT_EQ(query_param(authorize_url, "code_challenge_method"), "S256");
  EXPECT_EQ(state.size(), 43U);
  EXPECT_EQ(nonce.size(), 43U);
  EXPECT_EQ(challenge.size(), 43U);
  EXPECT_NE(state, nonce);
}

TEST_F(OidcFlowTest, SignsInThePersonOfTheEmailOncePerState) {
  signer = m_key;
  const std::string state = begin("/team");
  auto done = finish(state);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->next, "/team");
  EXPECT_EQ(done->signed_in.viewer.account.id, ada);
  const HttpCall& token_call = calls.back();
  EXPECT_EQ(token_call.url, "https://idp.example.com/token");
  EXPECT_EQ(pkce_challenge(query_param("?" + token_call.form, "code_verifier")), challenge);
  EXPECT_EQ(query_param("?" + token_call.form, "code"), "code-1");
  EXPECT_EQ(token_call.form.find("s3cret"), std::string::npos);  // basic: in the header
  ASSERT_EQ(token_call.headers.size(), 1U);
  // base64("rung:s3cret%3A%26")
  EXPECT_EQ(token_call.headers[0], "Authorization: Basic cnVuZzpzM2NyZXQlM0ElMjY=");
  const auto signs = audit("session.sign-in");
  ASSERT_EQ(signs.size(), 1U);
  EXPECT_NE(signs[0].after.find("\"via\":\"oidc\""), std::string::npos);
  EXPECT_EQ(error_of(state), "oidc.bad-state");  // replayed
  EXPECT_EQ(error_of("made-up"), "oidc.bad-state");
  EXPECT_EQ(error_of(""), "oidc.bad-state");
}

TEST_F(OidcFlowTest, AStateExpiresAfterTenMinutes) {
  signer = m_key;
  const std::string state = begin();
  advance(std::chrono::minutes(10) + std::chrono::seconds(1));
  EXPECT_EQ(error_of(state), "oidc.bad-state");
}

TEST_F(OidcFlowTest, AnUnknownOrUnverifiedEmailSignsNobodyIn) {
  signer = m_key;
  email = "nobody@example.com";
  EXPECT_EQ(error_of(begin()), "auth.unknown-person");
  EXPECT_FALSE(db().account_by_login("nobody@example.com").value());
  email = "ada@example.com";
  email_verified = false;
  EXPECT_EQ(error_of(begin()), "oidc.no-email");
  email_verified.reset();  // no claim: the provider vouches for the email
  EXPECT_EQ(error_of(begin()), "");
  email = "";
  EXPECT_EQ(error_of(begin()), "oidc.no-email");
  EXPECT_TRUE(audit("session.sign-in").size() == 1U);
}

TEST_F(OidcFlowTest, AKnownPersonWithoutAnAccountGetsOne) {
  signer = m_key;
  store::Person grace;
  grace.name = "Grace Hopper";
  grace.email = "grace@example.com";
  grace.track = "swe";
  grace.level = "swe-3";
  ASSERT_TRUE(
      db().write([&](store::Writer& w) { return w.insert_person(grace).map([](auto) {}); }));
  email = "Grace@Example.com";
  ASSERT_EQ(error_of(begin()), "");
  const auto made = audit("account.create");
  ASSERT_EQ(made.size(), 1U);
  EXPECT_EQ(made[0].actor, "oidc");
}

TEST_F(OidcFlowTest, AnUnknownKidFetchesTheKeysAgainAtMostOnceAMinute) {
  EXPECT_EQ(jwks_fetches, 1);  // at start
  signer = m_rotated;
  m_jwks = testing::jwks_of({m_key, m_rotated});  // the provider rotated its key
  EXPECT_EQ(error_of(begin()), "");
  EXPECT_EQ(jwks_fetches, 2);
  signer = rsa_key("forged-3");
  // Another unknown kid within the minute: refused without asking the provider.
  EXPECT_EQ(error_of(begin()), "oidc.unknown-key");
  EXPECT_EQ(jwks_fetches, 2);
  advance(std::chrono::seconds(61));
  EXPECT_EQ(error_of(begin()), "oidc.unknown-key");
  EXPECT_EQ(jwks_fetches, 3);
}

TEST_F(OidcFlowTest, StartRefusesAProviderThatIsNotTheIssuer) {
  discovery["issuer"] = "https://other.example.com";
  EXPECT_EQ(Oidc::start(db(), *m_sessions, oidc_options()).error().code, "oidc.bad-discovery");
  discovery["issuer"] = k_issuer;
  discovery["token_endpoint"] = "http://idp.example.com/token";
  EXPECT_EQ(Oidc::start(db(), *m_sessions, oidc_options()).error().code, "oidc.bad-discovery");
}

TEST_F(OidcFlowTest, ClientSecretPostWhenTheProviderTakesOnlyThat) {
  discovery["token_endpoint_auth_methods_supported"] = Json::array({"client_secret_post"});
  m_oidc = Oidc::start(db(), *m_sessions, oidc_options()).value();
  signer = m_key;
  ASSERT_EQ(error_of(begin()), "");
  EXPECT_TRUE(calls.back().headers.empty());
  EXPECT_EQ(query_param("?" + calls.back().form, "client_secret"), "s3cret:&");
}

TEST(ProviderUrlTest, HttpsOrLoopback) {
  EXPECT_TRUE(acceptable_provider_url("https://idp.example.com/realms/x"));
  EXPECT_TRUE(acceptable_provider_url("http://127.0.0.1:9000"));
  EXPECT_TRUE(acceptable_provider_url("http://localhost:9000/x"));
  EXPECT_TRUE(acceptable_provider_url("http://[::1]:9000/x"));
  EXPECT_FALSE(acceptable_provider_url("http://idp.example.com"));
  EXPECT_FALSE(acceptable_provider_url("http://127.0.0.1.evil.com/"));
  EXPECT_FALSE(acceptable_provider_url("http://localhost@evil.com/"));
  EXPECT_FALSE(acceptable_provider_url("ftp://idp.example.com"));
  EXPECT_FALSE(acceptable_provider_url("idp.example.com"));
}

}  // namespace
}  // namespace rung::auth
