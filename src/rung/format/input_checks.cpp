#include "rung/format/input_checks.hpp"

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::format {

namespace {

Location place(const std::string& file_name, const TextPositions& positions, std::size_t offset) {
  const model::SourceLoc loc = positions.of_offset(offset);
  return Location{file_name, loc.line, loc.column};
}

// The name of a UTF-16 or UTF-32 byte order mark at the start of `text`, or "".
std::string_view wide_encoding(std::string_view text) {
  if (text.starts_with(std::string_view("\x00\x00\xFE\xFF", 4)) ||
      text.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) {
    return "UTF-32";
  }
  if (text.starts_with("\xFE\xFF") || text.starts_with("\xFF\xFE")) {
    return "UTF-16";
  }
  return "";
}

}  // namespace

Errors check_input(std::string_view text, const std::string& file_name,
                   const TextPositions& positions, std::size_t max_bytes) {
  if (text.size() > max_bytes) {
    return {Error{
        "file.too-large",
        fmt::format("the ladder is {} bytes; the limit is {} bytes", text.size(), max_bytes),
        Location{file_name}, "a ladder file is normally well under 1 MB; is this the right file?",
        ErrorKind::too_large}};
  }
  if (auto encoding = wide_encoding(text); !encoding.empty()) {
    return {Error{"yaml.encoding", fmt::format("the file is encoded as {}, not UTF-8", encoding),
                  Location{file_name, 1, 1}, "save the file as UTF-8"}};
  }
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    return {Error{"yaml.binary", "this looks like a binary file, not YAML (it contains NUL bytes)",
                  place(file_name, positions, nul),
                  "a ladder file is UTF-8 text; see docs/ladder-format.md"}};
  }
  if (auto bad = find_invalid_utf8(text)) {
    return {Error{"yaml.encoding",
                  fmt::format("the file is not valid UTF-8: byte 0x{:02X} cannot start or continue "
                              "a character here",
                              static_cast<unsigned char>(text[*bad])),
                  place(file_name, positions, *bad),
                  "save the file as UTF-8 (it may be in Latin-1 or Windows-1252)"}};
  }
  return {};
}

}  // namespace rung::format
