#include "rung/format/json_escapes.hpp"

#include <fmt/format.h>

namespace rung::format {

namespace {

// The value of the four hex digits at `at`, or -1.
long hex4(std::string_view text, std::size_t at) {
  if (at + 4 > text.size()) {
    return -1;
  }
  long value = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    const char c = text[i];
    int digit = -1;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      digit = c - 'A' + 10;
    }
    if (digit < 0) {
      return -1;
    }
    value = value * 16 + digit;
  }
  return value;
}

// The code point of a surrogate pair escape "\uHHHH\uLLLL" starting at `at` (a backslash), or -1.
long surrogate_pair_at(std::string_view text, std::size_t at) {
  if (at + 12 > text.size() || text.substr(at, 2) != "\\u" || text.substr(at + 6, 2) != "\\u") {
    return -1;
  }
  const long high = hex4(text, at + 2);
  const long low = hex4(text, at + 8);
  if (high < 0xD800 || high > 0xDBFF || low < 0xDC00 || low > 0xDFFF) {
    return -1;
  }
  return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
}

}  // namespace

std::optional<std::string> rewrite_surrogate_escapes(std::string_view text) {
  std::optional<std::string> out;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      continue;
    }
    const long code_point = surrogate_pair_at(text, i);
    if (code_point < 0) {
      ++i;  // skip the escaped character, so that "\\uD83D" stays a backslash and text
      continue;
    }
    if (!out) {
      out.emplace();
      out->reserve(text.size());
    }
    out->append(text.substr(copied, i - copied));
    out->append(fmt::format("\\U{:08X}", code_point));
    i += 11;
    copied = i + 1;
  }
  if (out) {
    out->append(text.substr(copied));
  }
  return out;
}

}  // namespace rung::format
