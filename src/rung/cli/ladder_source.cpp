#include "rung/cli/ladder_source.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "rung/builtin/builtin.hpp"
#include "rung/core/text.hpp"
#include "rung/format/ladder_yaml.hpp"

namespace rung::cli {

void add_ladder_option(CLI::App& sub, std::string& path) {
  sub.add_option("--ladder", path, "Ladder YAML file to use (default: the built-in ladder)")
      ->option_text("FILE");
}

Results<model::Ladder> open_ladder(const std::string& path) {
  if (path.empty()) {
    return builtin::engineering_ladder();
  }
  auto data = format::load_ladder_file(path);
  if (!data) {
    return tl::unexpected(std::move(data).error());
  }
  return model::Ladder(std::move(*data));
}

}  // namespace rung::cli
