#pragma once

// Signing keys and ID tokens made with cjose, for the OpenID Connect tests: what a provider
// would send, with any claim changed.

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <string>

#include <cjose/cjose.h>

#include "rung/core/json.hpp"

namespace rung::auth::testing {

using Jwk = std::shared_ptr<cjose_jwk_t>;

inline Jwk rsa_key(const char* kid) {
  static const std::uint8_t e[] = {0x01, 0x00, 0x01};
  cjose_err err{};
  Jwk key(cjose_jwk_create_RSA_random(2048, e, sizeof e, &err), cjose_jwk_release);
  cjose_jwk_set_kid(key.get(), kid, std::strlen(kid), &err);
  return key;
}

inline Jwk ec_key(const char* kid) {
  cjose_err err{};
  Jwk key(cjose_jwk_create_EC_random(CJOSE_JWK_EC_P_256, &err), cjose_jwk_release);
  cjose_jwk_set_kid(key.get(), kid, std::strlen(kid), &err);
  return key;
}

// {"keys": [...]} with the public halves of `keys`.
inline std::string jwks_of(std::initializer_list<Jwk> keys) {
  Json out{{"keys", Json::array()}};
  for (const Jwk& key : keys) {
    cjose_err err{};
    char* text = cjose_jwk_to_json(key.get(), false, &err);
    out["keys"].push_back(Json::parse(text));
    std::free(text);
  }
  return out.dump();
}

// A compact JWS of `claims` signed by `key` with `alg`; the header names the key's kid unless
// `kid` says otherwise ("" for none).
inline std::string sign(const Jwk& key, const char* alg, const Json& claims,
                        const char* kid = nullptr) {
  cjose_err err{};
  cjose_header_t* header = cjose_header_new(&err);
  cjose_header_set(header, CJOSE_HDR_ALG, alg, &err);
  const char* key_id = kid != nullptr ? kid : cjose_jwk_get_kid(key.get(), &err);
  if (key_id != nullptr && *key_id != '\0') {
    cjose_header_set(header, CJOSE_HDR_KID, key_id, &err);
  }
  const std::string payload = claims.dump();
  cjose_jws_t* jws =
      cjose_jws_sign(key.get(), header, reinterpret_cast<const std::uint8_t*>(payload.data()),
                     payload.size(), &err);
  cjose_header_release(header);
  if (jws == nullptr) {
    return "";
  }
  const char* compact = nullptr;
  cjose_jws_export(jws, &compact, &err);
  std::string out = compact != nullptr ? compact : "";
  cjose_jws_release(jws);
  return out;
}

}  // namespace rung::auth::testing
