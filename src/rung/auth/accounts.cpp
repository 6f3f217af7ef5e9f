#include "rung/auth/accounts.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/core/text.hpp"

namespace rung::auth {

namespace {

constexpr std::size_t k_max_login_bytes = 254;

store::Account fresh_account(std::string login, bool admin, std::string hash, store::Millis now) {
  store::Account account;
  account.login = std::move(login);
  account.password_hash = std::move(hash);
  account.admin = admin;
  account.must_change_password = true;
  account.created_at = now;
  account.password_changed_at = now;
  return account;
}

}  // namespace

Result<void> insert_account_with_audit(store::Writer& writer, store::Account& account,
                                       std::string_view actor, store::Millis now) {
  RUNG_TRY_ASSIGN(account.id, writer.insert_account(account));
  store::AuditEntry entry;
  entry.at = now;
  entry.actor = std::string(actor);
  entry.action = "account.create";
  entry.subject = account_subject(account.id);
  entry.after = account_json(account);
  RUNG_TRY(writer.append_audit(entry));
  return {};
}

std::string normalize_login(std::string_view login) {
  return ascii_lower(trim(login));
}

Result<void> check_login(std::string_view login) {
  if (login.empty()) {
    return fail("auth.bad-login", "the login is empty");
  }
  if (login.size() > k_max_login_bytes) {
    return fail("auth.bad-login", "the login is longer than 254 bytes");
  }
  if (find_invalid_utf8(login)) {
    return fail("auth.bad-login", "the login is not valid UTF-8 text");
  }
  for (char c : login) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F) {
      return fail("auth.bad-login", "the login must not contain spaces or control characters");
    }
  }
  return {};
}

Result<NewAccount> add_account(store::Store& store, std::string_view login, bool admin,
                               std::string_view actor, store::Millis now, HashCost cost) {
  std::string normalized = normalize_login(login);
  RUNG_TRY(check_login(normalized));
  std::string password = one_time_password();
  RUNG_TRY_ASSIGN(std::string hash, hash_password(password, cost));
  store::Account account = fresh_account(normalized, admin, std::move(hash), now);
  RUNG_TRY(store.write([&](store::Writer& writer) -> Result<void> {
    RUNG_TRY_ASSIGN(auto existing, writer.account_by_login(account.login));
    if (existing) {
      return fail(ErrorKind::conflict, "auth.login-taken",
                  fmt::format("there is already an account '{}'", account.login), {},
                  "use `rung user reset` to give it a new password");
    }
    return insert_account_with_audit(writer, account, actor, now);
  }));
  return NewAccount{std::move(account), std::move(password)};
}

Result<void> check_login_is_person(store::Reader& reader, std::string_view login) {
  const std::string normalized = normalize_login(login);
  RUNG_TRY_ASSIGN(const auto person, reader.person_by_email(normalized));
  if (person) {
    return {};
  }
  RUNG_TRY_ASSIGN(const auto people, reader.people());
  std::vector<std::string> emails;
  emails.reserve(people.size());
  for (const store::Person& p : people) {
    emails.push_back(p.email);
  }
  const auto closest = closest_match(normalized, emails);
  return fail("auth.no-person",
              fmt::format("no one in the people directory has the email '{}'", normalized), {},
              closest ? fmt::format("did you mean {}?", *closest) : std::string());
}

Result<std::vector<store::Person>> people_without_accounts(store::Reader& reader) {
  RUNG_TRY_ASSIGN(const auto people, reader.people());
  RUNG_TRY_ASSIGN(const auto accounts, reader.accounts());
  std::set<std::string, std::less<>> logins;
  for (const store::Account& account : accounts) {
    logins.insert(account.login);
  }
  std::vector<store::Person> out;
  for (const store::Person& person : people) {
    if (person.status == store::PersonStatus::active &&
        !logins.contains(normalize_login(person.email))) {
      out.push_back(person);
    }
  }
  return out;
}

Result<std::vector<NewAccount>> invite_people(store::Store& store, std::string_view actor,
                                              store::Millis now, HashCost cost) {
  RUNG_TRY_ASSIGN(const auto people, people_without_accounts(store));
  // Hashing is slow on purpose, so it happens before the write; the write checks again.
  std::vector<NewAccount> planned;
  for (const store::Person& person : people) {
    const std::string login = normalize_login(person.email);
    if (!check_login(login)) {
      continue;  // an email that cannot be a login stays without an account
    }
    std::string password = one_time_password();
    RUNG_TRY_ASSIGN(std::string hash, hash_password(password, cost));
    planned.push_back({fresh_account(login, false, std::move(hash), now), std::move(password)});
  }
  std::vector<NewAccount> created;
  RUNG_TRY(store.write([&](store::Writer& writer) -> Result<void> {
    created.clear();
    for (const NewAccount& plan : planned) {
      RUNG_TRY_ASSIGN(auto existing, writer.account_by_login(plan.account.login));
      if (existing) {
        continue;  // made meanwhile by someone else
      }
      NewAccount made = plan;
      RUNG_TRY(insert_account_with_audit(writer, made.account, actor, now));
      created.push_back(std::move(made));
    }
    return {};
  }));
  return created;
}

Result<std::optional<std::string>> bootstrap_admin(store::Store& store, store::Millis now,
                                                   HashCost cost) {
  RUNG_TRY_ASSIGN(auto accounts, store.accounts());
  if (!accounts.empty()) {
    return std::nullopt;
  }
  std::string password = one_time_password();
  RUNG_TRY_ASSIGN(std::string hash, hash_password(password, cost));
  store::Account account = fresh_account("admin", true, std::move(hash), now);
  bool created = false;
  RUNG_TRY(store.write([&](store::Writer& writer) -> Result<void> {
    // Checked again inside the transaction: another process may have created one meanwhile.
    RUNG_TRY_ASSIGN(auto current, writer.accounts());
    if (!current.empty()) {
      return {};
    }
    created = true;
    return insert_account_with_audit(writer, account, "system", now);
  }));
  return created ? std::optional<std::string>(std::move(password)) : std::nullopt;
}

Result<std::string> reset_password(store::Store& store, std::string_view actor,
                                   store::Id account_id, store::Millis now, HashCost cost) {
  std::string password = one_time_password();
  RUNG_TRY_ASSIGN(std::string hash, hash_password(password, cost));
  RUNG_TRY(store.write([&](store::Writer& writer) -> Result<void> {
    RUNG_TRY_ASSIGN(auto found, writer.account(account_id));
    if (!found) {
      return fail(ErrorKind::not_found, "auth.unknown-account",
                  fmt::format("there is no account with id {}", account_id));
    }
    store::Account updated = *found;
    updated.password_hash = hash;
    updated.must_change_password = true;
    updated.password_changed_at = now;
    RUNG_TRY(writer.update_account(updated));
    RUNG_TRY(writer.delete_sessions_of(account_id));
    store::AuditEntry entry;
    entry.at = now;
    entry.actor = std::string(actor);
    entry.action = "account.password-reset";
    entry.subject = account_subject(account_id);
    entry.before = account_json(*found);
    entry.after = account_json(updated);
    RUNG_TRY(writer.append_audit(entry));
    return {};
  }));
  return password;
}

namespace {

// The checks disabling and deleting share: the account exists, is not the actor's own, and is
// not the last enabled admin (the one who could enable the others again).
Result<store::Account> account_an_admin_may_change(store::Writer& writer, const AccountActor& actor,
                                                   store::Id id, std::string_view verb) {
  RUNG_TRY_ASSIGN(auto found, writer.account(id));
  if (!found) {
    return fail(ErrorKind::not_found, "auth.unknown-account",
                fmt::format("there is no account with id {}", id));
  }
  if (actor.self != 0 && actor.self == id) {
    return fail(ErrorKind::forbidden, "auth.own-account",
                fmt::format("you cannot {} your own account", verb), {},
                "ask another admin to do it");
  }
  if (found->admin && !found->disabled()) {
    RUNG_TRY_ASSIGN(const auto accounts, writer.accounts());
    const bool another = std::any_of(accounts.begin(), accounts.end(), [&](const auto& a) {
      return a.id != id && a.admin && !a.disabled();
    });
    if (!another) {
      return fail(
          ErrorKind::conflict, "auth.last-admin",
          fmt::format("{} is the last admin who can sign in; you cannot {} it", found->login, verb),
          {}, "make another account an admin first");
    }
  }
  return *found;
}

void count_phrase(std::vector<std::string>& out, std::size_t n, std::string_view one,
                  std::string_view many) {
  if (n != 0) {
    out.push_back(fmt::format("{} {}", n, n == 1 ? one : many));
  }
}

}  // namespace

Result<store::Account> set_account_disabled(store::Store& store, const AccountActor& actor,
                                            store::Id account, bool disabled, store::Millis now) {
  store::Account out;
  RUNG_TRY(store.write([&](store::Writer& writer) -> Result<void> {
    store::Account found;
    if (disabled) {
      RUNG_TRY_ASSIGN(found, account_an_admin_may_change(writer, actor, account, "disable"));
    } else {
      RUNG_TRY_ASSIGN(auto existing, writer.account(account));
      if (!existing) {
        return fail(ErrorKind::not_found, "auth.unknown-account",
                    fmt::format("there is no account with id {}", account));
      }
      found = std::move(*existing);
    }
    out = found;
    if (found.disabled() == disabled) {
      return {};
    }
    out.disabled_at = disabled ? now : 0;
    RUNG_TRY(writer.update_account(out));
    if (disabled) {
      RUNG_TRY(writer.delete_sessions_of(account));
    }
    store::AuditEntry entry;
    entry.at = now;
    entry.actor = std::string(actor.name);
    entry.action = disabled ? "account.disable" : "account.enable";
    entry.subject = account_subject(account);
    entry.before = account_json(found);
    entry.after = account_json(out);
    RUNG_TRY(writer.append_audit(entry));
    return {};
  }));
  return out;
}

Result<void> delete_account(store::Store& store, const AccountActor& actor, store::Id account,
                            store::Millis now) {
  return store.write([&](store::Writer& writer) -> Result<void> {
    RUNG_TRY_ASSIGN(const auto found,
                    account_an_admin_may_change(writer, actor, account, "delete"));
    RUNG_TRY_ASSIGN(const auto references, writer.account_references(account));
    if (references.any()) {
      return fail(ErrorKind::conflict, "auth.account-in-use",
                  fmt::format("{} cannot be deleted: it is named by {}", found.login,
                              describe_references(references)),
                  {},
                  "disable it instead: it then cannot sign in, and what it did keeps its author");
    }
    RUNG_TRY(writer.delete_account(account));
    store::AuditEntry entry;
    entry.at = now;
    entry.actor = std::string(actor.name);
    entry.action = "account.delete";
    entry.subject = account_subject(account);
    entry.before = account_json(found);
    RUNG_TRY(writer.append_audit(entry));
    return {};
  });
}

std::string describe_references(const store::AccountReferences& r) {
  std::vector<std::string> parts;
  count_phrase(parts, r.assessments, "assessment", "assessments");
  count_phrase(parts, r.withdrawals, "withdrawal", "withdrawals");
  count_phrase(parts, r.agreements, "agreed rating", "agreed ratings");
  count_phrase(parts, r.promotion_cases, "promotion case", "promotion cases");
  count_phrase(parts, r.calibration_sessions, "calibration session", "calibration sessions");
  count_phrase(parts, r.pre_votes, "calibration vote", "calibration votes");
  count_phrase(parts, r.calibration_decisions, "calibration decision", "calibration decisions");
  count_phrase(parts, r.plan_ticks, "ticked plan item", "ticked plan items");
  count_phrase(parts, r.audit_entries, "entry in the audit log", "entries in the audit log");
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i != 0) {
      out += i + 1 == parts.size() ? " and " : ", ";
    }
    out += parts[i];
  }
  return out;
}

std::string account_json(const store::Account& account) {
  nlohmann::ordered_json json = {{"id", account.id},
                                 {"login", account.login},
                                 {"admin", account.admin},
                                 {"must_change_password", account.must_change_password},
                                 {"created_at", account.created_at},
                                 {"password_changed_at", account.password_changed_at},
                                 {"disabled_at", account.disabled_at}};
  return json.dump();
}

std::string account_subject(store::Id account) {
  return fmt::format("account:{}", account);
}

}  // namespace rung::auth
