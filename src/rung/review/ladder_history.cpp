// review::Service's ladder versions: the ones served, kept, and read back as the ladder's history.
#include "rung/review/service.hpp"

namespace rung::review {

Result<void> Service::record_served() {
  const store::Millis at = now();
  return m_store.write([&](store::Writer& w) -> Result<void> {
    return w.put_frozen_ladder({m_version.digest, m_version.json, at});
  });
}

Result<std::vector<ServedVersion>> Service::ladder_history() {
  RUNG_TRY_ASSIGN(const std::vector<store::FrozenLadder> stored, m_store.frozen_ladders());
  std::vector<ServedVersion> out;
  out.reserve(stored.size());
  for (const store::FrozenLadder& version : stored) {
    RUNG_TRY_ASSIGN(auto ladder, m_versions.get(m_store, version.digest, version.content));
    out.push_back({std::move(ladder), version.digest, version.created_at});
  }
  return out;
}

}  // namespace rung::review
