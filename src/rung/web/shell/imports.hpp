#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "rung/store/store.hpp"

namespace rung::web {

// CSV files an admin uploaded to /admin/people/import and saw the dry run of, waiting for the
// "apply" form, which names the file by its digest (so what is applied is exactly what was
// shown, and the file is not sent twice). In memory, per process: a restart forgets them and
// the admin uploads again. At most k_max_files, each kept k_max_age. Thread-safe.
class PendingImports {
 public:
  struct Upload {
    std::string digest;    // BLAKE2b-256 of the bytes, hex
    std::string filename;  // as the browser sent it, for the page
    std::string bytes;
    std::string actor;  // the login of the admin who uploaded it: only they may apply it
    store::Millis at = 0;
  };

  static constexpr std::size_t k_max_files = 8;
  static constexpr store::Millis k_max_age = 60 * 60 * 1000;

  // Keeps the upload (dropping the oldest beyond the bounds) and returns its digest.
  std::string put(std::string filename, std::string bytes, std::string actor, store::Millis now);
  // The upload with `digest` made by `actor`, when still kept.
  std::shared_ptr<const Upload> find(std::string_view digest, std::string_view actor,
                                     store::Millis now) const;
  void remove(std::string_view digest);

 private:
  mutable std::mutex m_mutex;
  std::deque<std::shared_ptr<const Upload>> m_uploads;  // oldest first
};

}  // namespace rung::web
