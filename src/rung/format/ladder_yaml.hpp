#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"

namespace rung::format {

struct LoadOptions {
  std::size_t max_bytes = 16 * 1024 * 1024;  // larger input is refused ("file.too-large")
  bool validate = true;                      // run model::validate after parsing (default on)
  std::size_t max_errors = 100;              // problems reported at most; one more says so
  std::size_t max_elements = 500000;         // YAML nodes read at most ("yaml.too-complex")
};

// Parses ladder YAML (docs/ladder-format.md). `file_name` is used in every location reported.
// Returns the ladder, or every problem found: malformed YAML, unknown keys (with a "did you
// mean"), missing fields, wrong types, invalid UTF-8, and (when options.validate) the model's
// own rules. Every SourceLoc of the result is filled from the YAML marks.
Results<model::LadderData> parse_ladder_yaml(std::string_view text, std::string_view file_name,
                                             const LoadOptions& options = {});

// Reads `path` (see core/fs.hpp for file errors) and parses it.
Results<model::LadderData> load_ladder_file(const std::filesystem::path& path,
                                            const LoadOptions& options = {});

// Serialises a ladder to YAML in the documented layout. Deterministic; parse_ladder_yaml of the
// result gives back the same LadderData (locations aside).
std::string to_yaml(const model::LadderData& data);

struct WriteOptions {
  std::string header;  // written first as YAML comments ("# " + each line); default: none
};

// to_yaml with options: a header comment (e.g. where the file came from).
std::string to_yaml(const model::LadderData& data, const WriteOptions& options);

}  // namespace rung::format
