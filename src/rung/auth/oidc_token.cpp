#include "rung/auth/oidc_token.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include <cjose/cjose.h>
#include <fmt/format.h>

#include "rung/auth/token.hpp"
#include "rung/core/json.hpp"

namespace rung::auth {

struct JwksKey {
  std::string kid;  // "" when the key has none
  std::string kty;  // "RSA" or "EC"
  std::string crv;  // "P-256" for EC keys
  std::string alg;  // the key's own "alg", "" when it names none
  std::unique_ptr<cjose_jwk_t, decltype(&cjose_jwk_release)> jwk{nullptr, cjose_jwk_release};
};

namespace {

using JwsHandle = std::unique_ptr<cjose_jws_t, decltype(&cjose_jws_release)>;

Error bad_token(std::string message) {
  return Error{"oidc.bad-token", std::move(message), {}, "sign in again", ErrorKind::forbidden};
}

std::string text_of(const Json& object, const char* name) {
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Whether a key of type `key` (and curve) may check a signature made with `alg`.
bool key_fits(const JwksKey& key, std::string_view alg) {
  if (!key.alg.empty() && key.alg != alg) {
    return false;
  }
  if (alg == "RS256" || alg == "PS256") {
    return key.kty == "RSA";
  }
  return alg == "ES256" && key.kty == "EC" && key.crv == "P-256";
}

std::optional<std::string> header_field(cjose_jws_t* jws, const char* name) {
  cjose_err err{};
  cjose_header_t* header = cjose_jws_get_protected(jws);
  if (header == nullptr) {
    return std::nullopt;
  }
  const char* value = cjose_header_get(header, name, &err);
  return value == nullptr ? std::nullopt : std::optional<std::string>(value);
}

JwsHandle import_jws(std::string_view token) {
  cjose_err err{};
  return JwsHandle(cjose_jws_import(token.data(), token.size(), &err), cjose_jws_release);
}

Result<void> check_signature(cjose_jws_t* jws, const KeySet& keys) {
  const auto alg = header_field(jws, CJOSE_HDR_ALG);
  if (!alg || std::find(std::begin(k_id_token_algorithms), std::end(k_id_token_algorithms), *alg) ==
                  std::end(k_id_token_algorithms)) {
    return tl::unexpected(
        bad_token(fmt::format("the ID token is signed with '{}', which Rung does not accept "
                              "(RS256, ES256 or PS256 only)",
                              alg.value_or("no algorithm").substr(0, 20))));
  }
  const std::string kid = header_field(jws, CJOSE_HDR_KID).value_or("");
  if (!kid.empty() && !keys.has_kid(kid)) {
    return fail(ErrorKind::not_found, "oidc.unknown-key",
                "the ID token is signed with a key the identity provider does not publish");
  }
  for (const auto& key : keys.keys()) {
    if ((!kid.empty() && key->kid != kid) || !key_fits(*key, *alg)) {
      continue;
    }
    cjose_err err{};
    if (cjose_jws_verify(jws, key->jwk.get(), &err)) {
      return {};
    }
  }
  return tl::unexpected(bad_token("the ID token's signature does not verify"));
}

// A NumericDate claim in milliseconds.
std::optional<Millis> date_claim(const Json& claims, const char* name) {
  const auto it = claims.find(name);
  if (it == claims.end() || !it->is_number()) {
    return std::nullopt;
  }
  return static_cast<Millis>(it->get<double>() * 1000.0);
}

Result<void> check_audience(const Json& claims, const std::string& client_id) {
  const auto aud = claims.find("aud");
  std::vector<std::string> audiences;
  if (aud != claims.end() && aud->is_string()) {
    audiences.push_back(aud->get<std::string>());
  } else if (aud != claims.end() && aud->is_array()) {
    for (const auto& one : *aud) {
      if (one.is_string()) {
        audiences.push_back(one.get<std::string>());
      }
    }
  }
  if (std::find(audiences.begin(), audiences.end(), client_id) == audiences.end()) {
    return tl::unexpected(bad_token("the ID token was made for another application (aud)"));
  }
  const std::string azp = text_of(claims, "azp");
  if ((audiences.size() > 1 || !azp.empty()) && azp != client_id) {
    return tl::unexpected(
        bad_token("the ID token names several audiences and another authorized party (azp)"));
  }
  return {};
}

Result<void> check_claims(const Json& claims, const IdTokenCheck& check) {
  if (text_of(claims, "iss") != check.issuer) {
    return tl::unexpected(bad_token("the ID token comes from another issuer (iss)"));
  }
  RUNG_TRY(check_audience(claims, check.client_id));
  const Millis skew = static_cast<Millis>(check.skew_seconds) * 1000;
  const auto exp = date_claim(claims, "exp");
  if (!exp || check.now >= *exp + skew) {
    return tl::unexpected(bad_token("the ID token has expired (exp)"));
  }
  const auto iat = date_claim(claims, "iat");
  if (!iat || *iat > check.now + skew) {
    return tl::unexpected(bad_token("the ID token is issued in the future (iat)"));
  }
  if (!equal_secrets(text_of(claims, "nonce"), check.nonce)) {
    return tl::unexpected(bad_token("the ID token belongs to another sign-in (nonce)"));
  }
  if (text_of(claims, "sub").empty()) {
    return tl::unexpected(bad_token("the ID token names nobody (sub)"));
  }
  return {};
}

std::optional<bool> verified_of(const Json& claims) {
  const auto it = claims.find("email_verified");
  if (it == claims.end()) {
    return std::nullopt;
  }
  if (it->is_boolean()) {
    return it->get<bool>();
  }
  // Some providers send the string "true" (AWS Cognito); anything else is not verified.
  return it->is_string() && it->get<std::string>() == "true";
}

}  // namespace

KeySet::KeySet() = default;

Result<KeySet> KeySet::parse(std::string_view jwks_json) {
  const Json doc = Json::parse(jwks_json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("keys") || !doc["keys"].is_array()) {
    return fail("oidc.bad-jwks", "the identity provider's key set (JWKS) is not a JSON key list");
  }
  KeySet out;
  for (const auto& entry : doc["keys"]) {
    if (!entry.is_object() || text_of(entry, "use") == "enc") {
      continue;
    }
    auto key = std::make_shared<JwksKey>();
    key->kty = text_of(entry, "kty");
    if (key->kty != "RSA" && key->kty != "EC") {
      continue;
    }
    key->kid = text_of(entry, "kid");
    key->crv = text_of(entry, "crv");
    key->alg = text_of(entry, "alg");
    const std::string text = entry.dump();
    cjose_err err{};
    key->jwk.reset(cjose_jwk_import(text.data(), text.size(), &err));
    if (key->jwk) {
      out.m_keys.push_back(std::move(key));
    }
  }
  if (out.m_keys.empty()) {
    return fail("oidc.bad-jwks",
                "the identity provider's key set (JWKS) has no signing key Rung "
                "can use (RSA, or EC on P-256)");
  }
  return out;
}

bool KeySet::has_kid(std::string_view kid) const {
  return std::any_of(m_keys.begin(), m_keys.end(),
                     [&](const auto& key) { return key->kid == kid; });
}

std::size_t KeySet::size() const {
  return m_keys.size();
}

std::string id_token_kid(std::string_view token) {
  const JwsHandle jws = import_jws(token);
  return jws ? header_field(jws.get(), CJOSE_HDR_KID).value_or("") : std::string();
}

Result<IdClaims> verify_id_token(std::string_view token, const KeySet& keys,
                                 const IdTokenCheck& check) {
  const JwsHandle jws = import_jws(token);
  if (!jws) {
    return tl::unexpected(bad_token("the ID token is not a signed token (JWS)"));
  }
  RUNG_TRY(check_signature(jws.get(), keys));
  std::uint8_t* payload = nullptr;
  std::size_t length = 0;
  cjose_err err{};
  if (!cjose_jws_get_plaintext(jws.get(), &payload, &length, &err)) {
    return tl::unexpected(bad_token("the ID token has no readable claims"));
  }
  const Json claims =
      Json::parse(std::string_view(reinterpret_cast<const char*>(payload), length), nullptr, false);
  if (claims.is_discarded() || !claims.is_object()) {
    return tl::unexpected(bad_token("the ID token's claims are not a JSON object"));
  }
  RUNG_TRY(check_claims(claims, check));
  IdClaims out;
  out.subject = text_of(claims, "sub");
  out.email = text_of(claims, "email");
  out.email_verified = verified_of(claims);
  out.name = text_of(claims, "name");
  return out;
}

}  // namespace rung::auth
