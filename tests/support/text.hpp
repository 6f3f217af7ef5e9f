#pragma once

#include <cstddef>
#include <string_view>

// Small text helpers the tests share.
namespace rung::test_support {

// How many times `needle` occurs in `text`, overlapping occurrences included.
inline std::size_t occurrences(std::string_view text, std::string_view needle) {
  std::size_t found = 0;
  for (auto at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) {
    ++found;
  }
  return found;
}

}  // namespace rung::test_support
