#pragma once

#include <string>
#include <string_view>

// ANSI terminal styles (SGR escape sequences) for the reports commands print. Renderers take a
// "colour on" flag and call paint(), so that output without colour is plain text.

namespace rung::ansi {

inline constexpr std::string_view k_reset = "\x1b[0m";
inline constexpr std::string_view k_bold = "\x1b[1m";
inline constexpr std::string_view k_dim = "\x1b[2m";
inline constexpr std::string_view k_red = "\x1b[31m";
inline constexpr std::string_view k_green = "\x1b[32m";
inline constexpr std::string_view k_yellow = "\x1b[33m";
inline constexpr std::string_view k_cyan = "\x1b[36m";
inline constexpr std::string_view k_bold_yellow = "\x1b[1;33m";

// `text` wrapped in `style` and a reset when `on`; `text` unchanged otherwise (and when empty).
inline std::string paint(std::string_view text, std::string_view style, bool on) {
  if (!on || text.empty()) {
    return std::string(text);
  }
  std::string out;
  out.reserve(style.size() + text.size() + k_reset.size());
  out.append(style).append(text).append(k_reset);
  return out;
}

}  // namespace rung::ansi
