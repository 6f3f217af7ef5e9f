#pragma once

#include <optional>

#include <yaml-cpp/yaml.h>

#include "rung/format/yaml_reader.hpp"
#include "rung/model/ladder.hpp"

// Internal to rung::format: tracks, levels and statements of rung/ladder/v1.
namespace rung::format {

// Reads one item of `tracks`; nullopt (reported) when it is not a map.
std::optional<model::Track> read_track(YamlReader& reader, const YAML::Node& node);

}  // namespace rung::format
