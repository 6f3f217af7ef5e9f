#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "rung/model/ladder.hpp"

namespace rung::format {

// Turns positions in a text into 1-based lines and columns, where a column counts characters
// (a UTF-8 sequence is one column, as in an editor), not bytes. Lines end at '\n' (a "\r\n"
// pair ends a line too); a leading UTF-8 byte order mark is not counted.
// Holds a view of the text: the text must outlive this object.
class TextPositions {
 public:
  explicit TextPositions(std::string_view text);

  // The place of a yaml-cpp mark, given as its 0-based line and 0-based byte column.
  model::SourceLoc of_mark(int line, int byte_column) const;

  // The place of the byte at `offset` (0-based, counted from the very start of the text).
  model::SourceLoc of_offset(std::size_t offset) const;

  // The 0-based line and byte column of the first non-blank character on the line of the last
  // non-blank character before the given place (0-based line and byte column). The place
  // itself when there is none.
  std::pair<int, int> content_start_before(int line, int byte_column) const;

  // The byte a yaml-cpp mark points at, or '\0' when the mark is outside the text.
  char char_at(int line, int byte_column) const;

 private:
  int columns_between(std::size_t begin, std::size_t end) const;

  std::string_view m_text;
  std::vector<std::size_t> m_line_starts;
};

}  // namespace rung::format
