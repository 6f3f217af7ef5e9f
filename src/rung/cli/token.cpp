#include "rung/cli/token.hpp"

#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/auth/accounts.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/data_store.hpp"
#include "rung/cli/user.hpp"
#include "rung/core/clock.hpp"
#include "rung/core/utc.hpp"

namespace rung::cli {

namespace {

struct TokenArgs {
  std::string data;  // add_data_option sets the default
  std::string login;
  std::string name;
  int expires_days = 0;  // 0: never
  bool read_only = false;
  store::Id id = 0;
  std::string format = "text";
};

tl::unexpected<Failure> token_refused(Error error) {
  const bool refusal = error.kind == ErrorKind::conflict || error.kind == ErrorKind::not_found;
  return tl::unexpected(
      Failure({std::move(error)}, "", refusal ? k_exit_findings : k_exit_unusable));
}

Result<store::Account> token_account_of(store::Store& store, std::string_view login) {
  const std::string normalized = auth::normalize_login(login);
  RUNG_TRY_ASSIGN(const auto account, store.account_by_login(normalized));
  if (!account) {
    return fail(ErrorKind::not_found, "auth.unknown-account",
                fmt::format("there is no account '{}'", normalized), {},
                "`rung user list` shows the accounts");
  }
  return *account;
}

std::string token_day_or(store::Millis at, std::string_view none) {
  return at == 0 ? std::string(none) : format_utc(at).substr(0, 10);
}

Outcome run_token_create(store::Store& store, std::string_view login,
                         const auth::TokenRequest& request, std::string_view actor, Io io) {
  auto account = token_account_of(store, login);
  if (!account) {
    return token_refused(std::move(account).error());
  }
  auto made = auth::create_api_token(store, actor, account->id, request, system_now());
  if (!made) {
    return token_refused(std::move(made).error());
  }
  io.out << fmt::format("created API token {} '{}' for '{}'{}{}\n", made->token.id,
                        made->token.name, account->login,
                        made->token.read_only ? " (read-only)" : "",
                        made->token.expires_at != 0
                            ? fmt::format(", expires {}", token_day_or(made->token.expires_at, ""))
                            : std::string());
  io.out << made->secret << '\n';
  io.out << "Keep it now: it is not shown again. Send it as `Authorization: Bearer <token>`.\n";
  return k_exit_ok;
}

Outcome run_token_list(store::Store& store, std::string_view login, std::string_view format,
                       Io io) {
  std::vector<store::ApiToken> tokens;
  if (login.empty()) {
    RUNG_TRY_ASSIGN(tokens, store.api_tokens());
  } else {
    auto account = token_account_of(store, login);
    if (!account) {
      return token_refused(std::move(account).error());
    }
    RUNG_TRY_ASSIGN(tokens, store.api_tokens_of(account->id));
  }
  RUNG_TRY_ASSIGN(const auto accounts, store.accounts());
  auto login_of = [&](store::Id id) {
    for (const auto& account : accounts) {
      if (account.id == id) {
        return account.login;
      }
    }
    return std::string("?");
  };
  const store::Millis now = system_now();
  auto status = [now](const store::ApiToken& t) {
    return t.revoked_at != 0                          ? "revoked"
           : t.expires_at != 0 && now >= t.expires_at ? "expired"
                                                      : "active";
  };
  if (format == "json") {
    auto list = nlohmann::ordered_json::array();
    for (const auto& token : tokens) {
      auto item = nlohmann::ordered_json::parse(auth::token_json(token));
      item["login"] = login_of(token.account);
      item["last_used_at"] = token.last_used_at;
      item["status"] = status(token);
      list.push_back(std::move(item));
    }
    io.out << list.dump(2) << '\n';
    return k_exit_ok;
  }
  io.out << fmt::format("{:<4} {:<24} {:<24} {:<10} {:<10} {:<10} {}\n", "ID", "LOGIN", "NAME",
                        "ACCESS", "EXPIRES", "LAST USED", "STATUS");
  for (const auto& token : tokens) {
    io.out << fmt::format("{:<4} {:<24} {:<24} {:<10} {:<10} {:<10} {}\n", token.id,
                          login_of(token.account), token.name,
                          token.read_only ? "read-only" : "read-write",
                          token_day_or(token.expires_at, "never"),
                          token_day_or(token.last_used_at, "never"), status(token));
  }
  return k_exit_ok;
}

Outcome run_token_revoke(store::Store& store, store::Id id, std::string_view actor, Io io) {
  auto revoked = auth::revoke_api_token(store, actor, id, system_now());
  if (!revoked) {
    return token_refused(std::move(revoked).error());
  }
  io.out << fmt::format("revoked API token {} '{}'\n", revoked->id, revoked->name);
  return k_exit_ok;
}

template <class Action>
Outcome with_token_store(const TokenArgs& args, StoreAccess access, Action action) {
  RUNG_TRY_ASSIGN(const auto store, open_data_store(args.data, access));
  return action(*store);
}

}  // namespace

int token_create(store::Store& store, std::string_view login, const auth::TokenRequest& request,
                 std::string_view actor, Io io) {
  return finish(run_token_create(store, login, request, actor, io), io.err);
}

int token_list(store::Store& store, std::string_view login, std::string_view format, Io io) {
  return finish(run_token_list(store, login, format, io), io.err);
}

int token_revoke(store::Store& store, store::Id id, std::string_view actor, Io io) {
  return finish(run_token_revoke(store, id, actor, io), io.err);
}

Handler setup_token(CLI::App& sub, Io io) {
  auto args = std::make_shared<TokenArgs>();
  sub.require_subcommand(1);

  CLI::App* create =
      sub.add_subcommand("create", "Make an API token for an account and print it once");
  create->add_option("LOGIN", args->login, "The account whose rights the token carries")
      ->required();
  create->add_option("--name", args->name, "What the token is for (\"nightly export\")")
      ->required();
  create->add_option("--expires", args->expires_days, "Days until it expires (default: never)")
      ->check(CLI::Range(1, 3650));
  create->add_flag("--read-only", args->read_only, "Refused on every write");
  add_data_option(*create, args->data);

  CLI::App* list = sub.add_subcommand("list", "List API tokens (never the tokens themselves)");
  list->add_option("LOGIN", args->login, "Only this account's tokens");
  list->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));
  add_data_option(*list, args->data);

  CLI::App* revoke = sub.add_subcommand("revoke", "Revoke an API token: refused from now on");
  revoke->add_option("ID", args->id, "The token's id (`rung token list` shows it)")->required();
  add_data_option(*revoke, args->data);

  return [args, io, create, list, revoke]() {
    if (create->parsed()) {
      auth::TokenRequest request;
      request.name = args->name;
      request.read_only = args->read_only;
      if (args->expires_days != 0) {
        request.expires_days = args->expires_days;
      }
      return with_token_store(*args, StoreAccess::read_write, [&](store::Store& store) {
        return Outcome(token_create(store, args->login, request, cli_actor(), io));
      });
    }
    if (list->parsed()) {
      return with_token_store(*args, StoreAccess::read_only, [&](store::Store& store) {
        return Outcome(token_list(store, args->login, args->format, io));
      });
    }
    if (revoke->parsed()) {
      return with_token_store(*args, StoreAccess::read_write, [&](store::Store& store) {
        return Outcome(token_revoke(store, args->id, cli_actor(), io));
      });
    }
    return Outcome(k_exit_unusable);
  };
}

}  // namespace rung::cli
