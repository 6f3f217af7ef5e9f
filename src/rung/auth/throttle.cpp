#include "rung/auth/throttle.hpp"

#include <algorithm>

#include "rung/auth/token.hpp"

namespace rung::auth {

namespace {

// Old failures are pruned at most this often by one process.
constexpr store::Millis k_prune_every = 60 * 1000;

// The store keeps digests, not logins or addresses: a copy of the table names no one.
std::string login_key(const std::string& login) {
  return "login:" + token_hash(login);
}

std::string address_key(const std::string& address) {
  return "address:" + token_hash(address);
}

}  // namespace

Result<std::optional<store::Millis>> Throttle::begin(const std::string& login,
                                                     const std::string& address,
                                                     store::Millis now) {
  const store::Millis since = now - m_limits.window;
  store::Millis pruned = m_pruned_at.load();
  const bool prune =
      now - pruned >= k_prune_every && m_pruned_at.compare_exchange_strong(pruned, now);
  std::optional<store::Millis> wait;
  const auto wait_for = [&](const store::SignInFailures& failures, int limit) {
    if (failures.count < std::max(limit, 0)) {
      return;
    }
    wait = std::max(wait.value_or(0),
                    std::max<store::Millis>(failures.oldest + m_limits.window - now, 1));
  };
  RUNG_TRY(m_store.write([&](store::Writer& writer) -> Result<void> {
    wait.reset();  // the body may run again (PostgreSQL retries a write that lost a race)
    if (prune) {
      RUNG_TRY(writer.delete_sign_in_failures_before(since));
    }
    RUNG_TRY_ASSIGN(const auto by_login, writer.sign_in_failures(login_key(login), since));
    wait_for(by_login, m_limits.per_login);
    if (!address.empty()) {
      RUNG_TRY_ASSIGN(const auto by_address, writer.sign_in_failures(address_key(address), since));
      wait_for(by_address, m_limits.per_address);
    }
    if (wait) {
      return {};
    }
    RUNG_TRY(writer.add_sign_in_failure(login_key(login), now));
    if (!address.empty()) {
      RUNG_TRY(writer.add_sign_in_failure(address_key(address), now));
    }
    return {};
  }));
  return wait;
}

Result<void> Throttle::succeeded(const std::string& login, const std::string& address,
                                 store::Millis at) {
  return m_store.write([&](store::Writer& writer) -> Result<void> {
    RUNG_TRY(writer.clear_sign_in_failures(login_key(login)));
    if (!address.empty()) {
      RUNG_TRY(writer.remove_sign_in_failure(address_key(address), at));
    }
    return {};
  });
}

Result<void> Throttle::forget_login(const std::string& login) {
  return m_store.write([&](store::Writer& writer) -> Result<void> {
    RUNG_TRY(writer.clear_sign_in_failures(login_key(login)));
    return {};
  });
}

}  // namespace rung::auth
