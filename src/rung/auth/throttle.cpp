#include "rung/auth/throttle.hpp"

#include <algorithm>

namespace rung::auth {

namespace {

// Beyond this many keys, begin() drops the keys whose failures have all expired.
constexpr std::size_t k_sweep_threshold = 10'000;

}  // namespace

std::optional<store::Millis> Throttle::wait_for(Failures& failures, const std::string& key,
                                                int limit, store::Millis now) {
  auto it = failures.find(key);
  if (it == failures.end()) {
    return std::nullopt;
  }
  auto& times = it->second;
  while (!times.empty() && times.front() <= now - m_limits.window) {
    times.pop_front();
  }
  if (times.size() < static_cast<std::size_t>(std::max(limit, 0))) {
    return std::nullopt;
  }
  return std::max<store::Millis>(times.front() + m_limits.window - now, 1);
}

void Throttle::sweep(Failures& failures, store::Millis now) {
  if (failures.size() < k_sweep_threshold) {
    return;
  }
  std::erase_if(failures, [&](const auto& entry) {
    return entry.second.empty() || entry.second.back() <= now - m_limits.window;
  });
}

std::optional<store::Millis> Throttle::begin(const std::string& login, const std::string& address,
                                             store::Millis now) {
  std::lock_guard lock(m_mutex);
  sweep(m_logins, now);
  sweep(m_addresses, now);
  auto wait = wait_for(m_logins, login, m_limits.per_login, now);
  if (!address.empty()) {
    if (auto by_address = wait_for(m_addresses, address, m_limits.per_address, now)) {
      wait = std::max(wait.value_or(0), *by_address);
    }
  }
  if (wait) {
    return wait;
  }
  m_logins[login].push_back(now);
  if (!address.empty()) {
    m_addresses[address].push_back(now);
  }
  return std::nullopt;
}

void Throttle::succeeded(const std::string& login, const std::string& address, store::Millis at) {
  std::lock_guard lock(m_mutex);
  m_logins.erase(login);
  if (auto it = m_addresses.find(address); it != m_addresses.end()) {
    auto& times = it->second;
    if (auto found = std::find(times.begin(), times.end(), at); found != times.end()) {
      times.erase(found);
    }
  }
}

void Throttle::forget_login(const std::string& login) {
  std::lock_guard lock(m_mutex);
  m_logins.erase(login);
}

}  // namespace rung::auth
