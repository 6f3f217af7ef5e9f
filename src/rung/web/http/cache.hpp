#pragma once

#include <atomic>
#include <cstddef>
#include <deque>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "rung/web/http/http.hpp"

namespace rung::web {

// One response rendered once and kept: both its plain and gzip forms, each with its strong
// ETag. Immutable once built, shared by every request that hits it.
struct CachedResponse {
  int status = 200;
  std::string content_type;
  std::string cache_control;
  std::shared_ptr<const std::string> body;
  std::string etag;
  std::shared_ptr<const std::string> gzip_body;  // null when not worth compressing
  std::string gzip_etag;

  std::size_t bytes() const;
};

// Builds the cached form of a handler's response; gzip only for text-like content types of at
// least `gzip_min_bytes`.
std::shared_ptr<const CachedResponse> make_cached(Response response, std::size_t gzip_min_bytes);

// The answer to one request from a cached response: 304 when If-None-Match matches the ETag of
// the form the client would get, else 200 with the gzip form when Accept-Encoding allows it.
// Sets ETag, Cache-Control, Content-Type, Vary and Content-Encoding.
Response serve_cached(const std::shared_ptr<const CachedResponse>& cached, const Request& request);

// Rendered responses by request target. Bounded by entry count and bytes; when full, the oldest
// entries go first (pages cost little to render again, so first-in-first-out is enough and keeps
// hits lock-free of writes). Thread-safe: readers share a lock, inserts take it exclusively.
class ResponseCache {
 public:
  ResponseCache(std::size_t max_entries, std::size_t max_bytes)
      : m_max_entries(max_entries), m_max_bytes(max_bytes) {}

  std::shared_ptr<const CachedResponse> find(std::string_view key) const;
  // Keeps `value` under `key` unless it alone is larger than the byte bound.
  void insert(const std::string& key, std::shared_ptr<const CachedResponse> value);
  // Drops every entry (a new ladder: every page changes). Counters are kept.
  void clear();

  std::size_t entries() const;
  std::size_t bytes() const;
  std::uint64_t hits() const { return m_hits.load(std::memory_order_relaxed); }
  std::uint64_t misses() const { return m_misses.load(std::memory_order_relaxed); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const {
      return std::hash<std::string_view>{}(key);
    }
  };

  std::size_t m_max_entries;
  std::size_t m_max_bytes;
  mutable std::shared_mutex m_mutex;
  std::unordered_map<std::string, std::shared_ptr<const CachedResponse>, Hash, std::equal_to<>>
      m_entries;
  std::deque<std::string> m_order;  // insertion order, oldest first
  std::size_t m_bytes = 0;
  mutable std::atomic<std::uint64_t> m_hits{0};
  mutable std::atomic<std::uint64_t> m_misses{0};
};

}  // namespace rung::web
