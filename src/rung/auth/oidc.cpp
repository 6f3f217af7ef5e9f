#include "rung/auth/oidc.hpp"

#include <algorithm>
#include <array>
#include <span>

#include <fmt/format.h>
#include <sodium.h>

#include "rung/auth/sodium_init.hpp"
#include "rung/auth/token.hpp"
#include "rung/core/json.hpp"
#include "rung/core/text.hpp"

namespace rung::auth {

namespace {

Error oidc_error(ErrorKind kind, std::string code, std::string message, std::string hint = {}) {
  return Error{std::move(code), std::move(message), {}, std::move(hint), kind};
}

std::string base64(std::span<const unsigned char> bytes, int variant) {
  ensure_sodium();
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), variant);
  out.resize(out.find('\0'));
  return out;
}

std::string json_text(const Json& doc, const char* name) {
  const auto it = doc.find(name);
  return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Result<OidcEndpoints> read_discovery(const std::string& body, const std::string& issuer) {
  const Json doc = Json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return fail("oidc.bad-discovery",
                fmt::format("{}/.well-known/openid-configuration is not a JSON object", issuer));
  }
  if (json_text(doc, "issuer") != issuer) {
    return fail("oidc.bad-discovery",
                fmt::format("the provider calls itself '{}', not '{}'",
                            json_text(doc, "issuer").substr(0, 200), issuer),
                {}, "give --oidc-issuer exactly as the provider's discovery document spells it");
  }
  OidcEndpoints out;
  out.authorization = json_text(doc, "authorization_endpoint");
  out.token = json_text(doc, "token_endpoint");
  out.jwks = json_text(doc, "jwks_uri");
  for (const std::string* url : {&out.authorization, &out.token, &out.jwks}) {
    if (!acceptable_provider_url(*url)) {
      return fail("oidc.bad-discovery",
                  fmt::format("the provider's discovery document names '{}' as an endpoint: "
                              "Rung needs https (or http on this machine)",
                              url->substr(0, 200)));
    }
  }
  const auto methods = doc.find("token_endpoint_auth_methods_supported");
  if (methods != doc.end() && methods->is_array()) {
    const bool basic =
        std::find(methods->begin(), methods->end(), "client_secret_basic") != methods->end();
    const bool post =
        std::find(methods->begin(), methods->end(), "client_secret_post") != methods->end();
    if (!basic && !post) {
      return fail("oidc.bad-discovery",
                  "the provider takes neither client_secret_basic nor client_secret_post");
    }
    out.basic_auth = basic;
  }
  return out;
}

Result<KeySet> fetch_keys(const Fetch& fetch, const std::string& url) {
  RUNG_TRY_ASSIGN(const HttpReply reply, fetch(HttpCall{url, "", {}}));
  if (reply.status != 200) {
    return fail("oidc.bad-jwks",
                fmt::format("the provider's key set at {} answered HTTP {}", url, reply.status));
  }
  return KeySet::parse(reply.body);
}

std::string form_pair(std::string_view name, std::string_view value) {
  return std::string(name) + '=' + percent_encode(value);
}

}  // namespace

std::string pkce_challenge(std::string_view verifier) {
  ensure_sodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(verifier.data()),
                     verifier.size());
  return base64(digest, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

Oidc::Oidc(store::Store& store, Sessions& sessions, OidcOptions options, OidcEndpoints endpoints,
           KeySet keys)
    : m_store(store),
      m_sessions(sessions),
      m_options(std::move(options)),
      m_endpoints(std::move(endpoints)),
      m_keys(std::make_shared<const KeySet>(std::move(keys))) {}

Result<std::unique_ptr<Oidc>> Oidc::start(store::Store& store, Sessions& sessions,
                                          OidcOptions options) {
  std::string_view base = options.issuer;
  if (base.ends_with('/')) {  // Auth0 spells its issuer with a trailing slash
    base.remove_suffix(1);
  }
  const std::string url = std::string(base) + "/.well-known/openid-configuration";
  RUNG_TRY_ASSIGN(const HttpReply reply, options.fetch(HttpCall{url, "", {}}));
  if (reply.status != 200) {
    return fail(
        "oidc.bad-discovery",
        fmt::format("the provider's discovery document at {} answered HTTP {}", url, reply.status),
        {}, "check --oidc-issuer");
  }
  RUNG_TRY_ASSIGN(OidcEndpoints endpoints, read_discovery(reply.body, options.issuer));
  RUNG_TRY_ASSIGN(KeySet keys, fetch_keys(options.fetch, endpoints.jwks));
  return std::unique_ptr<Oidc>(
      new Oidc(store, sessions, std::move(options), std::move(endpoints), std::move(keys)));
}

Result<std::string> Oidc::begin(std::string_view next) {
  const std::string state = new_token();
  store::LoginState stored;
  stored.state_hash = token_hash(state);
  stored.nonce = new_token();
  stored.code_verifier = new_token();
  stored.next = std::string(next);
  stored.created_at = m_options.clock();
  const Millis expired_before = stored.created_at - m_options.state_lifetime.count();
  RUNG_TRY(m_store.write([&](store::Writer& writer) -> Result<void> {
    RUNG_TRY(writer.delete_login_states_before(expired_before));
    return writer.insert_login_state(stored);
  }));
  const char separator = m_endpoints.authorization.find('?') == std::string::npos ? '?' : '&';
  return fmt::format(
      "{}{}{}&{}&{}&{}&{}&{}&{}&code_challenge_method=S256", m_endpoints.authorization, separator,
      "response_type=code", form_pair("client_id", m_options.client_id),
      form_pair("redirect_uri", m_options.redirect_url), form_pair("scope", "openid email profile"),
      form_pair("state", state), form_pair("nonce", stored.nonce),
      form_pair("code_challenge", pkce_challenge(stored.code_verifier)));
}

Result<std::string> Oidc::exchange(std::string_view code, std::string_view verifier) {
  HttpCall call;
  call.url = m_endpoints.token;
  call.form = fmt::format("grant_type=authorization_code&{}&{}&{}", form_pair("code", code),
                          form_pair("redirect_uri", m_options.redirect_url),
                          form_pair("code_verifier", verifier));
  if (m_endpoints.basic_auth) {
    // RFC 6749 2.3.1: each part form-encoded, then joined by ':' and base64'd.
    const std::string pair =
        percent_encode(m_options.client_id) + ':' + percent_encode(m_options.client_secret);
    call.headers.push_back(
        "Authorization: Basic " +
        base64(std::span(reinterpret_cast<const unsigned char*>(pair.data()), pair.size()),
               sodium_base64_VARIANT_ORIGINAL));
  } else {
    call.form += '&' + form_pair("client_id", m_options.client_id) + '&' +
                 form_pair("client_secret", m_options.client_secret);
  }
  RUNG_TRY_ASSIGN(const HttpReply reply, m_options.fetch(call));
  const Json doc = Json::parse(reply.body, nullptr, false);
  if (reply.status != 200 || !doc.is_object() || json_text(doc, "id_token").empty()) {
    const std::string why = doc.is_object() ? json_text(doc, "error") : std::string();
    return tl::unexpected(
        oidc_error(ErrorKind::forbidden, "oidc.token-refused",
                   fmt::format("the identity provider did not accept the sign-in (HTTP {}{}{})",
                               reply.status, why.empty() ? "" : ": ", why.substr(0, 80)),
                   "sign in again"));
  }
  return json_text(doc, "id_token");
}

std::shared_ptr<const KeySet> Oidc::keys() const {
  const std::lock_guard lock(m_keys_mutex);
  return m_keys;
}

Result<IdClaims> Oidc::verify(std::string_view id_token, const std::string& nonce) {
  IdTokenCheck check{m_options.issuer, m_options.client_id, nonce, m_options.clock(),
                     m_options.skew_seconds};
  auto claims = verify_id_token(id_token, *keys(), check);
  if (claims || claims.error().code != "oidc.unknown-key") {
    return claims;
  }
  {
    // An unknown kid: the provider may have rotated its keys. Fetched again at most once per
    // key_refresh_interval, whoever asks.
    std::unique_lock lock(m_keys_mutex);
    const Millis now = m_options.clock();
    if (m_keys_refreshed_at != 0 &&
        now - m_keys_refreshed_at < m_options.key_refresh_interval.count()) {
      return tl::unexpected(oidc_error(ErrorKind::forbidden, "oidc.unknown-key",
                                       claims.error().message, "sign in again in a minute"));
    }
    m_keys_refreshed_at = now;
    lock.unlock();
    RUNG_TRY_ASSIGN(KeySet fresh, fetch_keys(m_options.fetch, m_endpoints.jwks));
    lock.lock();
    m_keys = std::make_shared<const KeySet>(std::move(fresh));
  }
  claims = verify_id_token(id_token, *keys(), check);
  if (!claims && claims.error().code == "oidc.unknown-key") {
    claims.error().kind = ErrorKind::forbidden;
  }
  return claims;
}

Result<OidcSignedIn> Oidc::finish(std::string_view code, std::string_view state,
                                  std::string_view address) {
  std::optional<store::LoginState> stored;
  if (!state.empty()) {
    RUNG_TRY(m_store.write([&](store::Writer& writer) -> Result<void> {
      RUNG_TRY_ASSIGN(stored, writer.take_login_state(token_hash(state)));
      return {};
    }));
  }
  const Millis now = m_options.clock();
  if (!stored || now - stored->created_at > m_options.state_lifetime.count()) {
    return tl::unexpected(
        oidc_error(ErrorKind::forbidden, "oidc.bad-state",
                   "this sign-in has expired or was already used (the link back from the identity "
                   "provider works once, for 10 minutes)",
                   "sign in again"));
  }
  if (code.empty()) {
    return tl::unexpected(oidc_error(ErrorKind::forbidden, "oidc.token-refused",
                                     "the identity provider sent no sign-in code",
                                     "sign in again"));
  }
  RUNG_TRY_ASSIGN(const std::string id_token, exchange(code, stored->code_verifier));
  RUNG_TRY_ASSIGN(const IdClaims claims, verify(id_token, stored->nonce));
  if (claims.email.empty()) {
    return tl::unexpected(oidc_error(
        ErrorKind::forbidden, "oidc.no-email",
        "your identity provider did not tell Rung your email, so Rung cannot tell who you are",
        "ask an admin to let Rung read the email claim (scope 'email')"));
  }
  if (claims.email_verified == false) {
    return tl::unexpected(oidc_error(
        ErrorKind::forbidden, "oidc.no-email",
        fmt::format("your identity provider has not verified the email {}", claims.email),
        "verify it with your identity provider, then sign in again"));
  }
  RUNG_TRY_ASSIGN(SignedIn signed_in, m_sessions.sign_in_vouched(claims.email, address, "oidc"));
  return OidcSignedIn{std::move(signed_in), std::move(stored->next)};
}

}  // namespace rung::auth
