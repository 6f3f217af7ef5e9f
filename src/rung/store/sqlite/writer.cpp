#include "rung/store/sqlite/writer.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>
#include <sqlite3.h>

#include "rung/store/sqlite/rows.hpp"

namespace rung::store::sqlite {

namespace {

constexpr std::string_view k_person_columns =
    "SELECT id, name, email, manager, track, level, start_date, status FROM person ";
constexpr std::string_view k_account_columns =
    "SELECT id, login, password_hash, admin, must_change_password, created_at, "
    "password_changed_at, disabled_at FROM account ";

// Rewrites a broken constraint in the words of the operation that broke it.
Error conflict(const Error& error, int code, std::string_view unique, std::string_view reference) {
  if (error.code != "store.conflict") {
    return error;
  }
  const bool foreign = code == SQLITE_CONSTRAINT_FOREIGNKEY;
  return Error{
      "store.conflict", std::string(foreign ? reference : unique), {}, {}, ErrorKind::conflict};
}

void bind_person(Statement& statement, const Person& person) {
  statement.bind(1, std::string_view(person.name))
      .bind(2, std::string_view(person.email))
      .bind(3, person.manager)
      .bind(4, std::string_view(person.track))
      .bind(5, std::string_view(person.level))
      .bind(6, std::string_view(person.start_date))
      .bind(7, to_string(person.status));
}

void bind_account(Statement& statement, const Account& account) {
  statement.bind(1, std::string_view(account.login))
      .bind(2, std::string_view(account.password_hash))
      .bind_bool(3, account.admin)
      .bind_bool(4, account.must_change_password)
      .bind(5, account.created_at)
      .bind(6, account.password_changed_at)
      .bind(7, account.disabled_at);
}

std::string person_conflict_reference(const Person& person) {
  return fmt::format("no manager with id {}", person.manager.value_or(0));
}

}  // namespace

Result<std::vector<Person>> ConnectionWriter::people() {
  RUNG_TRY_ASSIGN(auto query, m_db.query(sql(k_person_columns, "ORDER BY id")));
  return all_rows<Person>(query, read_person);
}

Result<std::int64_t> ConnectionWriter::people_version() {
  RUNG_TRY_ASSIGN(auto query, m_db.query("SELECT value FROM counter WHERE name = 'people'"));
  RUNG_TRY_ASSIGN(const auto value,
                  one_row<std::int64_t>(query, [](Statement& row) { return row.column_int(0); }));
  return value.value_or(0);
}

Result<std::optional<Person>> ConnectionWriter::person(Id id) {
  RUNG_TRY_ASSIGN(auto query, m_db.query(sql(k_person_columns, "WHERE id = ?1")));
  query->bind(1, id);
  return one_row<Person>(query, read_person);
}

Result<std::optional<Person>> ConnectionWriter::person_by_email(std::string_view email) {
  RUNG_TRY_ASSIGN(auto query, m_db.query(sql(k_person_columns, "WHERE email = ?1")));
  query->bind(1, email);
  return one_row<Person>(query, read_person);
}

Result<std::vector<Account>> ConnectionWriter::accounts() {
  RUNG_TRY_ASSIGN(auto query, m_db.query(sql(k_account_columns, "ORDER BY id")));
  return all_rows<Account>(query, read_account);
}

Result<std::optional<Account>> ConnectionWriter::account(Id id) {
  RUNG_TRY_ASSIGN(auto query, m_db.query(sql(k_account_columns, "WHERE id = ?1")));
  query->bind(1, id);
  return one_row<Account>(query, read_account);
}

Result<std::optional<Account>> ConnectionWriter::account_by_login(std::string_view login) {
  RUNG_TRY_ASSIGN(auto query, m_db.query(sql(k_account_columns, "WHERE login = ?1")));
  query->bind(1, login);
  return one_row<Account>(query, read_account);
}

Result<std::optional<Session>> ConnectionWriter::session(std::string_view token_hash) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("SELECT token_hash, account, csrf_token, created_at, last_seen_at "
                             "FROM session WHERE token_hash = ?1"));
  query->bind(1, token_hash);
  return one_row<Session>(query, [](Statement& row) {
    return Session{row.column_text(0), row.column_int(1), row.column_text(2), row.column_int(3),
                   row.column_int(4)};
  });
}

Result<std::vector<AuditEntry>> ConnectionWriter::audit(const AuditQuery& filter) {
  // One fixed statement: an empty filter value switches its condition off. An action ending in
  // '.' is a prefix ("person." matches "person.create").
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("SELECT id, at, actor, action, subject, before, after FROM audit "
                             "WHERE (?1 = '' OR actor = ?1) "
                             "AND (?2 = '' OR action = ?2 OR (substr(?2, -1) = '.' AND "
                             "substr(action, 1, length(?2)) = ?2)) "
                             "AND (?3 = '' OR subject = ?3) "
                             "AND (?4 = 0 OR at >= ?4) AND (?5 = 0 OR at < ?5) "
                             "AND (?6 = 0 OR id < ?6) "
                             "ORDER BY id DESC LIMIT ?7"));
  const auto limit = std::min<std::size_t>(filter.limit, std::numeric_limits<std::int64_t>::max());
  query->bind(1, std::string_view(filter.actor))
      .bind(2, std::string_view(filter.action))
      .bind(3, std::string_view(filter.subject))
      .bind(4, filter.since)
      .bind(5, filter.until)
      .bind(6, filter.before_id)
      .bind(7, static_cast<std::int64_t>(limit));
  return all_rows<AuditEntry>(query, [](Statement& row) {
    return AuditEntry{row.column_int(0),  row.column_int(1),  row.column_text(2),
                      row.column_text(3), row.column_text(4), row.column_text(5),
                      row.column_text(6)};
  });
}

Result<Id> ConnectionWriter::insert_person(const Person& person) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("INSERT INTO person (name, email, manager, track, level, "
                             "start_date, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  bind_person(*query, person);
  if (auto done = query->run(); !done) {
    return tl::unexpected(conflict(done.error(), query->last_code(),
                                   fmt::format("the email '{}' is already taken", person.email),
                                   person_conflict_reference(person)));
  }
  return m_db.last_insert_id();
}

Result<void> ConnectionWriter::update_person(const Person& person) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("UPDATE person SET name = ?1, email = ?2, manager = ?3, track = ?4, "
                             "level = ?5, start_date = ?6, status = ?7 WHERE id = ?8"));
  bind_person(*query, person);
  query->bind(8, person.id);
  if (auto done = query->run(); !done) {
    return tl::unexpected(conflict(done.error(), query->last_code(),
                                   fmt::format("the email '{}' is already taken", person.email),
                                   person_conflict_reference(person)));
  }
  if (m_db.changes() == 0) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no person with id {}", person.id));
  }
  return {};
}

Result<Id> ConnectionWriter::insert_account(const Account& account) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("INSERT INTO account (login, password_hash, admin, "
                                         "must_change_password, created_at, password_changed_at, "
                                         "disabled_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  bind_account(*query, account);
  if (auto done = query->run(); !done) {
    return tl::unexpected(conflict(done.error(), query->last_code(),
                                   fmt::format("the login '{}' is already taken", account.login),
                                   ""));
  }
  return m_db.last_insert_id();
}

Result<void> ConnectionWriter::update_account(const Account& account) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("UPDATE account SET login = ?1, password_hash = ?2, admin = ?3, "
                             "must_change_password = ?4, created_at = ?5, "
                             "password_changed_at = ?6, disabled_at = ?7 WHERE id = ?8"));
  bind_account(*query, account);
  query->bind(8, account.id);
  if (auto done = query->run(); !done) {
    return tl::unexpected(conflict(done.error(), query->last_code(),
                                   fmt::format("the login '{}' is already taken", account.login),
                                   ""));
  }
  if (m_db.changes() == 0) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no account with id {}", account.id));
  }
  return {};
}

// Schema 11: what names an account (store.hpp's AccountReferences), in one statement.
Result<AccountReferences> ConnectionWriter::account_references(Id account) {
  RUNG_TRY_ASSIGN(
      auto query,
      m_db.query(
          "SELECT (SELECT count(*) FROM assessment WHERE author_account = ?1), "
          "(SELECT count(*) FROM assessment_withdrawal WHERE account = ?1), "
          "(SELECT count(*) FROM agreement WHERE account = ?1), "
          "(SELECT count(*) FROM promotion_case WHERE opened_by_account = ?1 OR decided_by = ?1), "
          "(SELECT count(*) FROM calibration_session WHERE facilitator = ?1 OR created_by = ?1 "
          "OR EXISTS (SELECT 1 FROM json_each(calibrators) WHERE value = ?1)), "
          "(SELECT count(*) FROM pre_vote WHERE calibrator = ?1), "
          "(SELECT count(*) FROM calibration_decision WHERE account = ?1), "
          "(SELECT count(*) FROM growth_plan_item WHERE done_by <> '' AND done_by = "
          "(SELECT login FROM account WHERE id = ?1)), "
          "(SELECT count(*) FROM audit WHERE actor = (SELECT login FROM account WHERE id = ?1))"));
  query->bind(1, account);
  RUNG_TRY_ASSIGN(const auto found, one_row<AccountReferences>(query, [](Statement& row) {
                    auto count = [&row](int column) {
                      return static_cast<std::size_t>(row.column_int(column));
                    };
                    return AccountReferences{count(0), count(1), count(2), count(3), count(4),
                                             count(5), count(6), count(7), count(8)};
                  }));
  return found.value_or(AccountReferences{});
}

Result<void> ConnectionWriter::delete_account(Id account) {
  RUNG_TRY_ASSIGN(const auto existing, this->account(account));
  if (!existing) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no account with id {}", account));
  }
  RUNG_TRY_ASSIGN(const auto references, account_references(account));
  if (references.any()) {
    return fail(ErrorKind::conflict, "store.conflict",
                fmt::format("the account '{}' is named by what it did", existing->login));
  }
  for (const std::string_view statement :
       {"DELETE FROM session WHERE account = ?1", "DELETE FROM api_token WHERE account = ?1",
        "DELETE FROM account WHERE id = ?1"}) {
    RUNG_TRY_ASSIGN(auto query, m_db.query(statement));
    query->bind(1, account);
    RUNG_TRY(query->run());
  }
  return {};
}

Result<void> ConnectionWriter::insert_session(const Session& session) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("INSERT INTO session (token_hash, account, csrf_token, created_at, "
                             "last_seen_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
  query->bind(1, std::string_view(session.token_hash))
      .bind(2, session.account)
      .bind(3, std::string_view(session.csrf_token))
      .bind(4, session.created_at)
      .bind(5, session.last_seen_at);
  if (auto done = query->run(); !done) {
    return tl::unexpected(conflict(done.error(), query->last_code(),
                                   "a session with that token already exists",
                                   fmt::format("no account with id {}", session.account)));
  }
  return {};
}

Result<void> ConnectionWriter::touch_session(std::string_view token_hash, Millis at) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("UPDATE session SET last_seen_at = ?2 WHERE token_hash = ?1"));
  query->bind(1, token_hash).bind(2, at);
  return query->run();
}

Result<void> ConnectionWriter::delete_session(std::string_view token_hash) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("DELETE FROM session WHERE token_hash = ?1"));
  query->bind(1, token_hash);
  return query->run();
}

Result<std::size_t> ConnectionWriter::delete_sessions_of(Id account) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("DELETE FROM session WHERE account = ?1"));
  query->bind(1, account);
  RUNG_TRY(query->run());
  return static_cast<std::size_t>(m_db.changes());
}

Result<std::size_t> ConnectionWriter::delete_expired_sessions(Millis created_before,
                                                              Millis seen_before) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("DELETE FROM session WHERE created_at < ?1 OR "
                                         "last_seen_at < ?2"));
  query->bind(1, created_before).bind(2, seen_before);
  RUNG_TRY(query->run());
  return static_cast<std::size_t>(m_db.changes());
}

Result<Id> ConnectionWriter::append_audit(const AuditEntry& entry) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("INSERT INTO audit (at, actor, action, subject, before, after) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  query->bind(1, entry.at)
      .bind(2, std::string_view(entry.actor))
      .bind(3, std::string_view(entry.action))
      .bind(4, std::string_view(entry.subject))
      .bind(5, std::string_view(entry.before))
      .bind(6, std::string_view(entry.after));
  RUNG_TRY(query->run());
  return m_db.last_insert_id();
}

}  // namespace rung::store::sqlite
