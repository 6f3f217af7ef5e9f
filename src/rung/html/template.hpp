#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "rung/core/error.hpp"
#include "rung/core/json.hpp"

// A small template engine, a subset of Mustache over JSON data, that escapes by default.
//
//   {{name}}              the value, HTML-escaped (& < > " ' become entities); dotted names
//                         walk into objects (track.name) and arrays (items.0, to test for a
//                         non-empty list); {{.}} is the current item
//   {{#name}}..{{/name}}  a section: once per item of a non-empty array (the item becomes the
//                         current context), once with an object as context, once for any other
//                         truthy value; skipped for false, null, 0, "", [] and missing names
//   {{^name}}..{{/name}}  rendered only when the section above would be skipped
//   {{>name}}             another template (a partial), rendered in the current context
//   {{{name}}}            raw HTML, looked up only among the Fragments the caller passes (the
//                         page body a layout wraps), never in the data: data is always escaped
//   {{! comment }}
//
// A line holding only a section, inverted, closing, partial or comment tag (and white space)
// leaves no blank line behind. Compilation refuses, with template:line:col, unbalanced
// sections, unknown partials, "{{&", and a {{name}} inside an HTML tag that is not within a
// double-quoted attribute value (escaping protects only quoted attributes).
namespace rung::html {

// Named HTML that the program produced itself (e.g. {"content": rendered page body}).
using Fragments = std::map<std::string, std::string, std::less<>>;

// Appends `text` to `out` with & < > " ' replaced by entities.
void append_escaped(std::string& out, std::string_view text);
std::string escape_html(std::string_view text);

class Templates {
 public:
  // Compiles every {name, source} pair. Errors: code "template.syntax", located at
  // name:line:col. Every partial a template names must be among the sources.
  static Results<Templates> compile(
      std::span<const std::pair<std::string_view, std::string_view>> sources);

  bool contains(std::string_view name) const;

  // Renders template `name`. Throws std::logic_error for programmer errors the data reveals: an
  // unknown template, {{name}} naming an object or array, a {{{fragment}}} not passed in.
  // Thread-safe: compiled templates are immutable.
  std::string render(std::string_view name, const Json& data,
                     const Fragments& fragments = {}) const;

  struct Node;

 private:
  std::map<std::string, std::shared_ptr<const Node>, std::less<>> m_templates;
};

}  // namespace rung::html
