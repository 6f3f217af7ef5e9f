// The OpenID Connect login-state operations of ConnectionWriter (writer.hpp; migrations.cpp,
// schema 10), and the sign-in failures and pending imports of schema 12.
#include "rung/store/postgres/rows.hpp"
#include "rung/store/postgres/writer.hpp"

namespace rung::store::postgres {

namespace {

// The token's digest first, then the other columns in pending_import's order: insert and
// update bind the same way.
void bind_pending_import(Statement& statement, const PendingImport& upload) {
  statement.bind(1, std::string_view(upload.token_hash))
      .bind(2, std::string_view(upload.actor))
      .bind(3, std::string_view(upload.filename))
      .bind(4, std::string_view(upload.content))
      .bind(5, upload.people_version)
      .bind(6, upload.created_at)
      .bind(7, upload.applied_at);
}

}  // namespace

Result<void> ConnectionWriter::insert_login_state(const LoginState& state) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("INSERT INTO login_state (state_hash, nonce, code_verifier, next, "
                             "created_at) VALUES ($1, $2, $3, $4, $5)"));
  query->bind(1, std::string_view(state.state_hash))
      .bind(2, std::string_view(state.nonce))
      .bind(3, std::string_view(state.code_verifier))
      .bind(4, std::string_view(state.next))
      .bind(5, state.created_at);
  RUNG_TRY(query->run());
  return {};
}

// Read, then deleted in the same transaction: the second take of one state finds nothing.
Result<std::optional<LoginState>> ConnectionWriter::take_login_state(std::string_view state_hash) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query(sql(rows::k_login_state_columns, "WHERE state_hash = $1")));
  query->bind(1, state_hash);
  RUNG_TRY_ASSIGN(auto found, one_row<LoginState>(query, rows::read_login_state));
  if (!found) {
    return std::nullopt;
  }
  RUNG_TRY_ASSIGN(auto removal, m_db.query("DELETE FROM login_state WHERE state_hash = $1"));
  removal->bind(1, state_hash);
  RUNG_TRY(removal->run());
  return found;
}

Result<std::size_t> ConnectionWriter::delete_login_states_before(Millis created_before) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("DELETE FROM login_state WHERE created_at < $1"));
  query->bind(1, created_before);
  RUNG_TRY(query->run());
  return static_cast<std::size_t>(m_db.changes());
}

// ---- Several instances on one store (schema 12): sign-in failures and uploads waiting for
// Apply.

Result<SignInFailures> ConnectionWriter::sign_in_failures(std::string_view key, Millis since) {
  RUNG_TRY_ASSIGN(
      auto query,
      m_db.query("SELECT coalesce(sum(failures), 0)::BIGINT, coalesce(min(at), 0)::BIGINT FROM "
                 "sign_in_failure WHERE key = $1 AND at > $2"));
  query->bind(1, key).bind(2, since);
  RUNG_TRY_ASSIGN(const bool row, query->step());
  SignInFailures out;
  if (row) {
    out.count = query->column_int(0);
    out.oldest = query->column_int(1);
  }
  return out;
}

Result<void> ConnectionWriter::add_sign_in_failure(std::string_view key, Millis at) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("INSERT INTO sign_in_failure (key, at, failures) VALUES ($1, $2, 1) "
                             "ON CONFLICT (key, at) DO UPDATE SET failures = "
                             "sign_in_failure.failures + 1"));
  query->bind(1, key).bind(2, at);
  return query->run();
}

Result<void> ConnectionWriter::remove_sign_in_failure(std::string_view key, Millis at) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("UPDATE sign_in_failure SET failures = failures - 1 "
                                         "WHERE key = $1 AND at = $2"));
  query->bind(1, key).bind(2, at);
  RUNG_TRY(query->run());
  RUNG_TRY_ASSIGN(auto empty, m_db.query("DELETE FROM sign_in_failure WHERE key = $1 AND at = "
                                         "$2 AND failures <= 0"));
  empty->bind(1, key).bind(2, at);
  return empty->run();
}

Result<std::size_t> ConnectionWriter::clear_sign_in_failures(std::string_view key) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("DELETE FROM sign_in_failure WHERE key = $1"));
  query->bind(1, key);
  RUNG_TRY(query->run());
  return static_cast<std::size_t>(m_db.changes());
}

Result<std::size_t> ConnectionWriter::delete_sign_in_failures_before(Millis at) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("DELETE FROM sign_in_failure WHERE at <= $1"));
  query->bind(1, at);
  RUNG_TRY(query->run());
  return static_cast<std::size_t>(m_db.changes());
}

Result<void> ConnectionWriter::insert_pending_import(const PendingImport& upload) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("INSERT INTO pending_import (token_hash, actor, filename, "
                                         "content, people_version, created_at, applied_at) "
                                         "VALUES ($1, $2, $3, $4, $5, $6, $7)"));
  bind_pending_import(*query, upload);
  return query->run();
}

Result<std::optional<PendingImport>> ConnectionWriter::pending_import(std::string_view token_hash) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query(sql(rows::k_pending_import_columns, "WHERE token_hash = $1")));
  query->bind(1, token_hash);
  return one_row<PendingImport>(query, rows::read_pending_import);
}

Result<void> ConnectionWriter::update_pending_import(const PendingImport& upload) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("UPDATE pending_import SET actor = $2, filename = $3, "
                                         "content = $4, people_version = $5, created_at = $6, "
                                         "applied_at = $7 WHERE token_hash = $1"));
  bind_pending_import(*query, upload);
  RUNG_TRY(query->run());
  if (m_db.changes() == 0) {
    return fail(ErrorKind::not_found, "store.not-found", "no pending import with that digest");
  }
  return {};
}

Result<std::size_t> ConnectionWriter::delete_pending_imports_before(Millis created_before) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("DELETE FROM pending_import WHERE created_at < $1"));
  query->bind(1, created_before);
  RUNG_TRY(query->run());
  return static_cast<std::size_t>(m_db.changes());
}

}  // namespace rung::store::postgres
