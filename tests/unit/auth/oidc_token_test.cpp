// Verifying ID tokens (auth/oidc_token.hpp) made by cjose from test keys: a good token of each
// allowed algorithm passes; a forged signature, a disallowed algorithm ("none", HS256), an
// unknown kid and each wrong claim fail, each with its own message.
#include "rung/auth/oidc_token.hpp"

#include <gtest/gtest.h>

#include "rung/auth/oidc.hpp"

#include "oidc_test_keys.hpp"

namespace rung::auth {
namespace {

using testing::ec_key;
using testing::jwks_of;
using testing::rsa_key;
using testing::sign;

constexpr Millis k_token_now = 1'750'000'000'000;
constexpr long k_token_now_s = k_token_now / 1000;

class IdTokenTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_rsa = new testing::Jwk(rsa_key("rsa-1"));
    s_other = new testing::Jwk(rsa_key("rsa-1"));  // same kid, another key: a forger's
    s_ec = new testing::Jwk(ec_key("ec-1"));
  }
  static void TearDownTestSuite() {
    delete s_rsa;
    delete s_other;
    delete s_ec;
  }

  static Json claims() {
    return Json{{"iss", "https://idp.example.com"},
                {"sub", "u-42"},
                {"aud", "rung"},
                {"exp", k_token_now_s + 300},
                {"iat", k_token_now_s - 5},
                {"nonce", "n-0123456789"},
                {"email", "ada@example.com"},
                {"email_verified", true},
                {"name", "Ada Lovelace"}};
  }

  Result<IdClaims> verify(const std::string& token) {
    const KeySet keys = KeySet::parse(jwks_of({*s_rsa, *s_ec})).value();
    return verify_id_token(
        token, keys,
        IdTokenCheck{"https://idp.example.com", "rung", "n-0123456789", k_token_now, 60});
  }

  // The message of the failure of `token` ("" when it verifies).
  std::string refusal(const std::string& token) {
    auto out = verify(token);
    return out ? "" : out.error().code + ": " + out.error().message;
  }

  static inline testing::Jwk* s_rsa = nullptr;
  static inline testing::Jwk* s_other = nullptr;
  static inline testing::Jwk* s_ec = nullptr;
};

TEST_F(IdTokenTest, AGoodTokenOfEachAllowedAlgorithmVerifies) {
  for (const auto& token : {sign(*s_rsa, "RS256", claims()), sign(*s_rsa, "PS256", claims()),
                            sign(*s_ec, "ES256", claims())}) {
    auto out = verify(token);
    ASSERT_TRUE(out) << out.error().message;
    EXPECT_EQ(out->subject, "u-42");
    EXPECT_EQ(out->email, "ada@example.com");
    EXPECT_EQ(out->email_verified, true);
    EXPECT_EQ(out->name, "Ada Lovelace");
  }
}

TEST_F(IdTokenTest, AForgedSignatureFails) {
  EXPECT_EQ(refusal(sign(*s_other, "RS256", claims())),
            "oidc.bad-token: the ID token's signature does not verify");
  // The claims changed after signing: the signature no longer fits.
  std::string token = sign(*s_rsa, "RS256", claims());
  const std::size_t first = token.find('.');
  const std::size_t second = token.find('.', first + 1);
  Json changed = claims();
  changed["email"] = "eve@example.com";
  const std::string eve = sign(*s_other, "RS256", changed);
  token = token.substr(0, first) + eve.substr(eve.find('.'), eve.rfind('.') - eve.find('.')) +
          token.substr(second);
  EXPECT_EQ(refusal(token), "oidc.bad-token: the ID token's signature does not verify");
}

TEST_F(IdTokenTest, NoneAndHmacAreRefused) {
  // alg none: good claims under {"alg":"none","kid":"rsa-1"} with an empty signature.
  const std::string good = sign(*s_rsa, "RS256", claims());
  const std::string body = good.substr(good.find('.'), good.rfind('.') - good.find('.') + 1);
  const std::string none = "eyJhbGciOiJub25lIiwia2lkIjoicnNhLTEifQ" + body;
  EXPECT_EQ(refusal(none).substr(0, 15), "oidc.bad-token:");
  cjose_err err{};
  testing::Jwk secret(cjose_jwk_create_oct_random(32, &err), cjose_jwk_release);
  EXPECT_EQ(refusal(sign(secret, "HS256", claims(), "rsa-1")),
            "oidc.bad-token: the ID token is signed with 'HS256', which Rung does not accept "
            "(RS256, ES256 or PS256 only)");
  // An allowed algorithm with the wrong type of key: an RSA kid named by an ES256 token.
  EXPECT_EQ(refusal(sign(*s_ec, "ES256", claims(), "rsa-1")),
            "oidc.bad-token: the ID token's signature does not verify");
}

TEST_F(IdTokenTest, AnUnknownKidIsToldApart) {
  const std::string token = sign(*s_rsa, "RS256", claims(), "rotated-2");
  EXPECT_EQ(id_token_kid(token), "rotated-2");
  EXPECT_EQ(refusal(token),
            "oidc.unknown-key: the ID token is signed with a key the identity provider does not "
            "publish");
}

TEST_F(IdTokenTest, EachWrongClaimFailsWithItsReason) {
  const auto with = [](const char* name, Json value) {
    Json out = claims();
    if (value.is_null()) {
      out.erase(name);
    } else {
      out[name] = std::move(value);
    }
    return sign(*s_rsa, "RS256", out);
  };
  EXPECT_EQ(refusal(with("iss", "https://evil.example.com")),
            "oidc.bad-token: the ID token comes from another issuer (iss)");
  EXPECT_EQ(refusal(with("aud", "another-app")),
            "oidc.bad-token: the ID token was made for another application (aud)");
  EXPECT_EQ(refusal(with("aud", Json::array({"another-app", "rung"}))),
            "oidc.bad-token: the ID token names several audiences and another authorized party "
            "(azp)");
  Json several = claims();
  several["aud"] = Json::array({"another-app", "rung"});
  several["azp"] = "rung";
  EXPECT_EQ(refusal(sign(*s_rsa, "RS256", several)), "");
  EXPECT_EQ(refusal(with("exp", k_token_now_s - 61)),
            "oidc.bad-token: the ID token has expired (exp)");
  EXPECT_EQ(refusal(with("exp", k_token_now_s - 30)), "");  // within the 60 s of skew
  EXPECT_EQ(refusal(with("exp", nullptr)), "oidc.bad-token: the ID token has expired (exp)");
  EXPECT_EQ(refusal(with("iat", k_token_now_s + 120)),
            "oidc.bad-token: the ID token is issued in the future (iat)");
  EXPECT_EQ(refusal(with("nonce", "n-9876543210")),
            "oidc.bad-token: the ID token belongs to another sign-in (nonce)");
  EXPECT_EQ(refusal(with("nonce", nullptr)),
            "oidc.bad-token: the ID token belongs to another sign-in (nonce)");
  EXPECT_EQ(refusal(with("sub", nullptr)), "oidc.bad-token: the ID token names nobody (sub)");
  EXPECT_EQ(verify(with("email_verified", "false"))->email_verified, false);
  EXPECT_EQ(verify(with("email_verified", nullptr))->email_verified, std::nullopt);
}

TEST_F(IdTokenTest, GarbageIsNotAToken) {
  EXPECT_EQ(refusal("not a token"), "oidc.bad-token: the ID token is not a signed token (JWS)");
  EXPECT_EQ(refusal(""), "oidc.bad-token: the ID token is not a signed token (JWS)");
}

TEST(KeySetTest, KeepsOnlyUsableSigningKeys) {
  EXPECT_EQ(KeySet::parse("[]").error().code, "oidc.bad-jwks");
  EXPECT_EQ(KeySet::parse("{\"keys\": []}").error().code, "oidc.bad-jwks");
  EXPECT_EQ(KeySet::parse("{\"keys\": [{\"kty\": \"oct\", \"k\": \"c2VjcmV0\"}]}").error().code,
            "oidc.bad-jwks");
  Json jwks = Json::parse(jwks_of({ec_key("sig"), ec_key("enc")}));
  jwks["keys"][1]["use"] = "enc";
  const auto keys = KeySet::parse(jwks.dump());
  ASSERT_TRUE(keys);
  EXPECT_EQ(keys->size(), 1U);
  EXPECT_TRUE(keys->has_kid("sig"));
  EXPECT_FALSE(keys->has_kid("enc"));
}

TEST(PkceTest, TheChallengeIsRfc7636s) {
  // RFC 7636, appendix B.
  EXPECT_EQ(pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

}  // namespace
}  // namespace rung::auth
