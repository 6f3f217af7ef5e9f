#pragma once

#include <nlohmann/json.hpp>

namespace rung {

// The JSON value of views, API bodies and snapshots: an object keeps its keys in insertion
// order, so what the program writes reads in the order it was built.
using Json = nlohmann::ordered_json;

}  // namespace rung
