#include "rung/importer/text_lines.hpp"

#include <array>
#include <optional>

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::importer {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_nbsp = "\xC2\xA0";
constexpr std::array<std::string_view, 3> k_bullet_markers = {"\xE2\x80\xA2", "-", "*"};

// Line and column (1-based, in bytes) of a byte offset, counting line ends as split_lines does.
Location location_of(std::string_view text, std::size_t offset, std::string_view file_name) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
  return Location{std::string(file_name), line, static_cast<int>(offset - line_start) + 1};
}

std::optional<std::size_t> find_control_byte(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool allowed = c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if ((c < 0x20 && !allowed) || c == 0x7F) {
      return i;
    }
  }
  return std::nullopt;
}

Result<void> check_input(std::string_view text, std::string_view file_name, std::size_t max_bytes) {
  if (text.size() > max_bytes) {
    return fail(ErrorKind::too_large, "import.too-large",
                fmt::format("the input is {} bytes; the limit is {} bytes", text.size(), max_bytes),
                Location{std::string(file_name)},
                "a plain-text ladder is normally well under 100 KB; is this the right file?");
  }
  if (auto at = find_control_byte(text)) {
    return fail("import.binary",
                fmt::format("the input looks binary (byte 0x{:02X}), not a plain-text ladder",
                            static_cast<unsigned char>(text[*at])),
                location_of(text, *at, file_name));
  }
  if (auto at = find_invalid_utf8(text)) {
    return fail("import.invalid-utf8",
                fmt::format("invalid UTF-8 (byte 0x{:02X})", static_cast<unsigned char>(text[*at])),
                location_of(text, *at, file_name), "save the file as UTF-8");
  }
  if (trim(text).empty()) {
    return fail("import.empty", "the input is empty; expected a plain-text ladder",
                Location{std::string(file_name)});
  }
  return {};
}

// Bytes of white space at the front: spaces, tabs and no-break spaces (text pasted from a word
// processor indents and follows bullets with those).
std::size_t leading_space(std::string_view raw) {
  std::size_t n = 0;
  for (;;) {
    if (n < raw.size() && (raw[n] == ' ' || raw[n] == '\t')) {
      ++n;
    } else if (raw.substr(n).starts_with(k_nbsp)) {
      n += k_nbsp.size();
    } else {
      return n;
    }
  }
}

// The length of the bullet marker plus the white space after it, or 0 when `rest` (the line
// after its indentation) is not a bullet.
std::size_t bullet_prefix(std::string_view rest) {
  for (std::string_view marker : k_bullet_markers) {
    if (rest.starts_with(marker)) {
      std::string_view after = rest.substr(marker.size());
      if (after.empty() || leading_space(after) > 0) {
        return marker.size() + leading_space(after);
      }
    }
  }
  return 0;
}

}  // namespace

Result<void> check_text_input(std::string_view input, std::string_view file_name,
                              std::size_t max_bytes) {
  return check_input(input, file_name, max_bytes);
}

Result<std::vector<Line>> read_lines(std::string_view input, std::string_view file_name,
                                     std::size_t max_bytes) {
  RUNG_TRY(check_input(input, file_name, max_bytes));
  std::string_view text = input.starts_with(k_bom) ? input.substr(k_bom.size()) : input;
  std::vector<Line> lines;
  bool previous_was_bullet = false;  // the line just before was a bullet or its continuation
  int number = 0;
  for (std::string_view raw : split_lines(text)) {
    ++number;
    std::string_view content = trim(raw);
    if (content.empty()) {
      previous_was_bullet = false;
      continue;
    }
    std::size_t indent = leading_space(raw);
    std::string_view rest = raw.substr(indent);
    if (std::size_t prefix = bullet_prefix(rest); prefix > 0) {
      std::string_view bullet_text = trim(rest.substr(prefix));
      if (bullet_text.empty()) {
        return fail("import.empty-bullet", "expected text after the bullet",
                    Location{std::string(file_name), number, static_cast<int>(indent) + 1});
      }
      int text_column = static_cast<int>(bullet_text.data() - raw.data()) + 1;
      lines.push_back(Line{number, text_column, LineKind::bullet, std::string(bullet_text)});
      previous_was_bullet = true;
      continue;
    }
    int column = static_cast<int>(content.data() - raw.data()) + 1;
    if (previous_was_bullet && indent > 0) {
      lines.back().text += ' ';
      lines.back().text += content;
      continue;
    }
    lines.push_back(Line{number, column, LineKind::text, std::string(content)});
    previous_was_bullet = false;
  }
  return lines;
}

}  // namespace rung::importer
