#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "rung/core/error.hpp"
#include "rung/format/text_positions.hpp"

// Internal to rung::format: checks on the raw bytes before any YAML parsing.
namespace rung::format {

// Problems that make the text unfit to parse at all, each with its place: larger than
// `max_bytes` ("file.too-large", checked first and alone, so a huge input is refused without
// being scanned), UTF-16/UTF-32 ("yaml.encoding"), NUL bytes ("yaml.binary"), bytes that are
// not UTF-8 ("yaml.encoding", at the first bad byte). At most one error.
Errors check_input(std::string_view text, const std::string& file_name,
                   const TextPositions& positions, std::size_t max_bytes);

}  // namespace rung::format
