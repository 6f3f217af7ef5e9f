#pragma once

#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "rung/store/store.hpp"

namespace rung::auth {

// How many failed sign-ins are allowed in a sliding window, per login and per client address.
struct ThrottleLimits {
  int per_login = 5;                      // failures of one login within the window
  int per_address = 30;                   // failures from one address within the window
  store::Millis window = 15 * 60 * 1000;  // the sliding window, in milliseconds
};

// Counts recent sign-in failures in memory. The state belongs to this process: it is lost on
// restart and not shared between instances (each instance throttles on its own). Thread-safe.
//
// An attempt is counted as a failure when it begins, so that many attempts made at the same
// moment cannot all slip through before any of them has failed; a successful attempt is then
// taken back with succeeded(). Memory stays bounded: keys whose failures have all left the
// window are dropped once there are many keys.
class Throttle {
 public:
  explicit Throttle(ThrottleLimits limits) : m_limits(limits) {}

  // Records an attempt for `login` (and `address`, unless it is empty) at `now` and returns
  // nullopt, or, when either has reached its limit, records nothing and returns how many
  // milliseconds remain until the oldest counted failure leaves the window.
  std::optional<store::Millis> begin(const std::string& login, const std::string& address,
                                     store::Millis now);

  // The attempt begun at `at` succeeded: forgets the login's failures and takes back the
  // address's count for this attempt (an address keeps its other failures, so that one good
  // password cannot reset the count of an address trying many logins).
  void succeeded(const std::string& login, const std::string& address, store::Millis at);

  // Forgets the failures of a login (after an admin has reset its password).
  void forget_login(const std::string& login);

 private:
  using Failures = std::unordered_map<std::string, std::deque<store::Millis>>;

  std::optional<store::Millis> wait_for(Failures& failures, const std::string& key, int limit,
                                        store::Millis now);
  void sweep(Failures& failures, store::Millis now);

  ThrottleLimits m_limits;
  std::mutex m_mutex;
  Failures m_logins;
  Failures m_addresses;
};

}  // namespace rung::auth
