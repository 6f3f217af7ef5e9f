#pragma once

#include <string>
#include <string_view>

// Database URIs as people type them and as logs may show them.
namespace rung::store::postgres {

// Whether `text` names a PostgreSQL database ("postgresql://..." or "postgres://...").
bool is_postgres_uri(std::string_view text);

// `uri` with any password replaced by "***": the one of "user:password@" and a "password="
// parameter (URI query or key=value connection string). Every message that shows a URI shows
// this instead.
std::string redact_uri(std::string_view uri);

}  // namespace rung::store::postgres
