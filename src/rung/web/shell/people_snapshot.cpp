#include "rung/web/shell/people_snapshot.hpp"

namespace rung::web {

Result<std::shared_ptr<const PeopleSnapshot>> PeopleCache::get() const {
  const std::uint64_t generation = m_store.generation();
  {
    const std::lock_guard lock(m_mutex);
    if (m_snapshot && m_checked_generation == generation) {
      return m_snapshot;
    }
  }
  // The version is read before the people, so a snapshot is never older than its version says.
  RUNG_TRY_ASSIGN(const std::int64_t version, m_store.people_version());
  {
    const std::lock_guard lock(m_mutex);
    if (m_snapshot && m_snapshot->people_version == version) {
      m_checked_generation = generation;
      return m_snapshot;
    }
  }
  // Built outside the lock: a slow rebuild must not stall requests that hold a fresh snapshot.
  RUNG_TRY_ASSIGN(std::vector<store::Person> people, m_store.people());
  auto fresh = std::make_shared<const PeopleSnapshot>(
      PeopleSnapshot{version, people::Org(std::move(people))});
  const std::lock_guard lock(m_mutex);
  ++m_builds;
  if (!m_snapshot || m_snapshot->people_version <= version) {
    m_snapshot = fresh;
    m_checked_generation = generation;
  }
  return fresh;
}

std::uint64_t PeopleCache::builds() const {
  const std::lock_guard lock(m_mutex);
  return m_builds;
}

}  // namespace rung::web
