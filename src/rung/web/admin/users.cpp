#include <algorithm>
#include <charconv>
#include <chrono>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "rung/auth/accounts.hpp"
#include "rung/auth/api_tokens.hpp"
#include "rung/auth/sessions.hpp"
#include "rung/core/text.hpp"
#include "rung/core/utc.hpp"
#include "rung/export/csv.hpp"
#include "rung/html/views.hpp"
#include "rung/render/dates.hpp"
#include "rung/web/admin/audit_rows.hpp"
#include "rung/web/admin/handlers.hpp"
#include "rung/web/shell/body.hpp"
#include "rung/web/shell/error_status.hpp"
#include "rung/web/shell/support.hpp"
#include "rung/web/shell/token_views.hpp"

namespace rung::web::handlers {

namespace {

constexpr std::size_t k_audit_page = 50;

std::string utc_time(store::Millis at) {
  return render::date_time_text(at);
}

Response users_page(const Resources& resources, const Call& call, int status, Json extra) {
  Json view = admin_view(resources, call, "Users", "users");
  Json rows = Json::array();
  Json tokens = Json::array();
  const store::Millis now = resources.now();
  const auto accounts = unwrap(resources.store.accounts());
  for (const store::Account& account : accounts) {
    rows.push_back(
        {{"id", account.id},
         {"login", account.login},
         {"admin", account.admin},
         {"must_change_password", account.must_change_password},
         {"created", utc_time(account.created_at)},
         {"disabled", account.disabled()},
         {"disabled_since", account.disabled() ? render::date_text(account.disabled_at) : ""},
         {"self", account.id == call.viewer->account.id},
         {"reset_url", fmt::format("/admin/users/{}/reset", account.id)},
         {"disable_url", fmt::format("/admin/users/{}/disable", account.id)},
         {"enable_url", fmt::format("/admin/users/{}/enable", account.id)},
         {"delete_url", fmt::format("/admin/users/{}/delete", account.id)}});
  }
  for (const store::ApiToken& token : unwrap(resources.store.api_tokens())) {
    Json row = token_row(token, now, fmt::format("/admin/tokens/{}/revoke", token.id));
    const auto owner = std::find_if(accounts.begin(), accounts.end(),
                                    [&](const store::Account& a) { return a.id == token.account; });
    row["login"] = owner != accounts.end() ? owner->login : std::string("(account gone)");
    tokens.push_back(std::move(row));
  }
  view["accounts"] = std::move(rows);
  view["without_accounts"] = unwrap(auth::people_without_accounts(resources.store)).size();
  view["tokens"] = std::move(tokens);
  view.update(extra);
  return page(resources, call, status, "users", std::move(view));
}

// The account a /admin/users/{id}/... or /api/v1/users/{id}/... route names; nullopt when
// there is none.
std::optional<store::Account> named_account(const Resources& resources, const Call& call) {
  const auto id = parse_id(call.param("id"));
  return id ? unwrap(resources.store.account(*id)) : std::nullopt;
}

auth::AccountActor actor_of(const Call& call) {
  return auth::AccountActor{call.viewer->account.login, call.viewer->account.id};
}

// An account as the API shows it (no hash).
Json user_api_json(const store::Account& account) {
  return Json{{"id", account.id},
              {"login", account.login},
              {"admin", account.admin},
              {"must_change_password", account.must_change_password},
              {"created_at", format_utc(account.created_at)},
              {"disabled", account.disabled()},
              {"disabled_at", account.disabled() ? Json(format_utc(account.disabled_at)) : Json()}};
}

Response user_api_error(const Error& error) {
  if (error.kind == ErrorKind::internal || error.code.starts_with("store.")) {
    throw std::runtime_error(error.message);
  }
  return json_error(http_status(error), error.code, error.message, error.hint);
}

Response set_disabled_page(const Resources& resources, const Call& call, bool disabled) {
  const auto account = named_account(resources, call);
  if (!account) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  auto done = auth::set_account_disabled(resources.store, actor_of(call), account->id, disabled,
                                         resources.now());
  if (!done) {
    if (done.error().kind == ErrorKind::internal) {
      throw std::runtime_error(done.error().message);
    }
    return users_page(resources, call, http_status(done.error()),
                      Json{{"error", done.error().message + "."}});
  }
  return users_page(
      resources, call, 200,
      Json{{"notice",
            disabled ? fmt::format("{} is disabled: it cannot sign in until it is enabled again.",
                                   account->login)
                     : fmt::format("{} is enabled: it can sign in again.", account->login)}});
}

Response set_disabled_api(const Resources& resources, const Call& call, bool disabled) {
  const auto account = named_account(resources, call);
  if (!account) {
    return json_error(404, "not-found", fmt::format("no API resource at {}", call.target.path));
  }
  auto done = auth::set_account_disabled(resources.store, actor_of(call), account->id, disabled,
                                         resources.now());
  if (!done) {
    return user_api_error(done.error());
  }
  return json_response(200, user_api_json(*done));
}

// The audit query of the page's filters; an unusable `before` is ignored.
store::AuditQuery audit_query(const Call& call) {
  store::AuditQuery query;
  query.actor = std::string(query_value(call.target.query, "actor").value_or(""));
  query.action = std::string(query_value(call.target.query, "action").value_or(""));
  query.subject = std::string(query_value(call.target.query, "subject").value_or(""));
  const std::string_view before = query_value(call.target.query, "before").value_or("");
  std::from_chars(before.data(), before.data() + before.size(), query.before_id);
  // A date that is not one is ignored rather than refused: the form shows what was used.
  query.since = parse_utc(query_value(call.target.query, "since").value_or("")).value_or(0);
  query.until =
      parse_utc(query_value(call.target.query, "until").value_or(""), DayEdge::end).value_or(0);
  query.limit = k_audit_page + 1;
  return query;
}

std::string older_url(const Call& call, const store::AuditQuery& query, store::Id before) {
  std::string out = "/admin/audit?";
  const std::string since(query_value(call.target.query, "since").value_or(""));
  const std::string until(query_value(call.target.query, "until").value_or(""));
  for (const auto& [name, value] :
       {std::pair{"actor", query.actor}, std::pair{"action", query.action},
        std::pair{"subject", query.subject}, std::pair{"since", since},
        std::pair{"until", until}}) {
    if (!value.empty()) {
      out += fmt::format("{}={}&", name, percent_encode(value));
    }
  }
  return out + fmt::format("before={}", before);
}

}  // namespace

Response admin_users(const Resources& resources, const Call& call) {
  return users_page(resources, call, 200, Json::object());
}

Response admin_users_add(const Resources& resources, const Call& call) {
  const std::string login = auth::normalize_login(call.field("login"));
  const bool admin = call.field("admin") == "on";
  if (auto usable = auth::check_login(login); !usable) {
    return users_page(resources, call, 400, Json{{"error", usable.error().message}});
  }
  // A login no person has is most often a typo: refused unless the admin says it is meant.
  if (call.field("no_person") != "on" && !unwrap(resources.store.account_by_login(login))) {
    if (auto belongs = auth::check_login_is_person(resources.store, login); !belongs) {
      Json extra{{"error", belongs.error().message + "."},
                 {"typed", {{"login", login}, {"admin", admin}}}};
      const std::string& hint = belongs.error().hint;
      if (hint.starts_with("did you mean ")) {
        extra["suggestion"] = hint.substr(13, hint.size() - 14);  // the email without "?"
      }
      return users_page(resources, call, 422, std::move(extra));
    }
  }
  auto added = auth::add_account(resources.store, login, admin, call.viewer->account.login,
                                 resources.now(), resources.sessions.options().hash_cost);
  if (!added) {
    return users_page(resources, call, 400, Json{{"error", added.error().message}});
  }
  return users_page(
      resources, call, 200,
      Json{
          {"one_time", {{"login", added->account.login}, {"password", added->one_time_password}}}});
}

Response admin_users_invite(const Resources& resources, const Call& call) {
  auto invited = auth::invite_people(resources.store, call.viewer->account.login, resources.now(),
                                     resources.sessions.options().hash_cost);
  if (!invited) {
    throw std::runtime_error(invited.error().message);
  }
  if (invited->empty()) {
    return users_page(resources, call, 200,
                      Json{{"notice", "Everyone in the people directory has an account."}});
  }
  Json rows = Json::array();
  std::string csv = "name,login,one-time password\r\n";
  for (const auth::NewAccount& made : *invited) {
    const auto person = unwrap(resources.store.person_by_email(made.account.login));
    const std::string name = person ? person->name : std::string();
    rows.push_back(
        {{"name", name}, {"login", made.account.login}, {"password", made.one_time_password}});
    csv += fmt::format("{},{},{}\r\n", exports::csv_field(exports::spreadsheet_safe(name)),
                       exports::csv_field(exports::spreadsheet_safe(made.account.login)),
                       exports::csv_field(exports::spreadsheet_safe(made.one_time_password)));
  }
  return users_page(resources, call, 200,
                    Json{{"invited",
                          {{"count", rows.size()},
                           {"rows", std::move(rows)},
                           {"csv_url", "data:text/csv;charset=utf-8," + percent_encode(csv)}}}});
}

Response admin_users_reset(const Resources& resources, const Call& call) {
  const std::string_view text = call.param("id");
  store::Id id = 0;
  std::from_chars(text.data(), text.data() + text.size(), id);
  const auto account = unwrap(resources.store.account(id));
  if (!account) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  auto password = resources.sessions.reset_password(call.viewer->account.login, id);
  if (!password) {
    return users_page(resources, call, 400, Json{{"error", password.error().message}});
  }
  return users_page(resources, call, 200,
                    Json{{"one_time", {{"login", account->login}, {"password", *password}}}});
}

Response admin_users_disable(const Resources& resources, const Call& call) {
  return set_disabled_page(resources, call, true);
}

Response admin_users_enable(const Resources& resources, const Call& call) {
  return set_disabled_page(resources, call, false);
}

// The first POST asks (or says what names the account and offers to disable it); the second,
// with confirm=yes, deletes.
Response admin_users_delete(const Resources& resources, const Call& call) {
  const auto account = named_account(resources, call);
  if (!account) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  const auto in_use = [&](const std::string& message) {
    Json block{{"message", message}, {"login", account->login}};
    if (!account->disabled() && account->id != call.viewer->account.id) {
      block["disable_url"] = fmt::format("/admin/users/{}/disable", account->id);
    }
    return users_page(resources, call, 409, Json{{"in_use", std::move(block)}});
  };
  if (call.field("confirm") != "yes") {
    if (account->id == call.viewer->account.id) {
      return users_page(resources, call, 403,
                        Json{{"error", "You cannot delete your own account."}});
    }
    const auto references = unwrap(resources.store.account_references(account->id));
    if (references.any()) {
      return in_use(fmt::format("{} cannot be deleted: it is named by {}.", account->login,
                                auth::describe_references(references)));
    }
    return users_page(resources, call, 200,
                      Json{{"confirm_delete",
                            {{"login", account->login},
                             {"delete_url", fmt::format("/admin/users/{}/delete", account->id)}}}});
  }
  auto deleted =
      auth::delete_account(resources.store, actor_of(call), account->id, resources.now());
  if (!deleted) {
    const Error& error = deleted.error();
    if (error.kind == ErrorKind::internal) {
      throw std::runtime_error(error.message);
    }
    if (error.code == "auth.account-in-use") {
      return in_use(error.message + ".");
    }
    return users_page(resources, call, http_status(error), Json{{"error", error.message + "."}});
  }
  return users_page(resources, call, 200,
                    Json{{"notice", fmt::format("The account {} is deleted.", account->login)}});
}

Response api_users(const Resources& resources, const Call&) {
  Json out = Json::array();
  for (const store::Account& account : unwrap(resources.store.accounts())) {
    out.push_back(user_api_json(account));
  }
  return json_response(200, Json{{"users", std::move(out)}});
}

Response api_user_disable(const Resources& resources, const Call& call) {
  return set_disabled_api(resources, call, true);
}

Response api_user_enable(const Resources& resources, const Call& call) {
  return set_disabled_api(resources, call, false);
}

Response api_user_delete(const Resources& resources, const Call& call) {
  const auto account = named_account(resources, call);
  if (!account) {
    return json_error(404, "not-found", fmt::format("no API resource at {}", call.target.path));
  }
  auto deleted =
      auth::delete_account(resources.store, actor_of(call), account->id, resources.now());
  if (!deleted) {
    return user_api_error(deleted.error());
  }
  return json_response(200,
                       Json{{"id", account->id}, {"login", account->login}, {"deleted", true}});
}

Response admin_tokens_revoke(const Resources& resources, const Call& call) {
  const auto id = parse_id(call.param("id"));
  const auto token = id ? unwrap(resources.store.api_token(*id)) : std::nullopt;
  if (!token) {
    return not_found_page(resources, call.target.path);
  }
  auto revoked = auth::revoke_api_token(resources.store, call.viewer->account.login, token->id,
                                        resources.now());
  if (!revoked) {
    throw std::runtime_error(revoked.error().message);
  }
  return users_page(resources, call, 200,
                    Json{{"notice", fmt::format("The token \"{}\" is revoked.", token->name)}});
}

Response admin_audit(const Resources& resources, const Call& call) {
  const store::AuditQuery query = audit_query(call);
  std::vector<store::AuditEntry> entries = unwrap(resources.store.audit(query));
  const bool more = entries.size() > k_audit_page;
  if (more) {
    entries.resize(k_audit_page);
  }
  Json rows = audit_rows(resources, entries);
  Json view = admin_view(resources, call, "Audit log", "audit");
  view["filter"] = {{"actor", query.actor},
                    {"action", query.action},
                    {"subject", query.subject},
                    {"since", query.since != 0 ? format_utc(query.since).substr(0, 10) : ""},
                    {"until", query_value(call.target.query, "until").value_or("")}};
  view["entries"] = std::move(rows);
  if (more) {
    view["older_url"] = older_url(call, query, entries.back().id);
  }
  return page(resources, call, 200, "audit", std::move(view));
}

}  // namespace rung::web::handlers
