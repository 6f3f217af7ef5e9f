#pragma once

#include <string_view>

#include "rung/model/ladder.hpp"

namespace rung::builtin {

// The YAML of ladders/engineering.yaml, compiled into the binary.
std::string_view engineering_yaml();

// The built-in ladder, parsed once on first use (thread-safe). Aborts with a message if the
// embedded YAML does not load, which the tests rule out.
const model::Ladder& engineering_ladder();

// The name locations in the built-in ladder report: "<built-in>/engineering.yaml".
inline constexpr std::string_view k_builtin_file = "<built-in>/engineering.yaml";

}  // namespace rung::builtin
