#pragma once

#include <string>
#include <string_view>

#include "rung/core/error.hpp"
#include "rung/html/template.hpp"

namespace rung::html {

// The page templates (src/rung/html/assets/templates/), compiled once. A page is its template
// rendered with a view model (views.hpp), wrapped in the "layout" template. Used alike by
// `rung serve` and by the static-site export. Thread-safe.
class Pages {
 public:
  // Compiles the embedded templates. Errors only if a template is broken (tests rule it out).
  static Results<Pages> load();

  // The whole HTML document for template `page` (e.g. "level") and its view.
  std::string render(std::string_view page, const Json& view) const;
  // The same with HTML the program drew itself (an SVG chart) for the page's {{{name}}} tags.
  // "content" is taken by the page body.
  std::string render(std::string_view page, const Json& view, Fragments fragments) const;

  const Templates& templates() const { return m_templates; }

 private:
  explicit Pages(Templates templates) : m_templates(std::move(templates)) {}

  Templates m_templates;
};

}  // namespace rung::html
