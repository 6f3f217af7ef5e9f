#include "rung/web/shell/imports.hpp"

#include <algorithm>

#include "rung/auth/token.hpp"

namespace rung::web {

std::string PendingImports::put(std::string filename, std::string bytes, std::string actor,
                                store::Millis now) {
  auto upload = std::make_shared<Upload>();
  upload->digest = auth::token_hash(bytes);
  upload->filename = std::move(filename);
  upload->bytes = std::move(bytes);
  upload->actor = std::move(actor);
  upload->at = now;
  const std::string digest = upload->digest;
  const std::lock_guard lock(m_mutex);
  std::erase_if(m_uploads, [&](const auto& kept) {
    return kept->digest == digest || now - kept->at > k_max_age;
  });
  m_uploads.push_back(std::move(upload));
  while (m_uploads.size() > k_max_files) {
    m_uploads.pop_front();
  }
  return digest;
}

std::shared_ptr<const PendingImports::Upload> PendingImports::find(std::string_view digest,
                                                                   std::string_view actor,
                                                                   store::Millis now) const {
  const std::lock_guard lock(m_mutex);
  for (const auto& kept : m_uploads) {
    if (kept->digest == digest && kept->actor == actor && now - kept->at <= k_max_age) {
      return kept;
    }
  }
  return nullptr;
}

void PendingImports::remove(std::string_view digest) {
  const std::lock_guard lock(m_mutex);
  std::erase_if(m_uploads, [&](const auto& kept) { return kept->digest == digest; });
}

}  // namespace rung::web
