#include "../targets.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>

namespace rung::fuzz {

std::span<const Target> targets() {
  static const std::array table{
      Target{"ladder_yaml", ladder_yaml},       Target{"import_text", import_text},
      Target{"import_layouts", import_layouts}, Target{"hris_csv", hris_csv},
      Target{"ratings_text", ratings_text},     Target{"http_decoding", http_decoding},
      Target{"http_request", http_request},     Target{"template_values", template_values},
  };
  return table;
}

void check(bool condition, std::string_view what) {
  if (!condition) {
    std::fprintf(stderr, "fuzz property failed: %.*s\n", static_cast<int>(what.size()),
                 what.data());
    std::abort();
  }
}

}  // namespace rung::fuzz
