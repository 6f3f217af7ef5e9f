#pragma once

#include <string>
#include <string_view>

// Putting ladder text into Markdown (CommonMark with GitHub's
// extensions: tables, strikethrough, autolinks) so that it shows as written.
namespace rung::format {

// Where the text goes; each place has its own risks.
enum class MdPlace {
  // A paragraph or a list item: line breaks in the text become hard breaks ("\" + newline)
  // indented to stay inside a list item; every line's start is guarded against block syntax
  // ("# ", "> ", "- ", "+ ", "1. ", "=", "---").
  text,
  // A table cell: '|' is escaped and line breaks become <br>.
  table_cell,
  // A heading's text: line breaks become spaces and every '#' is escaped.
  heading,
};

// `text` escaped so that Markdown shows it literally: '\', '`', '*', '[', ']', '<' and '~' are
// always backslash-escaped; '_' unless it sits between two ASCII letters or digits (snake_case
// stays readable); '&' when it starts what reads as an entity ("&amp;"); line-start syntax and
// table pipes as `place` says. Spaces and tabs at either end of each line are dropped (Markdown
// would drop them or, four deep, turn the line into code).
std::string md_escape(std::string_view text, MdPlace place);

// A link to an anchor in the same file: "[escaped label](#anchor)". `anchor` must be an id
// (lower-case letters, digits, '-').
std::string md_link(std::string_view label, std::string_view anchor, MdPlace place);

}  // namespace rung::format
