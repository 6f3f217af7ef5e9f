#include "rung/web/shell/people_snapshot.hpp"

namespace rung::web {

Result<std::shared_ptr<const PeopleSnapshot>> PeopleCache::get() const {
  // The version is read before the people, so a snapshot is never older than its version says.
  // Read on every call (one point read), not skipped while Store::generation() stands still:
  // on PostgreSQL another instance's commit reaches generation() through NOTIFY, a moment
  // after the commit, and a request in that moment would be answered from the old people.
  RUNG_TRY_ASSIGN(const std::int64_t version, m_store.people_version());
  {
    const std::lock_guard lock(m_mutex);
    if (m_snapshot && m_snapshot->people_version == version) {
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
  }
  return fresh;
}

std::uint64_t PeopleCache::builds() const {
  const std::lock_guard lock(m_mutex);
  return m_builds;
}

}  // namespace rung::web
