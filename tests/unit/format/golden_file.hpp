#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace rung::format::testing {

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// True when RUNG_UPDATE_GOLDEN=1: golden tests then rewrite their expected files.
inline bool updating_golden_files() {
  const char* update = std::getenv("RUNG_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

}  // namespace rung::format::testing
