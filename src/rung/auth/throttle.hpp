#pragma once

#include <atomic>
#include <optional>
#include <string>

#include "rung/core/error.hpp"
#include "rung/store/store.hpp"

namespace rung::auth {

// How many failed sign-ins are allowed in a sliding window, per login and per client address.
struct ThrottleLimits {
  int per_login = 5;                      // failures of one login within the window
  int per_address = 30;                   // failures from one address within the window
  store::Millis window = 15 * 60 * 1000;  // the sliding window, in milliseconds
};

// Counts recent sign-in failures in the store (schema 12, table sign_in_failure), so that
// every `rung serve` on one database sees the same counts: a lock made through one instance
// holds on all of them, and a restart forgets nothing. Logins and addresses are kept only as
// digests. Each attempt costs one write (two indexed reads and two upserts); failures that have
// left the window are pruned in that write, at most once a minute per process. Thread-safe.
//
// An attempt is counted as a failure when it begins, so that many attempts made at the same
// moment (through any instance: the store runs the writes one after another, or, on
// PostgreSQL, retries the one that lost) cannot all slip through before any of them has
// failed; a successful attempt is then taken back with succeeded().
class Throttle {
 public:
  Throttle(store::Store& store, ThrottleLimits limits) : m_store(store), m_limits(limits) {}

  // Records an attempt for `login` (and `address`, unless it is empty) at `now` and returns
  // nullopt, or, when either has reached its limit, records nothing and returns how many
  // milliseconds remain until the oldest counted failure leaves the window. Store errors.
  Result<std::optional<store::Millis>> begin(const std::string& login, const std::string& address,
                                             store::Millis now);

  // The attempt begun at `at` succeeded: forgets the login's failures and takes back the
  // address's count for this attempt (an address keeps its other failures, so that one good
  // password cannot reset the count of an address trying many logins).
  Result<void> succeeded(const std::string& login, const std::string& address, store::Millis at);

  // Forgets the failures of a login (after an admin has reset its password).
  Result<void> forget_login(const std::string& login);

 private:
  store::Store& m_store;
  ThrottleLimits m_limits;
  std::atomic<store::Millis> m_pruned_at{0};  // when this process last pruned old failures
};

}  // namespace rung::auth
