#include "rung/builtin/builtin.hpp"

#include <cstdlib>
#include <iostream>

#include "rung/format/ladder_yaml.hpp"

namespace rung::builtin {

extern const std::string_view k_engineering_yaml;

std::string_view engineering_yaml() {
  return k_engineering_yaml;
}

const model::Ladder& engineering_ladder() {
  static const model::Ladder ladder = [] {
    auto data = format::parse_ladder_yaml(k_engineering_yaml, k_builtin_file);
    if (!data) {
      for (const auto& error : data.error()) {
        std::cerr << error.to_string() << '\n';
      }
      std::abort();
    }
    return model::Ladder(std::move(*data));
  }();
  return ladder;
}

}  // namespace rung::builtin
