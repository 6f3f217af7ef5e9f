#pragma once

#include <optional>
#include <string>
#include <string_view>

// Internal to rung::format: reading JSON through the YAML parser.
namespace rung::format {

// JSON writes a character beyond U+FFFF either as it is or as a UTF-16 surrogate pair of escapes
// ("\uD83D\uDE00" for U+1F600; Python's json.dump does so by default). YAML's \u is one code
// point, and yaml-cpp refuses surrogates, so this rewrites every such pair as the YAML escape of
// the same character ("\U0001F600"). A pair counts only where its backslash is not itself
// escaped. Returns nullopt when the text has no such pair (the common case: nothing is copied).
// Positions after a rewritten pair on the same line move two columns to the left.
std::optional<std::string> rewrite_surrogate_escapes(std::string_view text);

}  // namespace rung::format
