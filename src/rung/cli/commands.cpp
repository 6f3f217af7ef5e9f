#include <array>

#include "rung/cli/command.hpp"
#include "rung/cli/validate.hpp"

namespace rung::cli {

std::span<const Command> commands() {
  static const std::array<Command, 1> table{{
      {"validate", "Check a ladder YAML file and report every problem", setup_validate},
  }};
  return table;
}

}  // namespace rung::cli
