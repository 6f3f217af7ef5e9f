#pragma once

#include <string>
#include <string_view>

namespace rung {

// `text` made safe as XML character data and as a double- or single-quoted attribute value:
// & < > " ' become entities; every other byte is kept (UTF-8 passes through unchanged).
// For SVG and other XML that Rung writes outside the web templates; the web templates escape
// every value with the same function (HTML needs the same five entities).
std::string escape_xml(std::string_view text);

// The same, appended to `out` (no temporary string).
void append_escaped_xml(std::string& out, std::string_view text);

}  // namespace rung
