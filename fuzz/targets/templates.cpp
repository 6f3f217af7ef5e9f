// Template rendering of hostile values: whatever a value holds, it reaches the page escaped.
#include <string>
#include <string_view>

#include "rung/html/template.hpp"

#include "../targets.hpp"

namespace rung::fuzz {

// The value is rendered in text, in a quoted attribute and as list items; the page may contain
// no character that could end the text or the attribute except those of the template itself.
void template_values(const std::uint8_t* data, std::size_t size) {
  static const html::Templates templates = [] {
    static constexpr std::pair<std::string_view, std::string_view> k_sources[] = {
        {"page", "<p title=\"{{value}}\">{{value}}</p>{{#items}}<i>{{.}}</i>{{/items}}"}};
    auto compiled = html::Templates::compile(k_sources);
    check(compiled.has_value(), "the template compiles");
    return std::move(*compiled);
  }();
  const std::string value(reinterpret_cast<const char*>(data), size);
  Json items = Json::array();
  for (std::size_t at = 0; at < value.size(); at += 7) {
    items.push_back(value.substr(at, 7));
  }
  const std::string page = templates.render("page", Json{{"value", value}, {"items", items}});
  const std::size_t markup = 2 + 2 * items.size();  // <p ...> and </p>, then <i> and </i> each
  std::size_t opened = 0;
  std::size_t quotes = 0;
  for (const char c : page) {
    opened += c == '<' ? 1 : 0;
    quotes += c == '"' ? 1 : 0;
  }
  check(opened == markup, "no '<' of a value reaches the page");
  check(quotes == 2, "no '\"' of a value reaches the page");
  check(page.find('\'') == std::string::npos, "no apostrophe of a value reaches the page");
}

}  // namespace rung::fuzz
