#include "rung/auth/sessions.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/auth/accounts.hpp"
#include "rung/auth/token.hpp"

namespace rung::auth {

namespace {

// Longer cookie values are not tokens of ours; they are refused before hashing.
constexpr std::size_t k_max_token_bytes = 128;

// Above this, a login or address is cut for throttling (the store keeps its digest).
constexpr std::size_t k_max_key_bytes = 256;

std::string throttle_key(std::string_view text) {
  return std::string(text.substr(0, k_max_key_bytes));
}

Error throttled(store::Millis wait) {
  const long seconds = static_cast<long>((wait + 999) / 1000);
  return Error{"auth.throttled",
               fmt::format("too many failed sign-ins; try again in {} seconds", seconds),
               {},
               "wait, then sign in again; an admin can reset the password if it is lost",
               ErrorKind::unavailable,
               seconds};
}

Error bad_credentials() {
  return Error{"auth.bad-credentials",
               "the login or the password is not right",
               {},
               "",
               ErrorKind::forbidden};
}

bool has_left(const std::optional<store::Person>& person) {
  return person && person->status == store::PersonStatus::left;
}

// Said only to whoever proved who they are (the right password, a proxy, a provider), so it
// tells nobody else whether a login exists.
Error sign_in_disabled_error() {
  return Error{"auth.account-disabled",
               "your account is disabled; ask an admin",
               {},
               "an admin can enable it again on the users page",
               ErrorKind::forbidden};
}

}  // namespace

Sessions::Sessions(store::Store& store, SessionOptions options)
    : m_store(store),
      m_options(std::move(options)),
      m_throttle(store, ThrottleLimits{m_options.max_login_failures, m_options.max_address_failures,
                                       m_options.failure_window.count()}) {}

const std::string& Sessions::dummy_hash() {
  std::call_once(m_dummy_once, [this] {
    // Checked against for unknown logins, so that they cost as much time as a wrong password.
    auto hash = hash_password(new_token(), m_options.hash_cost);
    m_dummy_hash = hash ? *hash : std::string();
  });
  return m_dummy_hash;
}

Result<store::Account> Sessions::check_credentials(const std::string& login,
                                                   std::string_view password,
                                                   const std::string& address, store::Millis now) {
  RUNG_TRY_ASSIGN(const auto wait,
                  m_throttle.begin(throttle_key(login), throttle_key(address), now));
  if (wait) {
    return tl::unexpected(throttled(*wait));
  }
  RUNG_TRY_ASSIGN(auto account, m_store.account_by_login(login));
  if (!account) {
    verify_password(dummy_hash(), password);
    return tl::unexpected(bad_credentials());
  }
  if (!verify_password(account->password_hash, password)) {
    return tl::unexpected(bad_credentials());
  }
  RUNG_TRY(m_throttle.succeeded(throttle_key(login), throttle_key(address), now));
  return *account;
}

Result<SignedIn> Sessions::sign_in(std::string_view login, std::string_view password,
                                   std::string_view address) {
  const store::Millis now = m_options.clock();
  const std::string normalized = normalize_login(login);
  if (!m_options.password_sign_in && normalized != "admin") {
    return fail(ErrorKind::forbidden, "auth.password-sign-in-off",
                "signing in with a password is turned off here: sign in through your company's "
                "single sign-on",
                {}, "open Rung through the address your company gave you");
  }
  RUNG_TRY_ASSIGN(store::Account account,
                  check_credentials(normalized, password, std::string(address), now));
  return start_session(account, address, now);
}

Result<SignedIn> Sessions::start_session(const store::Account& account, std::string_view address,
                                         store::Millis now, std::string_view via) {
  SignedIn out;
  out.token = new_token();
  out.viewer.account = account;
  out.viewer.session = store::Session{token_hash(out.token), account.id, new_token(), now, now};
  RUNG_TRY(m_store.write([&](store::Writer& writer) -> Result<void> {
    // Read again inside the write: an admin may have disabled it since the caller looked.
    RUNG_TRY_ASSIGN(const auto current, writer.account(account.id));
    if (!current) {
      return tl::unexpected(bad_credentials());
    }
    if (current->disabled()) {
      return tl::unexpected(sign_in_disabled_error());
    }
    out.viewer.account = *current;
    RUNG_TRY_ASSIGN(out.viewer.person, writer.person_by_email(account.login));
    if (has_left(out.viewer.person)) {
      return fail(ErrorKind::forbidden, "auth.person-left",
                  "this account belongs to someone who has left; it can no longer sign in", {},
                  "ask an admin if this is a mistake");
    }
    RUNG_TRY(writer.delete_expired_sessions(now - m_options.absolute.count(),
                                            now - m_options.idle.count()));
    RUNG_TRY(writer.insert_session(out.viewer.session));
    store::AuditEntry entry;
    entry.at = now;
    entry.actor = account.login;
    entry.action = "session.sign-in";
    entry.subject = account_subject(account.id);
    entry.after = via == "password"
                      ? nlohmann::ordered_json{{"address", address}}.dump()
                      : nlohmann::ordered_json{{"address", address}, {"via", via}}.dump();
    RUNG_TRY(writer.append_audit(entry));
    return {};
  }));
  return out;
}

bool Sessions::expired(const store::Session& session, store::Millis now) const {
  return now - session.created_at >= m_options.absolute.count() ||
         now - session.last_seen_at >= m_options.idle.count();
}

Result<std::optional<Viewer>> Sessions::find_viewer(std::string_view token) {
  if (token.empty() || token.size() > k_max_token_bytes) {
    return std::nullopt;
  }
  const store::Millis now = m_options.clock();
  // The session, its account and its person in one read: every signed-in request asks this.
  std::optional<store::Session> session;
  std::optional<store::Account> account;
  std::optional<store::Person> person;
  std::optional<Error> failed;
  auto keep = [&failed](auto found, auto& into) {
    if (!found) {
      failed = found.error();
      return false;
    }
    into = std::move(*found);
    return into.has_value();
  };
  RUNG_TRY(m_store.read_together([&](store::Reader& reader) {
    if (keep(reader.session(token_hash(token)), session) && !expired(*session, now) &&
        keep(reader.account(session->account), account)) {
      keep(reader.person_by_email(account->login), person);
    }
  }));
  if (failed) {
    return tl::unexpected(*failed);
  }
  if (!session) {
    return std::nullopt;
  }
  if (expired(*session, now)) {
    RUNG_TRY(m_store.write(
        [&](store::Writer& writer) { return writer.delete_session(session->token_hash); }));
    return std::nullopt;
  }
  if (!account || account->disabled() || has_left(person)) {
    return std::nullopt;
  }
  if (now - session->last_seen_at >= m_options.touch_granularity.count()) {
    auto touched = m_store.write(
        [&](store::Writer& writer) { return writer.touch_session(session->token_hash, now); });
    if (touched) {
      session->last_seen_at = now;
    }
  }
  return Viewer{std::move(*account), std::move(person), std::move(*session), std::nullopt};
}

std::optional<Viewer> Sessions::viewer(std::string_view token) {
  auto found = find_viewer(token);
  return found ? std::move(*found) : std::nullopt;
}

Result<void> Sessions::sign_out(const Viewer& viewer) {
  const store::Millis now = m_options.clock();
  return m_store.write([&](store::Writer& writer) -> Result<void> {
    RUNG_TRY(writer.delete_session(viewer.session.token_hash));
    store::AuditEntry entry;
    entry.at = now;
    entry.actor = viewer.account.login;
    entry.action = "session.sign-out";
    entry.subject = account_subject(viewer.account.id);
    RUNG_TRY(writer.append_audit(entry));
    return {};
  });
}

Result<std::size_t> Sessions::sign_out_everywhere(const Viewer& viewer) {
  const store::Millis now = m_options.clock();
  std::size_t ended = 0;
  RUNG_TRY(m_store.write([&](store::Writer& writer) -> Result<void> {
    RUNG_TRY_ASSIGN(ended, writer.delete_sessions_of(viewer.account.id));
    store::AuditEntry entry;
    entry.at = now;
    entry.actor = viewer.account.login;
    entry.action = "session.sign-out-everywhere";
    entry.subject = account_subject(viewer.account.id);
    entry.after = nlohmann::ordered_json{{"sessions_ended", ended}}.dump();
    RUNG_TRY(writer.append_audit(entry));
    return {};
  }));
  return ended;
}

Result<store::Account> Sessions::check_current_password(const Viewer& viewer,
                                                        std::string_view password,
                                                        store::Millis now) {
  const std::string login = throttle_key(viewer.account.login);
  RUNG_TRY_ASSIGN(const auto wait, m_throttle.begin(login, "", now));
  if (wait) {
    return tl::unexpected(throttled(*wait));
  }
  RUNG_TRY_ASSIGN(auto account, m_store.account(viewer.account.id));
  if (!account) {
    return fail(ErrorKind::not_found, "auth.unknown-account", "this account no longer exists");
  }
  if (!verify_password(account->password_hash, password)) {
    return fail(ErrorKind::forbidden, "auth.bad-credentials", "the current password is not right");
  }
  RUNG_TRY(m_throttle.succeeded(login, "", now));
  return *account;
}

Result<void> Sessions::change_password(const Viewer& viewer, std::string_view old_password,
                                       std::string_view new_password) {
  const store::Millis now = m_options.clock();
  RUNG_TRY_ASSIGN(store::Account account, check_current_password(viewer, old_password, now));
  RUNG_TRY(check_new_password(new_password, account.login));
  if (equal_secrets(old_password, new_password)) {
    return fail("auth.password-unchanged", "the new password is the same as the current one", {},
                "choose a password you have not used here");
  }
  RUNG_TRY_ASSIGN(std::string hash, hash_password(new_password, m_options.hash_cost));
  return m_store.write([&](store::Writer& writer) -> Result<void> {
    RUNG_TRY_ASSIGN(auto before, writer.account(account.id));
    if (!before) {
      return fail(ErrorKind::not_found, "auth.unknown-account", "this account no longer exists");
    }
    store::Account after = *before;
    after.password_hash = hash;
    after.must_change_password = false;
    after.password_changed_at = now;
    RUNG_TRY(writer.update_account(after));
    // Ends the other sessions: all of them, then this one back as it was.
    RUNG_TRY_ASSIGN(auto own, writer.session(viewer.session.token_hash));
    RUNG_TRY(writer.delete_sessions_of(account.id));
    if (own) {
      RUNG_TRY(writer.insert_session(*own));
    }
    store::AuditEntry entry;
    entry.at = now;
    entry.actor = account.login;
    entry.action = "account.password-change";
    entry.subject = account_subject(account.id);
    entry.before = account_json(*before);
    entry.after = account_json(after);
    RUNG_TRY(writer.append_audit(entry));
    return {};
  });
}

Result<std::string> Sessions::reset_password(std::string_view actor, store::Id account) {
  RUNG_TRY_ASSIGN(auto found, m_store.account(account));
  RUNG_TRY_ASSIGN(
      std::string password,
      auth::reset_password(m_store, actor, account, m_options.clock(), m_options.hash_cost));
  if (found) {
    // The reset stands even if this fails: the login then waits out its window.
    (void)m_throttle.forget_login(throttle_key(found->login));
  }
  return password;
}

bool Sessions::check_csrf(const Viewer& viewer, std::string_view submitted) const {
  return equal_secrets(viewer.session.csrf_token, submitted);
}

std::optional<long> retry_after_seconds(const Error& error) {
  return error.code == "auth.throttled" ? error.retry_after : std::nullopt;
}

}  // namespace rung::auth
