// The API token operations of ConnectionWriter (writer.hpp; migrations.cpp, schema 7).
#include <fmt/format.h>

#include "rung/store/sqlite/rows.hpp"
#include "rung/store/sqlite/writer.hpp"

namespace rung::store::sqlite {

Result<std::optional<ApiToken>> ConnectionWriter::api_token(Id id) {
  RUNG_TRY_ASSIGN(auto query, m_db.query(sql(k_api_token_columns, "WHERE id = ?1")));
  query->bind(1, id);
  return one_row<ApiToken>(query, read_api_token);
}

Result<std::optional<ApiToken>> ConnectionWriter::api_token_by_hash(std::string_view token_hash) {
  RUNG_TRY_ASSIGN(auto query, m_db.query(sql(k_api_token_columns, "WHERE token_hash = ?1")));
  query->bind(1, token_hash);
  return one_row<ApiToken>(query, read_api_token);
}

Result<std::vector<ApiToken>> ConnectionWriter::api_tokens_of(Id account) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query(sql(k_api_token_columns, "WHERE account = ?1 ORDER BY id")));
  query->bind(1, account);
  return all_rows<ApiToken>(query, read_api_token);
}

Result<std::vector<ApiToken>> ConnectionWriter::api_tokens() {
  RUNG_TRY_ASSIGN(auto query, m_db.query(sql(k_api_token_columns, "ORDER BY id")));
  return all_rows<ApiToken>(query, read_api_token);
}

Result<Id> ConnectionWriter::insert_api_token(const ApiToken& token) {
  RUNG_TRY_ASSIGN(
      auto query,
      m_db.query("INSERT INTO api_token (token_hash, account, name, read_only, created_at, "
                 "expires_at, last_used_at, revoked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                 "?7, ?8)"));
  query->bind(1, std::string_view(token.token_hash))
      .bind(2, token.account)
      .bind(3, std::string_view(token.name))
      .bind_bool(4, token.read_only)
      .bind(5, token.created_at)
      .bind(6, token.expires_at)
      .bind(7, token.last_used_at)
      .bind(8, token.revoked_at);
  if (auto done = query->run(); !done) {
    if (done.error().code == "store.conflict") {
      return fail(ErrorKind::conflict, "store.conflict",
                  fmt::format("API token of account {}: no such account, or the digest is "
                              "already stored",
                              token.account));
    }
    return tl::unexpected(done.error());
  }
  return m_db.last_insert_id();
}

Result<void> ConnectionWriter::touch_api_token(Id id, Millis at) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("UPDATE api_token SET last_used_at = ?2 WHERE id = ?1"));
  query->bind(1, id).bind(2, at);
  return query->run();
}

Result<void> ConnectionWriter::revoke_api_token(Id id, Millis at) {
  RUNG_TRY_ASSIGN(auto found, api_token(id));
  if (!found) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no API token with id {}", id));
  }
  RUNG_TRY_ASSIGN(auto query, m_db.query("UPDATE api_token SET revoked_at = ?2 WHERE id = ?1 "
                                         "AND revoked_at = 0"));
  query->bind(1, id).bind(2, at);
  return query->run();
}

}  // namespace rung::store::sqlite
