#pragma once

#include <string>
#include <string_view>

namespace rung {

// `text` made safe as XML character data and as a double- or single-quoted attribute value:
// & < > " ' become entities; every other byte is kept (UTF-8 passes through unchanged).
// For SVG and other XML that Rung writes outside the web templates.
std::string escape_xml(std::string_view text);

}  // namespace rung
