#include <cstdlib>
#include <ctime>
#include <ostream>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <pwd.h>
#include <unistd.h>

#include "rung/auth/accounts.hpp"
#include "rung/cli/user.hpp"
#include "rung/core/clock.hpp"
#include "rung/core/text.hpp"
#include "rung/core/utc.hpp"
#include "rung/export/csv.hpp"

namespace rung::cli {

namespace {

// A refusal (the login is taken, there is no such account) exits 1; anything else (a malformed
// login, a store that fails) 2.
tl::unexpected<Failure> refused(Error error) {
  const bool refusal = error.kind == ErrorKind::conflict || error.kind == ErrorKind::not_found;
  return tl::unexpected(
      Failure({std::move(error)}, "", refusal ? k_exit_findings : k_exit_unusable));
}

void print_password(std::string_view login, std::string_view password, Io io) {
  io.out << fmt::format("one-time password for '{}': {}\n", login, password)
         << "Give it to its owner now: it is not shown again, and must be changed at the first "
            "sign-in.\n";
}

Error unknown_login(const std::string& login, const std::vector<store::Account>& accounts) {
  std::vector<std::string> logins;
  for (const auto& account : accounts) {
    logins.push_back(account.login);
  }
  auto near = closest_match(login, logins);
  return Error{"auth.unknown-account",
               fmt::format("there is no account '{}'", login),
               {},
               near ? fmt::format("did you mean '{}'?", *near)
                    : std::string("`rung user list` shows the accounts"),
               ErrorKind::not_found};
}

Outcome run_add(store::Store& store, std::string_view login, bool admin, std::string_view actor,
                Io io) {
  auto added = auth::add_account(store, login, admin, actor, system_now());
  if (!added) {
    return refused(std::move(added).error());
  }
  io.out << fmt::format("created account '{}'{}\n", added->account.login, admin ? " (admin)" : "");
  print_password(added->account.login, added->one_time_password, io);
  return k_exit_ok;
}

Outcome run_reset(store::Store& store, std::string_view login, std::string_view actor, Io io) {
  const std::string normalized = auth::normalize_login(login);
  RUNG_TRY_ASSIGN(const auto account, store.account_by_login(normalized));
  if (!account) {
    auto accounts = store.accounts();
    return refused(unknown_login(normalized, accounts ? *accounts : std::vector<store::Account>{}));
  }
  auto password = auth::reset_password(store, actor, account->id, system_now());
  if (!password) {
    return refused(std::move(password).error());
  }
  io.out << fmt::format("reset the password of '{}' and ended its sessions\n", normalized);
  print_password(normalized, *password, io);
  return k_exit_ok;
}

// The account of `login`, or the refusal "no such account" with a "did you mean".
Result<store::Account> existing_account(store::Store& store, const std::string& login) {
  RUNG_TRY_ASSIGN(const auto account, store.account_by_login(login));
  if (!account) {
    RUNG_TRY_ASSIGN(const auto accounts, store.accounts());
    return tl::unexpected(unknown_login(login, accounts));
  }
  return *account;
}

Outcome run_set_disabled(store::Store& store, std::string_view login, bool disabled,
                         std::string_view actor, Io io) {
  const std::string normalized = auth::normalize_login(login);
  auto account = existing_account(store, normalized);
  if (!account) {
    return refused(std::move(account).error());
  }
  const bool was = account->disabled();
  auto done = auth::set_account_disabled(store, auth::AccountActor{actor, 0}, account->id, disabled,
                                         system_now());
  if (!done) {
    return refused(std::move(done).error());
  }
  if (was == disabled) {
    io.out << fmt::format("'{}' was already {}; nothing changed\n", normalized,
                          disabled ? "disabled" : "enabled");
  } else if (disabled) {
    io.out << fmt::format(
        "disabled '{}': it cannot sign in (its sessions ended, its API tokens are refused) "
        "until `rung user enable`\n",
        normalized);
  } else {
    io.out << fmt::format("enabled '{}': it can sign in again\n", normalized);
  }
  return k_exit_ok;
}

Outcome run_delete(store::Store& store, std::string_view login, std::string_view actor, Io io) {
  const std::string normalized = auth::normalize_login(login);
  auto account = existing_account(store, normalized);
  if (!account) {
    return refused(std::move(account).error());
  }
  auto done = auth::delete_account(store, auth::AccountActor{actor, 0}, account->id, system_now());
  if (!done) {
    return refused(std::move(done).error());
  }
  io.out << fmt::format("deleted the account '{}'\n", normalized);
  return k_exit_ok;
}

Outcome run_invite(store::Store& store, std::string_view actor, Io io) {
  RUNG_TRY_ASSIGN(const auto invited, auth::invite_people(store, actor, system_now()));
  if (invited.empty()) {
    io.err << "everyone in the people directory has an account\n";
    return k_exit_ok;
  }
  // CSV for a spreadsheet: a name or login that looks like a formula is kept as text.
  io.out << "name,login,one-time password\r\n";
  for (const auth::NewAccount& made : invited) {
    RUNG_TRY_ASSIGN(const auto person, store.person_by_email(made.account.login));
    io.out << fmt::format("{},{},{}\r\n",
                          exports::csv_field(exports::spreadsheet_safe(person ? person->name : "")),
                          exports::csv_field(exports::spreadsheet_safe(made.account.login)),
                          exports::csv_field(exports::spreadsheet_safe(made.one_time_password)));
  }
  io.err << fmt::format(
      "created {} accounts; give each one-time password to its owner now: they are not shown "
      "again, and must be changed at the first sign-in\n",
      invited.size());
  return k_exit_ok;
}

Outcome run_list(store::Store& store, std::string_view format, Io io) {
  RUNG_TRY_ASSIGN(const auto accounts, store.accounts());
  if (format == "json") {
    auto list = nlohmann::ordered_json::array();
    for (const auto& account : accounts) {
      list.push_back(nlohmann::ordered_json::parse(auth::account_json(account)));
    }
    io.out << list.dump(2) << '\n';
    return k_exit_ok;
  }
  std::size_t width = 5;
  for (const auto& account : accounts) {
    width = std::max(width, account.login.size());
  }
  io.out << fmt::format("{:<4} {:<{}}  {:<5}  {:<11}  {:<16}  {}\n", "ID", "LOGIN", width, "ADMIN",
                        "MUST CHANGE", "PASSWORD SET", "DISABLED");
  for (const auto& account : accounts) {
    io.out << fmt::format("{:<4} {:<{}}  {:<5}  {:<11}  {:<16}  {}\n", account.id, account.login,
                          width, account.admin ? "yes" : "no",
                          account.must_change_password ? "yes" : "no",
                          utc_minute(account.password_changed_at),
                          account.disabled() ? utc_minute(account.disabled_at) : "no");
  }
  return k_exit_ok;
}

}  // namespace

std::string cli_actor() {
  // The account the process runs as, not $USER: the environment is the caller's to set, and the
  // audit log should name who really ran the command.
  if (const passwd* entry = getpwuid(geteuid()); entry != nullptr && entry->pw_name != nullptr) {
    return fmt::format("cli:{}", entry->pw_name);
  }
  return fmt::format("cli:uid-{}", geteuid());
}

int user_add(store::Store& store, std::string_view login, bool admin, std::string_view actor,
             Io io) {
  return finish(run_add(store, login, admin, actor, io), io.err);
}

int user_reset(store::Store& store, std::string_view login, std::string_view actor, Io io) {
  return finish(run_reset(store, login, actor, io), io.err);
}

int user_set_disabled(store::Store& store, std::string_view login, bool disabled,
                      std::string_view actor, Io io) {
  return finish(run_set_disabled(store, login, disabled, actor, io), io.err);
}

int user_delete(store::Store& store, std::string_view login, std::string_view actor, Io io) {
  return finish(run_delete(store, login, actor, io), io.err);
}

int user_invite(store::Store& store, std::string_view actor, Io io) {
  return finish(run_invite(store, actor, io), io.err);
}

int user_list(store::Store& store, std::string_view format, Io io) {
  return finish(run_list(store, format, io), io.err);
}

}  // namespace rung::cli
