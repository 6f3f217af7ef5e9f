#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/importer/text_lines.hpp"
#include "rung/model/ladder.hpp"

namespace rung::importer {

// A read position over the non-blank lines of a plain-text ladder, and the parser's way of
// saying what went wrong there. Holds references: `lines` must outlive the cursor.
class LineCursor {
 public:
  LineCursor(const std::vector<Line>& lines, std::string_view file_name)
      : m_lines(lines), m_file(file_name) {}

  // The line `ahead` lines on, or nullptr past the end.
  const Line* peek(std::size_t ahead = 0) const {
    return m_pos + ahead < m_lines.size() ? &m_lines[m_pos + ahead] : nullptr;
  }
  // Moves past the next line and returns it. Precondition: peek() != nullptr.
  const Line& take() { return m_lines[m_pos++]; }
  bool peek_text() const { return peek() != nullptr && peek()->kind == LineKind::text; }
  // The next line is a text line equal to the keyword (see text_fields.hpp is_keyword).
  bool peek_keyword(std::string_view keyword) const;

  std::size_t position() const { return m_pos; }
  const std::vector<Line>& lines() const { return m_lines; }

  static model::SourceLoc loc(const Line& line) { return {line.number, line.column}; }
  Location where(const Line& line) const {
    return Location{std::string(m_file), line.number, line.column};
  }
  Location where(model::SourceLoc loc) const {
    return Location{std::string(m_file), loc.line, loc.column};
  }

  // The error "expected <what>, found <the next line, quoted and shortened>" (or "found end of
  // input"), located at the next line (or at the last line, without a column).
  tl::unexpected<Error> expected(std::string_view what, std::string hint = {},
                                 std::string code = "import.expected") const;

 private:
  std::string found() const;

  const std::vector<Line>& m_lines;
  std::string_view m_file;
  std::size_t m_pos = 0;
};

}  // namespace rung::importer
