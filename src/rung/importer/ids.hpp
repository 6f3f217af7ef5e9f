#pragma once

#include <set>
#include <string>
#include <string_view>

namespace rung::importer {

// The default ids the importer gives to what the document names (docs/import-text.md).

using IdSet = std::set<std::string, std::less<>>;

// `base` when it is not in `taken`, else the first free of "base-2", "base-3", ...
std::string unique_id(std::string_view base, const IdSet& taken);

// Lower-case initials of the name's words: "Software Engineer" -> "se". A word contributes its
// first ASCII letter or digit; "track" when no word has one. Not made unique.
std::string track_initials(std::string_view name);

// The slug of the name's first word ("Role Highlights" -> "role"); when that is taken, the
// slug of the first two words ("role-highlights"), and so on; when the whole name's slug is
// taken (or empty), unique_id of it (or of "area").
std::string area_slug(std::string_view name, const IdSet& taken);

}  // namespace rung::importer
