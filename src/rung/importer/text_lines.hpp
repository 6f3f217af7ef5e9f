#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rung/core/error.hpp"

namespace rung::importer {

enum class LineKind { text, bullet };

// One non-blank line of a plain-text ladder, as the parser sees it. A bullet's text is what
// follows the marker; an indented line directly after a bullet has already been joined onto
// that bullet (with one space), so the parser never sees continuation lines.
struct Line {
  int number = 0;  // 1-based line number in the input
  int column = 1;  // 1-based byte column where `text` starts (after a BOM, if any)
  LineKind kind = LineKind::text;
  std::string text;  // trimmed; for a bullet, without the marker
};

// Checks that `input` can be read as a plain-text ladder and splits it into its non-blank lines.
// Refuses (with file:line:col where it applies) input that is empty or only white space
// ("import.empty"), larger than `max_bytes` ("import.too-large"), binary: a NUL or another
// control character besides tab, form feed and line ends ("import.binary"), or not UTF-8
// ("import.invalid-utf8"). A leading UTF-8 byte order mark is skipped; "\n", "\r\n" and "\r"
// all end a line.
//
// A bullet line is one whose first non-space character is '•', '-' or '*' followed by a space,
// tab or no-break space; the marker and the white space around the text are dropped
// ("import.empty-bullet" when nothing is left). A text line that starts with white space and
// directly follows a bullet (or its continuation) with no blank line between continues that bullet.
// White space here is spaces, tabs and no-break spaces.
// The checks read_lines makes before splitting (too large, binary, not UTF-8, empty), for the
// other text layouts (CSV, Markdown, YAML). Same codes and places.
Result<void> check_text_input(std::string_view input, std::string_view file_name,
                              std::size_t max_bytes);

Result<std::vector<Line>> read_lines(std::string_view input, std::string_view file_name,
                                     std::size_t max_bytes);

}  // namespace rung::importer
