#pragma once

#include <string_view>

#include "rung/html/template.hpp"

// Evidence is "text with links": shown with its http(s) addresses as links. The text is split
// into segments the templates render one by one (templates/evidence_text.html), each escaped
// like any other value, so nothing in the text can become markup.
namespace rung::html {

// [{"text": "...", "url": null} | {"text": null, "url": "https://..."}, ...] in order (both
// keys always present, so a template section never looks up an outer "url"). An address starts with
// http:// or https:// and runs to the next white space, less trailing punctuation (.,;:!?'")] and a
// closing bracket with no opening one in the address), so "see https://x/y." links
// "https://x/y". No other scheme is ever a link.
Json link_segments(std::string_view text);

}  // namespace rung::html
