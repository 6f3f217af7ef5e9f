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

// An id for a track named `name` that reads unambiguously beside `taken` (the ids of the other
// tracks): never one of them, never ending in "-<number>" (which reads as a level id: the
// levels of track "se" are "se-1", "se-2", ...), and never "<taken>-<number>" or a prefix that
// would make one of `taken` read as its level. Tries, in order: the initials; the slug of the
// first word, the first two words, ... the whole name; then the initials followed by 'b', 'c',
// ... ("seb"); then the initials and a letter pair. "Sales Engineer" beside "se" -> "sales".
std::string track_id(std::string_view name, const IdSet& taken);

// Whether `id` could be taken for a level id of a track in `taken`, or a track in `taken` for
// a level id of `id` ("se-2" beside "se"; "se" beside "se-2"), or ends in "-<number>".
bool reads_as_level_id(std::string_view id, const IdSet& taken);

// The slug of the name's first word ("Role Highlights" -> "role"); when that is taken, the
// slug of the first two words ("role-highlights"), and so on; when the whole name's slug is
// taken (or empty), unique_id of it (or of "area").
std::string area_slug(std::string_view name, const IdSet& taken);

}  // namespace rung::importer
