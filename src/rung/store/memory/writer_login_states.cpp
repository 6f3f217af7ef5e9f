// The OpenID Connect login-state operations of StateWriter (writer.hpp; schema 10 of the SQL
// stores).
#include "rung/store/memory/writer.hpp"

namespace rung::store::memory {

Result<void> StateWriter::insert_login_state(const LoginState& state) {
  if (!m_state.login_states.emplace(state.state_hash, state).second) {
    return fail(ErrorKind::conflict, "store.conflict", "a login state with that digest exists");
  }
  return {};
}

Result<std::optional<LoginState>> StateWriter::take_login_state(std::string_view state_hash) {
  const auto it = m_state.login_states.find(state_hash);
  if (it == m_state.login_states.end()) {
    return std::nullopt;
  }
  LoginState out = std::move(it->second);
  m_state.login_states.erase(it);
  return out;
}

Result<std::size_t> StateWriter::delete_login_states_before(Millis created_before) {
  return static_cast<std::size_t>(std::erase_if(m_state.login_states, [&](const auto& entry) {
    return entry.second.created_at < created_before;
  }));
}

}  // namespace rung::store::memory
