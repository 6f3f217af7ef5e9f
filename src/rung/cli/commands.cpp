#include <array>

#include "rung/cli/command.hpp"

namespace rung::cli {

std::span<const Command> commands() {
  static const std::array<Command, 0> table{};
  return table;
}

}  // namespace rung::cli
