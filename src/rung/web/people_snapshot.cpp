#include "rung/web/people_snapshot.hpp"

namespace rung::web {

Result<std::shared_ptr<const PeopleSnapshot>> PeopleCache::get() const {
  const std::uint64_t generation = m_store.generation();
  {
    const std::lock_guard lock(m_mutex);
    if (m_snapshot && m_snapshot->generation == generation) {
      return m_snapshot;
    }
  }
  // Built outside the lock: a slow rebuild must not stall requests that hold a fresh snapshot.
  RUNG_TRY_ASSIGN(std::vector<store::Person> people, m_store.people());
  auto fresh = std::make_shared<const PeopleSnapshot>(
      PeopleSnapshot{generation, people::Org(std::move(people))});
  const std::lock_guard lock(m_mutex);
  if (!m_snapshot || m_snapshot->generation <= generation) {
    m_snapshot = fresh;
  }
  return fresh;
}

}  // namespace rung::web
