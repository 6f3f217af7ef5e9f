// The OpenID Connect login-state operations of ConnectionWriter (writer.hpp; migrations.cpp,
// schema 10).
#include "rung/store/postgres/rows.hpp"
#include "rung/store/postgres/writer.hpp"

namespace rung::store::postgres {

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

}  // namespace rung::store::postgres
