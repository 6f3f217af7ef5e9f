#pragma once

#include <map>
#include <string>

#include <yaml-cpp/yaml.h>

#include "rung/format/yaml_reader.hpp"
#include "rung/model/ladder.hpp"

// Internal to rung::format: the rung/ladder/v1 structure on top of YamlReader.
namespace rung::format {

struct LadderRead {
  model::LadderData data;
  // False when the file was not read to the end: it declares another schema, is not a map, or
  // holds more elements than the reader's budget. Model rules are then not checked.
  bool complete = true;
  // Where to point model::validate errors that concern the whole ladder (they come without a
  // location): validate error code -> the top-level key it is about.
  std::map<std::string, model::SourceLoc, std::less<>> places;
};

// Reads the ladder held by `root` (the document's root node). Every problem is reported to
// `reader`; the result holds everything that could be read, with every SourceLoc filled.
// Absent scale and readiness take model/defaults.hpp values.
LadderRead read_ladder(YamlReader& reader, const YAML::Node& root);

}  // namespace rung::format
