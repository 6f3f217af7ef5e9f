#include "rung/format/markdown_text.hpp"

#include <cctype>
#include <vector>

#include "rung/core/text.hpp"

namespace rung::format {

namespace {

bool is_word_byte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 0x80;
}

// "&name;" or "&#123;" or "&#x1F;": a character reference Markdown would decode.
bool starts_entity(std::string_view line, std::size_t at) {
  std::size_t i = at + 1;
  if (i < line.size() && line[i] == '#') {
    ++i;
  }
  const std::size_t first = i;
  while (i < line.size() && is_word_byte(line[i])) {
    ++i;
  }
  return i > first && i < line.size() && line[i] == ';';
}

// Escapes a character at the start of a line that would open a block: a heading, a quote, a
// list item, a thematic break or a setext underline. Returns how many bytes it consumed.
std::size_t guard_line_start(std::string_view line, std::string& out) {
  if (line.empty()) {
    return 0;
  }
  const char c = line.front();
  if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=') {
    out += '\\';
    out += c;
    return 1;
  }
  std::size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits])) != 0) {
    ++digits;
  }
  if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')')) {
    out.append(line.substr(0, digits));
    out += '\\';
    out += line[digits];
    return digits + 1;
  }
  return 0;
}

void escape_char(std::string_view line, std::size_t i, MdPlace place, std::string& out) {
  const char c = line[i];
  switch (c) {
    case '\\':
    case '`':
    case '*':
    case '[':
    case ']':
    case '<':
    case '~':
      out += '\\';
      out += c;
      return;
    case '_': {
      const bool inside_word =
          i > 0 && i + 1 < line.size() && is_word_byte(line[i - 1]) && is_word_byte(line[i + 1]);
      out += inside_word ? "_" : "\\_";
      return;
    }
    case '&':
      out += starts_entity(line, i) ? "&amp;" : "&";
      return;
    case '|':
      out += place == MdPlace::table_cell ? "\\|" : "|";
      return;
    case '#':
      out += place == MdPlace::heading ? "\\#" : "#";
      return;
    default:
      out += c;
  }
}

std::string_view line_break(MdPlace place) {
  switch (place) {
    case MdPlace::table_cell:
      return "<br>";
    case MdPlace::heading:
      return " ";
    case MdPlace::text:
      break;
  }
  return "\\\n  ";
}

}  // namespace

std::string md_escape(std::string_view text, MdPlace place) {
  std::string out;
  out.reserve(text.size() + 8);
  bool first = true;
  for (std::string_view raw : split_lines(text)) {
    std::string_view line = trim(raw);
    if (line.empty()) {
      continue;
    }
    if (!first) {
      out += line_break(place);
    }
    first = false;
    std::size_t i = place == MdPlace::text ? guard_line_start(line, out) : 0;
    for (; i < line.size(); ++i) {
      escape_char(line, i, place, out);
    }
  }
  return out;
}

std::string md_link(std::string_view label, std::string_view anchor, MdPlace place) {
  std::string out = "[";
  out += md_escape(label, place);
  out += "](#";
  out += anchor;
  out += ')';
  return out;
}

}  // namespace rung::format
