#include "rung/web/http/cache.hpp"

#include <mutex>

#include "rung/web/http/encoding.hpp"

namespace rung::web {

namespace {

bool compressible(std::string_view content_type) {
  return content_type.starts_with("text/") || content_type.starts_with("application/json") ||
         content_type.starts_with("image/svg+xml");
}

}  // namespace

std::size_t CachedResponse::bytes() const {
  return (body ? body->size() : 0) + (gzip_body ? gzip_body->size() : 0) + 256;
}

std::shared_ptr<const CachedResponse> make_cached(Response response, std::size_t gzip_min_bytes) {
  auto out = std::make_shared<CachedResponse>();
  out->status = response.status;
  out->content_type = std::string(response.headers.get("Content-Type").value_or("text/plain"));
  out->cache_control = std::string(response.headers.get("Cache-Control").value_or("no-cache"));
  out->etag = strong_etag(response.body);
  if (compressible(out->content_type) && response.body.size() >= gzip_min_bytes) {
    auto compressed = std::make_shared<const std::string>(gzip(response.body));
    out->gzip_etag = strong_etag(*compressed);
    out->gzip_body = std::move(compressed);
  }
  out->body = std::make_shared<const std::string>(std::move(response.body));
  return out;
}

Response serve_cached(const std::shared_ptr<const CachedResponse>& cached, const Request& request) {
  const bool use_gzip =
      cached->gzip_body && accepts_gzip(request.headers.get("Accept-Encoding").value_or(""));
  const std::string& etag = use_gzip ? cached->gzip_etag : cached->etag;
  Response out;
  out.headers.add("ETag", etag);
  out.headers.add("Cache-Control", cached->cache_control);
  if (cached->gzip_body) {
    out.headers.add("Vary", "Accept-Encoding");
  }
  const auto if_none_match = request.headers.get("If-None-Match");
  if (if_none_match && etag_matches(*if_none_match, etag)) {
    out.status = 304;
    return out;
  }
  out.status = cached->status;
  out.headers.add("Content-Type", cached->content_type);
  if (use_gzip) {
    out.headers.add("Content-Encoding", "gzip");
  }
  out.shared_body = use_gzip ? cached->gzip_body : cached->body;
  return out;
}

std::shared_ptr<const CachedResponse> ResponseCache::find(std::string_view key) const {
  std::shared_lock lock(m_mutex);
  const auto found = m_entries.find(key);
  if (found == m_entries.end()) {
    m_misses.fetch_add(1, std::memory_order_relaxed);
    return nullptr;
  }
  m_hits.fetch_add(1, std::memory_order_relaxed);
  return found->second;
}

void ResponseCache::insert(const std::string& key, std::shared_ptr<const CachedResponse> value) {
  const std::size_t size = value->bytes() + key.size();
  if (size > m_max_bytes || m_max_entries == 0) {
    return;
  }
  std::unique_lock lock(m_mutex);
  if (m_entries.contains(key)) {
    return;
  }
  while (!m_order.empty() && (m_entries.size() >= m_max_entries || m_bytes + size > m_max_bytes)) {
    const auto oldest = m_entries.find(m_order.front());
    m_bytes -= oldest->second->bytes() + oldest->first.size();
    m_entries.erase(oldest);
    m_order.pop_front();
  }
  m_entries.emplace(key, std::move(value));
  m_order.push_back(key);
  m_bytes += size;
}

void ResponseCache::clear() {
  std::unique_lock lock(m_mutex);
  m_entries.clear();
  m_order.clear();
  m_bytes = 0;
}

std::size_t ResponseCache::entries() const {
  std::shared_lock lock(m_mutex);
  return m_entries.size();
}

std::size_t ResponseCache::bytes() const {
  std::shared_lock lock(m_mutex);
  return m_bytes;
}

}  // namespace rung::web
