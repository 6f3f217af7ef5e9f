#include "rung/core/xml.hpp"

namespace rung {

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped_xml(out, text);
  return out;
}

void append_escaped_xml(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace rung
