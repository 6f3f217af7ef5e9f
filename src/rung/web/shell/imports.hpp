#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rung/core/error.hpp"
#include "rung/store/store.hpp"

namespace rung::web {

// CSV files an admin uploaded to /admin/people/import and saw the dry run of, waiting for the
// "apply" form. Kept in the store (schema 12, table pending_import), so that the dry run made
// through one `rung serve` can be applied through another, and a restart forgets nothing. The
// form names an upload by an unguessable token (only the uploader's page holds it; the store
// keeps its digest), and only the admin who uploaded it may apply it. An upload is kept
// k_max_age; at apply its content is emptied in the same transaction as the import, and the
// row stays (until it expires) so that a second apply is refused with a clear message.
// Thread-safe.
class PendingImports {
 public:
  struct Upload {
    std::string token_hash;
    std::string filename;             // as the browser sent it, for the page
    std::string bytes;                // "" once applied
    std::string actor;                // the login of the admin who uploaded it
    std::int64_t people_version = 0;  // of the dry run last shown
    store::Millis at = 0;
    store::Millis applied_at = 0;  // 0: waiting for Apply
  };

  static constexpr store::Millis k_max_age = 60 * 60 * 1000;

  explicit PendingImports(store::Store& store) : m_store(store) {}

  // Keeps the upload, whose dry run was made at `people_version`, and returns its token (for
  // the page's form). Prunes expired uploads in the same write.
  Result<std::string> put(std::string_view filename, std::string_view bytes, std::string_view actor,
                          std::int64_t people_version, store::Millis now);
  // The upload named by `token` made by `actor`, when still kept (an applied one too).
  Result<std::optional<Upload>> find(std::string_view token, std::string_view actor,
                                     store::Millis now) const;
  // A new dry run of the upload was shown, made at `people_version`.
  Result<void> shown_again(std::string_view token, std::int64_t people_version);
  // Inside the import's write: marks the upload applied and empties it. Error
  // "people.import-applied" (conflict) when another apply took it first.
  static Result<void> mark_applied(store::Writer& writer, std::string_view token,
                                   store::Millis now);

 private:
  store::Store& m_store;
};

}  // namespace rung::web
