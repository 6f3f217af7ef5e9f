#pragma once

#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "rung/core/error.hpp"
#include "rung/format/text_positions.hpp"

// Internal to rung::format: text -> one YAML document, never throwing.
namespace rung::format {

// Parses `text` (already checked by check_input) into its single YAML document's root node.
// Errors: "yaml.syntax" (yaml-cpp's message at its place, with a hint for the common causes;
// also a second document in the file), "yaml.empty" (no content but blank lines and comments).
Results<YAML::Node> parse_document(std::string_view text, const std::string& file_name,
                                   const TextPositions& positions);

}  // namespace rung::format
