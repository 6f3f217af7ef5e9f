#pragma once

#include <charconv>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "rung/core/json.hpp"
#include "rung/render/dates.hpp"
#include "rung/review/service.hpp"
#include "rung/store/store.hpp"
#include "rung/web/shell/people_snapshot.hpp"
#include "rung/web/shell/resources.hpp"
#include "rung/web/shell/support.hpp"

// The audit log as people read it: who (by name), what (a person, an account, a cycle... by
// name, never "person:12"), when (render/dates.hpp) and each change as "field: before → after"
// instead of the JSON the store keeps. Private to web/admin/ (users.cpp's audit page). Header
// only for now: a new .cpp reshuffles every unity batch after it; it can move to one when the
// folder's files next change.
namespace rung::web {

namespace audit_detail {

// What the entries name, read once for the page.
struct Names {
  std::map<store::Id, std::string> people;    // person id -> name
  std::map<std::string, std::string> logins;  // login -> the name of its person, if any
  std::map<store::Id, std::string> accounts;  // account id -> login
  std::map<store::Id, std::string> cycles;    // cycle id -> name
  const model::Ladder* ladder = nullptr;

  std::string person(store::Id id) const {
    const auto found = people.find(id);
    return found != people.end() ? found->second : "someone no longer listed";
  }
  // "Ada Lovelace", or the login itself when no person has it ("cli:root", "system").
  std::string actor(const std::string& login) const {
    const auto found = logins.find(login);
    return found != logins.end() ? found->second : login;
  }
  std::string account(store::Id id) const {
    const auto found = accounts.find(id);
    return found != accounts.end() ? actor(found->second) : "an account since removed";
  }
};

inline Names read_names(const Resources& resources) {
  Names names;
  names.ladder = &resources.ladder;
  auto people = resources.people.get();
  if (people) {
    for (const store::Person& person : (*people)->org.people()) {
      names.people[person.id] = person.name;
      names.logins[person.email] = person.name;
    }
  }
  for (const store::Account& account : unwrap(resources.store.accounts())) {
    names.accounts[account.id] = account.login;
  }
  for (const store::ReviewCycle& cycle : unwrap(resources.review.cycles())) {
    names.cycles[cycle.id] = cycle.name;
  }
  return names;
}

inline Json parse_or_null(const std::string& text) {
  if (text.empty()) {
    return nullptr;
  }
  Json out = Json::parse(text, nullptr, false);
  return out.is_discarded() ? Json(text) : out;
}

// "person.create" -> "person: create"; "account.password-reset" -> "account: password reset".
inline std::string action_words(std::string_view action) {
  std::string out(action);
  for (char& c : out) {
    if (c == '-' || c == '_') {
      c = ' ';
    }
  }
  const auto dot = out.find('.');
  if (dot != std::string::npos) {
    out.replace(dot, 1, ": ");
  }
  return out;
}

inline std::string field_words(std::string_view key) {
  std::string out(key);
  if (out.ends_with("_at")) {
    out.resize(out.size() - 3);
  }
  for (char& c : out) {
    if (c == '_') {
      c = ' ';
    }
  }
  return out;
}

// A statement id as the first words of its statement, so a rating reads as what was rated.
inline std::string key_words(const Names& names, const std::string& key) {
  if (const model::Statement* statement = names.ladder->find_statement(key)) {
    std::string text = statement->text;
    if (text.size() > 48) {
      const auto cut = text.rfind(' ', 48);
      text = text.substr(0, cut == std::string::npos ? 48 : cut) + "…";
    }
    return "“" + text + "”";
  }
  return field_words(key);
}

inline std::string value_words(const Names& names, std::string_view key, const Json& value) {
  if (value.is_null()) {
    return "none";
  }
  if (value.is_boolean()) {
    return value.get<bool>() ? "yes" : "no";
  }
  if (value.is_number_integer()) {
    const auto number = value.get<std::int64_t>();
    if (key == "person" || key == "manager" || key.ends_with("_person")) {
      return names.person(number);
    }
    if (key == "account" || key.ends_with("_account") || key == "author") {
      return names.account(number);
    }
    if (key == "cycle") {
      const auto found = names.cycles.find(number);
      return found != names.cycles.end() ? found->second : "none";
    }
    if (key == "disabled_at" && number == 0) {
      return "no";  // an account that may sign in (schema 11)
    }
    if (key.ends_with("_at") && number > 0) {
      return render::date_time_text(number);
    }
    return std::to_string(number);
  }
  if (value.is_string()) {
    const std::string text = value.get<std::string>();
    if (const model::Level* level = names.ladder->find_level(text)) {
      return level->title;
    }
    if (names.ladder->find_statement(text) != nullptr) {
      return key_words(names, text);
    }
    for (const model::ScalePoint& point : names.ladder->data().scale) {
      if (point.id == text) {
        return point.name;
      }
    }
    return text.empty() ? "none" : text;
  }
  if (value.is_array()) {
    if (value.empty()) {
      return "none";
    }
    if (!value.front().is_primitive()) {
      return value.size() == 1 ? "1 item" : fmt::format("{} items", value.size());
    }
    std::string out;
    for (const Json& item : value) {
      out += (out.empty() ? "" : ", ") + value_words(names, "", item);
    }
    return out;
  }
  return value.size() == 1 ? "1 field" : fmt::format("{} fields", value.size());
}

// Fields no reader needs: store ids and the optimistic-locking counter.
inline bool internal_field(std::string_view key) {
  return key == "id" || key == "version" || key == "schema" || key == "ladder_digest" ||
         key == "password_hash" || key == "hash";
}

inline void add_changes(const Names& names, const std::string& prefix, const Json& before,
                        const Json& after, Json& out) {
  const Json empty = Json::object();
  const Json& b = before.is_object() ? before : empty;
  const Json& a = after.is_object() ? after : empty;
  std::map<std::string, bool> keys;
  for (const auto& [key, value] : b.items()) {
    keys[key] = true;
  }
  for (const auto& [key, value] : a.items()) {
    keys[key] = true;
  }
  for (const auto& [key, unused] : keys) {
    if (internal_field(key)) {
      continue;
    }
    const Json& old_value = b.contains(key) ? b[key] : Json(nullptr);
    const Json& new_value = a.contains(key) ? a[key] : Json(nullptr);
    if (old_value == new_value) {
      continue;
    }
    const std::string label = prefix + key_words(names, key);
    if (old_value.is_object() || new_value.is_object()) {
      add_changes(names, label + " · ", old_value, new_value, out);
      continue;
    }
    if (before.is_null()) {
      out.push_back({{"text", fmt::format("{}: {}", label, value_words(names, key, new_value))}});
    } else if (after.is_null()) {
      out.push_back(
          {{"text", fmt::format("{}: {} (removed)", label, value_words(names, key, old_value))}});
    } else {
      out.push_back({{"text", fmt::format("{}: {} → {}", label, value_words(names, key, old_value),
                                          value_words(names, key, new_value))}});
    }
  }
}

// "person:12" -> "Ada Lovelace"; "assessment:5" -> "assessment of Ada Lovelace".
inline std::string subject_words(const Names& names, const std::string& subject, const Json& before,
                                 const Json& after) {
  const auto colon = subject.find(':');
  if (colon == std::string::npos) {
    return subject;
  }
  const std::string kind = subject.substr(0, colon);
  const std::string_view text = std::string_view(subject).substr(colon + 1);
  store::Id id = 0;
  std::from_chars(text.data(), text.data() + text.size(), id);
  if (kind == "person") {
    return names.person(id);
  }
  if (kind == "account") {
    // The login the entry itself carries, when it does: right for a deleted account, and for
    // an old entry whose id a later account was given.
    for (const Json* side : {&after, &before}) {
      if (side->is_object() && side->contains("login") && (*side)["login"].is_string()) {
        return "account of " + names.actor((*side)["login"].get<std::string>());
      }
    }
    return "account of " + names.account(id);
  }
  if (kind == "cycle") {
    const auto found = names.cycles.find(id);
    return "review cycle " +
           (found != names.cycles.end() ? found->second : std::string("(removed)"));
  }
  static const std::map<std::string, std::string, std::less<>> k_kinds{
      {"assessment", "assessment"},
      {"plan", "growth plan"},
      {"promotion", "promotion case"},
      {"calibration", "calibration session"},
      {"token", "API token"}};
  const auto found = k_kinds.find(kind);
  std::string out = found != k_kinds.end() ? found->second : kind;
  const Json& record = after.is_object() ? after : before;
  if (record.is_object()) {
    if (record.contains("name") && record["name"].is_string()) {
      out += " “" + record["name"].get<std::string>() + "”";
    }
    if (record.contains("person") && record["person"].is_number_integer()) {
      out += " of " + names.person(record["person"].get<store::Id>());
    }
  }
  return out;
}

}  // namespace audit_detail

// One row per entry, in the given order: {at, actor, action, subject, changes: [{text}]}.
// Reads people, accounts and cycles once for all the entries.
inline Json audit_rows(const Resources& resources, const std::vector<store::AuditEntry>& entries) {
  using namespace audit_detail;
  const Names names = read_names(resources);
  Json rows = Json::array();
  for (const store::AuditEntry& entry : entries) {
    const Json before = parse_or_null(entry.before);
    const Json after = parse_or_null(entry.after);
    Json changes = Json::array();
    add_changes(names, "", before, after, changes);
    rows.push_back({{"at", render::date_time_text(entry.at)},
                    {"actor", names.actor(entry.actor)},
                    {"action", action_words(entry.action)},
                    {"subject", subject_words(names, entry.subject, before, after)},
                    {"changes", std::move(changes)}});
  }
  return rows;
}

}  // namespace rung::web
