#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "rung/people/org.hpp"
#include "rung/store/store.hpp"

namespace rung::web {

// Everyone in the store and their reporting lines, as of one people version. Immutable;
// shared by the requests that read it.
struct PeopleSnapshot {
  std::int64_t people_version = 0;  // store::Reader::people_version() when it was read
  people::Org org;                  // org.people(): everyone, ordered by id
};

// The latest PeopleSnapshot, rebuilt (O(people)) only when people changed: through this
// process or another one (another `rung serve` on the same database, `rung people import
// --apply` while serving). Every request checks the people version (one point read, moved by
// the store on every change to a person), so another instance's import is seen by the next
// request here, and the ratings saved all day never rebuild it. Thread-safe.
class PeopleCache {
 public:
  explicit PeopleCache(store::Store& store) : m_store(store) {}

  // The snapshot for the current people version. Error when the store cannot be read.
  Result<std::shared_ptr<const PeopleSnapshot>> get() const;

  // How many times the snapshot was built (for tests: saves must not rebuild it).
  std::uint64_t builds() const;

 private:
  store::Store& m_store;
  mutable std::mutex m_mutex;
  mutable std::shared_ptr<const PeopleSnapshot> m_snapshot;
  mutable std::uint64_t m_builds = 0;
};

}  // namespace rung::web
