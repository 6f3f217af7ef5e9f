#include "rung/core/text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace rung {

namespace {

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

constexpr std::string_view k_nbsp = "\xC2\xA0";

}  // namespace

std::string_view trim(std::string_view text) {
  for (;;) {
    if (!text.empty() && is_space(static_cast<unsigned char>(text.front()))) {
      text.remove_prefix(1);
    } else if (text.starts_with(k_nbsp)) {
      text.remove_prefix(k_nbsp.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!text.empty() && is_space(static_cast<unsigned char>(text.back()))) {
      text.remove_suffix(1);
    } else if (text.ends_with(k_nbsp)) {
      text.remove_suffix(k_nbsp.size());
    } else {
      break;
    }
  }
  return text;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string slugify(std::string_view text) {
  std::string out;
  bool pending_dash = false;
  for (unsigned char c : text) {
    if (std::isalnum(c) != 0 && c < 0x80) {
      if (pending_dash && !out.empty()) {
        out.push_back('-');
      }
      pending_dash = false;
      out.push_back(static_cast<char>(std::tolower(c)));
    } else {
      pending_dash = true;
    }
  }
  return out;
}

namespace {

// The distance, or any value above `limit` as soon as every cell of a row exceeds it (a row's
// smallest cell never decreases further down, except through a transposition, which costs
// one more than a cell two rows up: so two rows above the limit end it).
std::size_t bounded_distance(std::string_view a, std::string_view b, std::size_t limit) {
  // Optimal string alignment: three rows suffice to see one transposition back.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    previous[j] = j;
  }
  std::size_t rows_over = 0;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      row_min = std::min(row_min, current[j]);
    }
    rows_over = row_min > limit ? rows_over + 1 : 0;
    if (rows_over >= 2) {
      return limit + 1;
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return bounded_distance(a, b, std::max(a.size(), b.size()));
}

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates) {
  const std::string lowered = ascii_lower(word);
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const auto& candidate : candidates) {
    const std::size_t longest = std::max(word.size(), candidate.size());
    const std::size_t allowed = std::clamp<std::size_t>(longest / 3, 1, 4);
    // The distance is at least the difference in length: a word much longer or shorter than
    // the candidate (a pasted paragraph where an id belongs) is skipped without the quadratic
    // comparison.
    if (longest - std::min(word.size(), candidate.size()) > allowed) {
      continue;
    }
    const std::size_t distance = bounded_distance(lowered, ascii_lower(candidate), allowed);
    if (distance <= allowed && (!best || distance < best_distance)) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    unsigned char c = bytes[i];
    std::size_t extra = 0;
    std::uint32_t min_code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      extra = 1;
      min_code = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      min_code = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      min_code = 0x10000;
    } else {
      return i;
    }
    if (i + extra >= n) {
      return i;
    }
    std::uint32_t code = c & (0x3F >> extra);
    for (std::size_t k = 1; k <= extra; ++k) {
      unsigned char next = bytes[i + k];
      if ((next & 0xC0) != 0x80) {
        return i;
      }
      code = (code << 6) | (next & 0x3F);
    }
    if (code < min_code || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return i;
    }
    i += extra + 1;
  }
  return std::nullopt;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.push_back(text.substr(start, i - start));
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
      start = i + 1;
    }
  }
  if (start < text.size()) {
    lines.push_back(text.substr(start));
  }
  return lines;
}

std::string join(std::span<const std::string> items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += separator;
    }
    out += items[i];
  }
  return out;
}

std::string percent_encode(std::string_view text) {
  static constexpr std::string_view k_hex = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(k_hex[byte >> 4]);
      out.push_back(k_hex[byte & 0xf]);
    }
  }
  return out;
}

}  // namespace rung
