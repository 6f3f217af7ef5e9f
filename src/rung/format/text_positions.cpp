#include "rung/format/text_positions.hpp"

#include <algorithm>

namespace rung::format {

namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

TextPositions::TextPositions(std::string_view text) : m_text(text) {
  m_line_starts.push_back(text.starts_with(k_utf8_bom) ? k_utf8_bom.size() : 0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      m_line_starts.push_back(i + 1);
    }
  }
}

int TextPositions::columns_between(std::size_t begin, std::size_t end) const {
  int columns = 0;
  for (std::size_t i = begin; i < end; ++i) {
    if (i >= m_text.size() || !is_continuation_byte(m_text[i])) {
      ++columns;
    }
  }
  return columns;
}

model::SourceLoc TextPositions::of_mark(int line, int byte_column) const {
  if (line < 0 || byte_column < 0) {
    return {};
  }
  const auto index = static_cast<std::size_t>(line);
  if (index >= m_line_starts.size()) {
    return {line + 1, byte_column + 1};
  }
  const std::size_t start = m_line_starts[index];
  return {line + 1, columns_between(start, start + static_cast<std::size_t>(byte_column)) + 1};
}

model::SourceLoc TextPositions::of_offset(std::size_t offset) const {
  offset = std::max(offset, m_line_starts.front());
  auto after = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  const auto line = static_cast<std::size_t>(after - m_line_starts.begin()) - 1;
  return {static_cast<int>(line) + 1, columns_between(m_line_starts[line], offset) + 1};
}

}  // namespace rung::format
