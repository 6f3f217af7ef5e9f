#include <array>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/validate.hpp"

namespace rung::cli {

std::span<const Command> commands() {
  static const std::array table{
      Command{"show", "Print the ladder: the overview, a track or a level", setup_show},
      Command{"validate", "Check a ladder YAML file and report every problem", setup_validate},
      Command{"import", "Import a plain-text ladder document as ladder YAML", setup_import},
      Command{"serve", "Serve the ladder as web pages and a JSON API", setup_serve},
  };
  return table;
}

}  // namespace rung::cli
