#pragma once

#include <optional>
#include <string_view>

#include "rung/auth/api_tokens.hpp"
#include "rung/cli/command.hpp"
#include "rung/store/store.hpp"

// `rung token create LOGIN --name NAME [--expires DAYS] [--read-only]` (prints the token once;
// it is kept nowhere), `rung token list [LOGIN] [--format text|json]` (every token, or one
// account's; never the token itself) and `rung token revoke ID`, each with `--data DIR` or
// `--database URI`. Audit actor "cli:<os account>". Exit codes as `rung user`: 0 done; 1
// refused (no such account or token); 2 anything else (a bad name or expiry, a store failure).
//
// The functions below are what the subcommands run once the store is open; tests call them
// with an in-memory store.
namespace rung::cli {

int token_create(store::Store& store, std::string_view login, const auth::TokenRequest& request,
                 std::string_view actor, Io io);
int token_list(store::Store& store, std::string_view login, std::string_view format, Io io);
int token_revoke(store::Store& store, store::Id id, std::string_view actor, Io io);

}  // namespace rung::cli
