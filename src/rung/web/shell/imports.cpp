#include "rung/web/shell/imports.hpp"

#include <sodium.h>

#include "rung/auth/token.hpp"

namespace rung::web {

namespace {

// The store keeps text; a CSV file may be in any encoding (or none), so it goes in as base64.
std::string to_base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::optional<std::string> from_base64(std::string_view text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

}  // namespace

Result<std::string> PendingImports::put(std::string_view filename, std::string_view bytes,
                                        std::string_view actor, std::int64_t people_version,
                                        store::Millis now) {
  const std::string token = auth::new_token();
  store::PendingImport upload;
  upload.token_hash = auth::token_hash(token);
  upload.actor = std::string(actor);
  upload.filename = std::string(filename);
  upload.content = to_base64(bytes);
  upload.people_version = people_version;
  upload.created_at = now;
  RUNG_TRY(m_store.write([&](store::Writer& writer) -> Result<void> {
    RUNG_TRY(writer.delete_pending_imports_before(now - k_max_age));
    return writer.insert_pending_import(upload);
  }));
  return token;
}

Result<std::optional<PendingImports::Upload>> PendingImports::find(std::string_view token,
                                                                   std::string_view actor,
                                                                   store::Millis now) const {
  if (token.empty()) {
    return std::nullopt;
  }
  std::optional<store::PendingImport> kept;
  RUNG_TRY(m_store.write([&](store::Writer& writer) -> Result<void> {
    RUNG_TRY_ASSIGN(kept, writer.pending_import(auth::token_hash(token)));
    return {};
  }));
  if (!kept || kept->actor != actor || now - kept->created_at > k_max_age) {
    return std::nullopt;
  }
  auto bytes = from_base64(kept->content);
  if (!bytes) {
    return std::nullopt;
  }
  return Upload{kept->token_hash,     kept->filename,   std::move(*bytes), kept->actor,
                kept->people_version, kept->created_at, kept->applied_at};
}

Result<void> PendingImports::shown_again(std::string_view token, std::int64_t people_version) {
  return m_store.write([&](store::Writer& writer) -> Result<void> {
    RUNG_TRY_ASSIGN(auto kept, writer.pending_import(auth::token_hash(token)));
    if (!kept || kept->applied_at != 0) {
      return {};
    }
    kept->people_version = people_version;
    return writer.update_pending_import(*kept);
  });
}

Result<void> PendingImports::mark_applied(store::Writer& writer, std::string_view token,
                                          store::Millis now) {
  RUNG_TRY_ASSIGN(auto kept, writer.pending_import(auth::token_hash(token)));
  if (!kept || kept->applied_at != 0) {
    return fail(ErrorKind::conflict, "people.import-applied",
                "this file was applied already (perhaps from another tab or by a second click); "
                "nothing was changed now",
                {}, "upload the file again to see what it would change today");
  }
  kept->applied_at = now;
  kept->content.clear();
  return writer.update_pending_import(*kept);
}

}  // namespace rung::web
