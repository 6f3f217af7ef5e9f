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

char TextPositions::char_at(int line, int byte_column) const {
  if (line < 0 || byte_column < 0 || static_cast<std::size_t>(line) >= m_line_starts.size()) {
    return '\0';
  }
  const std::size_t offset =
      m_line_starts[static_cast<std::size_t>(line)] + static_cast<std::size_t>(byte_column);
  return offset < m_text.size() ? m_text[offset] : '\0';
}

std::pair<int, int> TextPositions::content_start_before(int line, int byte_column) const {
  if (line < 0 || byte_column < 0 || static_cast<std::size_t>(line) >= m_line_starts.size()) {
    return {line, byte_column};
  }
  std::size_t at = std::min(
      m_line_starts[static_cast<std::size_t>(line)] + static_cast<std::size_t>(byte_column),
      m_text.size());
  while (at > m_line_starts.front() &&
         std::string_view(" \t\r\n").find(m_text[at - 1]) != std::string_view::npos) {
    --at;
  }
  if (at == m_line_starts.front()) {
    return {line, byte_column};
  }
  auto after = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), at - 1);
  const auto found_line = static_cast<std::size_t>(after - m_line_starts.begin()) - 1;
  std::size_t start = m_line_starts[found_line];
  while (m_text[start] == ' ' || m_text[start] == '\t') {
    ++start;
  }
  return {static_cast<int>(found_line), static_cast<int>(start - m_line_starts[found_line])};
}

model::SourceLoc TextPositions::of_offset(std::size_t offset) const {
  offset = std::max(offset, m_line_starts.front());
  auto after = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  const auto line = static_cast<std::size_t>(after - m_line_starts.begin()) - 1;
  return {static_cast<int>(line) + 1, columns_between(m_line_starts[line], offset) + 1};
}

}  // namespace rung::format
