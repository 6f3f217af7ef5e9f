#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rung/auth/password.hpp"
#include "rung/core/error.hpp"
#include "rung/store/store.hpp"

// Creating accounts and resetting their passwords: what the `rung user` commands, the first
// start of `rung serve` and the admin pages share. Each change is one Store::write with its
// audit entry; audit JSON never holds a password or a hash. One-time passwords are returned
// to the caller, which shows them once and keeps them nowhere.
namespace rung::auth {

struct NewAccount {
  store::Account account;         // as stored (with its id)
  std::string one_time_password;  // to give to its owner; must be changed at first sign-in
};

// How rung keeps a login: surrounding white space removed, ASCII letters lower-cased.
std::string normalize_login(std::string_view login);

// Whether a normalized login is usable: 1 to 254 bytes of valid UTF-8 without white space or
// control characters. Error "auth.bad-login" naming what is wrong.
Result<void> check_login(std::string_view login);

// Creates an account for `login` (normalized first) with a one-time password and
// must_change_password set; audit "account.create" by `actor`. Errors: "auth.bad-login",
// "auth.login-taken", store errors.
Result<NewAccount> add_account(store::Store& store, std::string_view login, bool admin,
                               std::string_view actor, store::Millis now,
                               HashCost cost = HashCost::interactive);

// Whether a new login belongs to someone: an active or former Person whose email is the
// (normalized) login. Otherwise error "auth.no-person" (kind invalid) whose hint, when some
// person's email is a plausible typo away (closest_match), is "did you mean <email>?": a login
// like chen@exmaple.com would make an account that belongs to no one. Callers let an admin
// confirm such an account on purpose (an admin who is not on the payroll).
Result<void> check_login_is_person(store::Reader& reader, std::string_view login);

// Creates an account, as add_account, for every active person whose email has none ("invite
// many" after an import), in one write with an "account.create" audit entry each; returns them
// in people order (none when everyone has one). Errors: store errors (nothing is created).
Result<std::vector<NewAccount>> invite_people(store::Store& store, std::string_view actor,
                                              store::Millis now,
                                              HashCost cost = HashCost::interactive);

// The active people whose email no account has as its login, in the store's order.
Result<std::vector<store::Person>> people_without_accounts(store::Reader& reader);

// On a store without any account, creates the admin account "admin" with a one-time password
// and returns that password (to be printed once); otherwise nullopt. Safe when two processes
// start at once: the check and the insert are one transaction. Audit actor "system".
Result<std::optional<std::string>> bootstrap_admin(store::Store& store, store::Millis now,
                                                   HashCost cost = HashCost::interactive);

// Gives `account` a new one-time password, sets must_change_password and ends all its
// sessions, in one write with audit "account.password-reset" by `actor`. Returns the password.
// Errors: "auth.unknown-account", store errors. (Sessions::reset_password also forgets the
// login's throttled failures; prefer it where a Sessions exists.)
Result<std::string> reset_password(store::Store& store, std::string_view actor, store::Id account,
                                   store::Millis now, HashCost cost = HashCost::interactive);

// --- Disabling, enabling and deleting accounts (schema 11; docs/auth.md) ---------------------
// Who asks: the actor's name for the audit log and, when the actor is an account (an admin on
// the pages or the API), its id, so that nobody disables or deletes their own account. The
// command line's actor ("cli:USER") has no account (self 0).
struct AccountActor {
  std::string_view name;
  store::Id self = 0;
};

// Disables (`disabled` true) or enables an account, in one write with audit "account.disable"
// or "account.enable" (before and after). Disabling ends every session of the account; its API
// tokens are refused while it is disabled. Enabling restores sign-in (ended sessions stay
// ended). Nothing else of the account or its person changes; doing what is already done
// changes nothing and writes nothing. Returns the account as stored. Errors:
// "auth.unknown-account" (not_found), "auth.own-account" (forbidden: the actor's own),
// "auth.last-admin" (conflict: the last enabled admin), store errors.
Result<store::Account> set_account_disabled(store::Store& store, const AccountActor& actor,
                                            store::Id account, bool disabled, store::Millis now);

// Deletes an account that nothing names (store::AccountReferences: one made by a typo in a
// login), with its sessions and API tokens, in one write with audit "account.delete" (before:
// the account). Errors: "auth.unknown-account", "auth.own-account", "auth.last-admin",
// "auth.account-in-use" (conflict; the message says what names it, and the hint offers to
// disable it instead), store errors.
Result<void> delete_account(store::Store& store, const AccountActor& actor, store::Id account,
                            store::Millis now);

// What names an account, in words ("2 assessments and 14 audit entries"); "" for nothing.
std::string describe_references(const store::AccountReferences& references);
// --- end of disabling and deleting ------------------------------------------------------------

// The audit JSON of an account: every field but the password hash.
std::string account_json(const store::Account& account);

// The audit subject of an account: "account:<id>".
std::string account_subject(store::Id account);

// Inserts the account and its "account.create" audit entry by `actor` through `writer`; sets
// account.id. Every way an account is made (add, invite, first sign-in by proxy or provider).
Result<void> insert_account_with_audit(store::Writer& writer, store::Account& account,
                                       std::string_view actor, store::Millis now);

}  // namespace rung::auth
