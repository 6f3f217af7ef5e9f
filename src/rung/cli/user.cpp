#include "rung/cli/user.hpp"

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "rung/cli/commands_list.hpp"
#include "rung/cli/data_store.hpp"

namespace rung::cli {

namespace {

struct UserArgs {
  std::string data;  // add_data_option sets the default
  std::string login;
  bool admin = false;
  std::string format = "text";
};

// Opens the store, then runs `action` on it.
template <class Action>
Outcome with_store(const UserArgs& args, StoreAccess access, Action action) {
  RUNG_TRY_ASSIGN(const auto store, open_data_store(args.data, access));
  return action(*store);
}

}  // namespace

Handler setup_user(CLI::App& sub, Io io) {
  auto args = std::make_shared<UserArgs>();
  sub.require_subcommand(1);

  CLI::App* add = sub.add_subcommand("add", "Create an account and print its one-time password");
  add->add_option("LOGIN", args->login,
                  "The login: the person's work email, or a name for an admin")
      ->required();
  add->add_flag("--admin", args->admin, "An admin account (sees and changes everything)");
  add_data_option(*add, args->data);

  CLI::App* reset = sub.add_subcommand(
      "reset", "Give an account a new one-time password and end all its sessions");
  reset->add_option("LOGIN", args->login, "The account's login")->required();
  add_data_option(*reset, args->data);

  CLI::App* disable = sub.add_subcommand(
      "disable",
      "Disable an account: it cannot sign in by any door (password, proxy, OpenID Connect, API "
      "token), its sessions end; nothing of its person's data changes");
  disable->add_option("LOGIN", args->login, "The account's login")->required();
  add_data_option(*disable, args->data);

  CLI::App* enable =
      sub.add_subcommand("enable", "Enable a disabled account again: it can sign in again");
  enable->add_option("LOGIN", args->login, "The account's login")->required();
  add_data_option(*enable, args->data);

  CLI::App* remove = sub.add_subcommand(
      "delete",
      "Delete an account that has made nothing (one made by a typo in a login); an account "
      "that is named by assessments, votes, plans or the audit log can only be disabled");
  remove->add_option("LOGIN", args->login, "The account's login")->required();
  add_data_option(*remove, args->data);

  CLI::App* invite = sub.add_subcommand(
      "invite",
      "Create an account for everyone in the people directory who has none; print their "
      "one-time passwords once, as CSV");
  add_data_option(*invite, args->data);

  CLI::App* list = sub.add_subcommand("list", "List the accounts");
  list->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));
  add_data_option(*list, args->data);

  return [args, io, add, reset, disable, enable, remove, invite, list]() {
    if (disable->parsed() || enable->parsed()) {
      return with_store(*args, StoreAccess::read_write, [&](store::Store& store) {
        return user_set_disabled(store, args->login, disable->parsed(), cli_actor(), io);
      });
    }
    if (remove->parsed()) {
      return with_store(*args, StoreAccess::read_write, [&](store::Store& store) {
        return user_delete(store, args->login, cli_actor(), io);
      });
    }
    if (add->parsed()) {
      return with_store(*args, StoreAccess::read_write, [&](store::Store& store) {
        return user_add(store, args->login, args->admin, cli_actor(), io);
      });
    }
    if (reset->parsed()) {
      return with_store(*args, StoreAccess::read_write, [&](store::Store& store) {
        return user_reset(store, args->login, cli_actor(), io);
      });
    }
    if (invite->parsed()) {
      return with_store(*args, StoreAccess::read_write,
                        [&](store::Store& store) { return user_invite(store, cli_actor(), io); });
    }
    if (list->parsed()) {
      return with_store(*args, StoreAccess::read_only,
                        [&](store::Store& store) { return user_list(store, args->format, io); });
    }
    return Outcome(k_exit_unusable);
  };
}

}  // namespace rung::cli
