#pragma once

#include <string>

#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"

namespace CLI {
class App;
}

namespace rung::cli {

// Adds the `--ladder FILE` option shared by every command that reads a ladder.
void add_ladder_option(CLI::App& sub, std::string& path);

// The ladder a command works on: the file at `path`, or the built-in ladder when `path` is
// empty. On failure returns every problem found in the file.
Results<model::Ladder> open_ladder(const std::string& path);

}  // namespace rung::cli
