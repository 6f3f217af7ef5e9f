#include "rung/auth/api_tokens.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/auth/accounts.hpp"
#include "rung/auth/token.hpp"
#include "rung/core/text.hpp"

namespace rung::auth {

namespace {

constexpr std::size_t k_max_token_name_bytes = 100;
constexpr int k_max_token_days = 3650;
constexpr std::int64_t k_day_ms = 24LL * 3600 * 1000;
// new_token(): 32 bytes in base64url without padding.
constexpr std::size_t k_token_body_chars = 43;

Result<std::string> checked_name(std::string_view name) {
  const std::string_view trimmed = trim(name);
  if (trimmed.empty()) {
    return fail("auth.bad-token-name", "give the token a name, such as what will use it");
  }
  if (trimmed.size() > k_max_token_name_bytes) {
    return fail("auth.bad-token-name", "the token's name is longer than 100 bytes");
  }
  if (find_invalid_utf8(trimmed)) {
    return fail("auth.bad-token-name", "the token's name is not valid UTF-8 text");
  }
  for (const char c : trimmed) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      return fail("auth.bad-token-name", "the token's name must not contain control characters");
    }
  }
  return std::string(trimmed);
}

bool base64url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

bool usable_owner(const std::optional<store::Person>& person) {
  return !person || person->status != store::PersonStatus::left;
}

}  // namespace

std::string token_subject(store::Id token) {
  return fmt::format("token:{}", token);
}

std::string token_json(const store::ApiToken& token) {
  return nlohmann::ordered_json{{"id", token.id},
                                {"account", token.account},
                                {"name", token.name},
                                {"read_only", token.read_only},
                                {"created_at", token.created_at},
                                {"expires_at", token.expires_at},
                                {"revoked_at", token.revoked_at}}
      .dump();
}

bool well_formed_token(std::string_view text) {
  if (!text.starts_with(k_api_token_prefix)) {
    return false;
  }
  const std::string_view body = text.substr(k_api_token_prefix.size());
  return body.size() == k_token_body_chars &&
         std::all_of(body.begin(), body.end(), [](char c) { return base64url(c); });
}

Result<NewApiToken> create_api_token(store::Store& store, std::string_view actor, store::Id account,
                                     const TokenRequest& request, store::Millis now) {
  RUNG_TRY_ASSIGN(std::string name, checked_name(request.name));
  if (request.expires_days &&
      (*request.expires_days < 1 || *request.expires_days > k_max_token_days)) {
    return fail("auth.bad-token-expiry",
                fmt::format("a token expires after 1 to {} days, not {}", k_max_token_days,
                            *request.expires_days),
                {}, "leave the expiry out for a token that does not expire");
  }
  NewApiToken out;
  out.secret = std::string(k_api_token_prefix) + new_token();
  out.token.token_hash = token_hash(out.secret);
  out.token.account = account;
  out.token.name = std::move(name);
  out.token.read_only = request.read_only;
  out.token.created_at = now;
  out.token.expires_at = request.expires_days ? now + *request.expires_days * k_day_ms : 0;
  RUNG_TRY(store.write([&](store::Writer& writer) -> Result<void> {
    RUNG_TRY_ASSIGN(auto owner, writer.account(account));
    if (!owner) {
      return fail(ErrorKind::not_found, "auth.unknown-account",
                  fmt::format("there is no account with id {}", account));
    }
    if (owner->disabled()) {
      return fail(ErrorKind::forbidden, "auth.account-disabled",
                  "this account is disabled; it can have no new tokens");
    }
    RUNG_TRY_ASSIGN(auto person, writer.person_by_email(owner->login));
    if (!usable_owner(person)) {
      return fail(ErrorKind::forbidden, "auth.person-left",
                  "this account belongs to someone who has left; it can have no tokens");
    }
    RUNG_TRY_ASSIGN(out.token.id, writer.insert_api_token(out.token));
    store::AuditEntry entry;
    entry.at = now;
    entry.actor = std::string(actor);
    entry.action = "token.create";
    entry.subject = token_subject(out.token.id);
    entry.after = token_json(out.token);
    RUNG_TRY(writer.append_audit(entry));
    return {};
  }));
  return out;
}

Result<store::ApiToken> revoke_api_token(store::Store& store, std::string_view actor,
                                         store::Id token, store::Millis now) {
  store::ApiToken out;
  RUNG_TRY(store.write([&](store::Writer& writer) -> Result<void> {
    RUNG_TRY_ASSIGN(auto before, writer.api_token(token));
    if (!before) {
      return fail(ErrorKind::not_found, "auth.unknown-token",
                  fmt::format("there is no API token with id {}", token));
    }
    out = *before;
    if (before->revoked_at != 0) {
      return {};
    }
    RUNG_TRY(writer.revoke_api_token(token, now));
    out.revoked_at = now;
    store::AuditEntry entry;
    entry.at = now;
    entry.actor = std::string(actor);
    entry.action = "token.revoke";
    entry.subject = token_subject(token);
    entry.before = token_json(*before);
    entry.after = token_json(out);
    RUNG_TRY(writer.append_audit(entry));
    return {};
  }));
  return out;
}

bool may_manage_token(const Viewer& viewer, const store::ApiToken& token) {
  return viewer.admin() || viewer.account.id == token.account;
}

Result<std::optional<Viewer>> find_token_viewer(store::Store& store, std::string_view secret,
                                                store::Millis now) {
  if (!well_formed_token(secret)) {
    return std::nullopt;
  }
  const std::string digest = token_hash(secret);
  std::optional<store::ApiToken> token;
  std::optional<store::Account> account;
  std::optional<store::Person> person;
  std::optional<Error> failed;
  RUNG_TRY(store.read_together([&](store::Reader& reader) {
    auto found = reader.api_token_by_hash(digest);
    if (!found) {
      failed = found.error();
      return;
    }
    token = std::move(*found);
    if (!token) {
      return;
    }
    auto owner = reader.account(token->account);
    if (!owner) {
      failed = owner.error();
      return;
    }
    account = std::move(*owner);
    if (!account) {
      return;
    }
    auto who = reader.person_by_email(account->login);
    if (!who) {
      failed = who.error();
      return;
    }
    person = std::move(*who);
  }));
  if (failed) {
    return tl::unexpected(*failed);
  }
  // The lookup is by digest; comparing the digests again in constant time costs nothing and
  // keeps the check from resting on how the store compares text.
  if (!token || !equal_secrets(token->token_hash, digest) || token->revoked_at != 0 ||
      (token->expires_at != 0 && now >= token->expires_at) || !account || account->disabled() ||
      !usable_owner(person)) {
    return std::nullopt;
  }
  if (now - token->last_used_at >= k_token_touch_granularity.count()) {
    auto touched =
        store.write([&](store::Writer& writer) { return writer.touch_api_token(token->id, now); });
    if (touched) {
      token->last_used_at = now;
    }
  }
  Viewer viewer;
  viewer.account = std::move(*account);
  viewer.person = std::move(person);
  viewer.session.account = viewer.account.id;
  viewer.token = std::move(token);
  return viewer;
}

}  // namespace rung::auth
