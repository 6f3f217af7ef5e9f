// The OpenID Connect login-state operations of StateWriter (writer.hpp; schema 10 of the SQL
// stores), and the sign-in failures and pending imports of schema 12.
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

// ---- Several instances on one store (schema 12).

Result<SignInFailures> StateWriter::sign_in_failures(std::string_view key, Millis since) {
  SignInFailures out;
  const auto it = m_state.sign_in_failures.find(key);
  if (it == m_state.sign_in_failures.end()) {
    return out;
  }
  for (auto at = it->second.upper_bound(since); at != it->second.end(); ++at) {
    out.oldest = out.count == 0 ? at->first : out.oldest;
    out.count += at->second;
  }
  return out;
}

Result<void> StateWriter::add_sign_in_failure(std::string_view key, Millis at) {
  auto it = m_state.sign_in_failures.find(key);
  if (it == m_state.sign_in_failures.end()) {
    it = m_state.sign_in_failures.emplace(std::string(key), std::map<Millis, std::int64_t>{}).first;
  }
  ++it->second[at];
  return {};
}

Result<void> StateWriter::remove_sign_in_failure(std::string_view key, Millis at) {
  const auto it = m_state.sign_in_failures.find(key);
  if (it == m_state.sign_in_failures.end()) {
    return {};
  }
  if (auto found = it->second.find(at); found != it->second.end() && --found->second <= 0) {
    it->second.erase(found);
  }
  if (it->second.empty()) {
    m_state.sign_in_failures.erase(it);
  }
  return {};
}

Result<std::size_t> StateWriter::clear_sign_in_failures(std::string_view key) {
  const auto it = m_state.sign_in_failures.find(key);
  if (it == m_state.sign_in_failures.end()) {
    return std::size_t{0};
  }
  const std::size_t rows = it->second.size();
  m_state.sign_in_failures.erase(it);
  return rows;
}

Result<std::size_t> StateWriter::delete_sign_in_failures_before(Millis at) {
  std::size_t rows = 0;
  for (auto it = m_state.sign_in_failures.begin(); it != m_state.sign_in_failures.end();) {
    auto& times = it->second;
    const auto end = times.upper_bound(at);
    rows += static_cast<std::size_t>(std::distance(times.begin(), end));
    times.erase(times.begin(), end);
    it = times.empty() ? m_state.sign_in_failures.erase(it) : std::next(it);
  }
  return rows;
}

Result<void> StateWriter::insert_pending_import(const PendingImport& upload) {
  if (!m_state.pending_imports.emplace(upload.token_hash, upload).second) {
    return fail(ErrorKind::conflict, "store.conflict", "a pending import with that digest exists");
  }
  return {};
}

Result<std::optional<PendingImport>> StateWriter::pending_import(std::string_view token_hash) {
  const auto it = m_state.pending_imports.find(token_hash);
  if (it == m_state.pending_imports.end()) {
    return std::nullopt;
  }
  return it->second;
}

Result<void> StateWriter::update_pending_import(const PendingImport& upload) {
  const auto it = m_state.pending_imports.find(upload.token_hash);
  if (it == m_state.pending_imports.end()) {
    return fail(ErrorKind::not_found, "store.not-found", "no pending import with that digest");
  }
  it->second = upload;
  return {};
}

Result<std::size_t> StateWriter::delete_pending_imports_before(Millis created_before) {
  return static_cast<std::size_t>(std::erase_if(m_state.pending_imports, [&](const auto& entry) {
    return entry.second.created_at < created_before;
  }));
}

}  // namespace rung::store::memory
