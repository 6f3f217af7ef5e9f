#pragma once

#include <string>
#include <string_view>

#include "rung/cli/command.hpp"
#include "rung/store/store.hpp"

// `rung user add LOGIN [--admin]`, `rung user reset LOGIN`, `rung user disable|enable|delete
// LOGIN`, `rung user invite` and `rung user list [--format text|json]`, each with `--data DIR` (the
// store at DIR/rung.db; default ./var). The one-time password of `add` and `reset` is printed once
// on io.out and kept nowhere. Audit actor "cli:<os account>". `list` opens the store read-only (it
// must exist). Exit codes: 0 done; 1 the change was refused (an error of kind conflict or
// not_found: login taken, no such account); 2 anything else (a malformed login, a store that cannot
// be opened or fails).
//
// The functions below are what the subcommands run once the store is open; tests call them
// with an in-memory store. Each prints its errors on io.err through finish() (command.hpp), as
// run() does, and returns the exit code.
namespace rung::cli {

// "cli:<name>" of the account the process runs as (from its uid, not $USER, which the caller
// can set); "cli:uid-N" when the uid has no name.
std::string cli_actor();

int user_add(store::Store& store, std::string_view login, bool admin, std::string_view actor,
             Io io);
int user_reset(store::Store& store, std::string_view login, std::string_view actor, Io io);
// `rung user invite`: an account for every active person without one (auth::invite_people),
// printed as CSV (name, login, one-time password; formulas kept as text) on io.out, once.
int user_invite(store::Store& store, std::string_view actor, Io io);
int user_list(store::Store& store, std::string_view format, Io io);
// `rung user disable LOGIN` / `enable LOGIN` (auth::set_account_disabled; the last enabled admin
// cannot be disabled: exit 1) and `rung user delete LOGIN` (auth::delete_account: refused,
// exit 1, while anything names the account).
int user_set_disabled(store::Store& store, std::string_view login, bool disabled,
                      std::string_view actor, Io io);
int user_delete(store::Store& store, std::string_view login, std::string_view actor, Io io);

}  // namespace rung::cli
