// The API token operations of StateWriter (writer.hpp; schema 7 of the SQL stores).
#include <fmt/format.h>

#include "rung/store/memory/writer.hpp"

namespace rung::store::memory {

Result<std::optional<ApiToken>> StateWriter::api_token(Id id) {
  return find_in(m_state.api_tokens, id);
}

Result<std::optional<ApiToken>> StateWriter::api_token_by_hash(std::string_view token_hash) {
  for (const auto& entry : m_state.api_tokens) {
    if (entry.second.token_hash == token_hash) {
      return entry.second;
    }
  }
  return std::nullopt;
}

Result<std::vector<ApiToken>> StateWriter::api_tokens_of(Id account) {
  std::vector<ApiToken> out;
  for (const auto& entry : m_state.api_tokens) {
    if (entry.second.account == account) {
      out.push_back(entry.second);
    }
  }
  return out;
}

Result<std::vector<ApiToken>> StateWriter::api_tokens() {
  std::vector<ApiToken> out;
  for (const auto& entry : m_state.api_tokens) {
    out.push_back(entry.second);
  }
  return out;
}

Result<Id> StateWriter::insert_api_token(const ApiToken& token) {
  if (!m_state.accounts.contains(token.account)) {
    return missing("account", token.account);
  }
  RUNG_TRY_ASSIGN(const auto same, api_token_by_hash(token.token_hash));
  if (same) {
    return fail(ErrorKind::conflict, "store.conflict", "an API token with that digest exists");
  }
  ApiToken stored = token;
  stored.id = m_state.next_api_token++;
  m_state.api_tokens[stored.id] = stored;
  return stored.id;
}

Result<void> StateWriter::touch_api_token(Id id, Millis at) {
  if (auto it = m_state.api_tokens.find(id); it != m_state.api_tokens.end()) {
    it->second.last_used_at = at;
  }
  return {};
}

Result<void> StateWriter::revoke_api_token(Id id, Millis at) {
  auto it = m_state.api_tokens.find(id);
  if (it == m_state.api_tokens.end()) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no API token with id {}", id));
  }
  if (it->second.revoked_at == 0) {
    it->second.revoked_at = at;
  }
  return {};
}

}  // namespace rung::store::memory
