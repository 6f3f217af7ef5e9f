#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// A text quoted in a message, cut to a readable length: at most `max_bytes` bytes, cut at a
// UTF-8 character boundary, with "..." when cut. Header-only (small, and a new .cpp would
// reshuffle every unity batch after it).
namespace rung {

inline std::string shorten(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) {
    return std::string(text);
  }
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return std::string(text.substr(0, cut)) + "...";
}

}  // namespace rung
