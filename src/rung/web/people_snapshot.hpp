#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "rung/people/org.hpp"
#include "rung/store/store.hpp"

namespace rung::web {

// Everyone in the store and their reporting lines, as of one store generation. Immutable;
// shared by the requests that read it.
struct PeopleSnapshot {
  std::uint64_t generation = 0;
  people::Org org;  // org.people(): everyone, ordered by id
};

// The latest PeopleSnapshot, rebuilt (O(people)) only when the store's generation moved: a
// write through this process or another one (`rung people import --apply` while serving).
// Thread-safe.
class PeopleCache {
 public:
  explicit PeopleCache(store::Store& store) : m_store(store) {}

  // The snapshot for the current generation. Error when the store cannot be read.
  Result<std::shared_ptr<const PeopleSnapshot>> get() const;

 private:
  store::Store& m_store;
  mutable std::mutex m_mutex;
  mutable std::shared_ptr<const PeopleSnapshot> m_snapshot;
};

}  // namespace rung::web
