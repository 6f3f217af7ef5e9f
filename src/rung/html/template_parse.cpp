#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/html/template_node.hpp"

namespace rung::html {

namespace {

using Node = Templates::Node;

struct Tag {
  char sigil = 0;  // 0 for a variable; '#', '^', '/', '>', '!', '{'
  std::string name;
  std::size_t begin = 0;  // offset of "{{"
  std::size_t end = 0;    // offset just past "}}" (or "}}}")
};

bool is_blank(std::string_view text) {
  return trim(text).empty() && text.find('\n') == std::string_view::npos;
}

bool is_standalone_kind(char sigil) {
  return sigil == '#' || sigil == '^' || sigil == '/' || sigil == '>' || sigil == '!';
}

class Parser {
 public:
  Parser(std::string_view name, std::string_view source) : m_name(name), m_source(source) {}

  Result<Node> run() {
    Node root;
    std::vector<Node*> open{&root};
    std::size_t pos = 0;
    while (pos < m_source.size()) {
      const std::size_t begin = m_source.find("{{", pos);
      if (begin == std::string_view::npos) {
        add_text(*open.back(), m_source.substr(pos));
        break;
      }
      RUNG_TRY_ASSIGN(Tag tag, read_tag(begin));
      std::size_t text_end = begin;
      std::size_t next = tag.end;
      trim_standalone(tag, pos, text_end, next);
      add_text(*open.back(), m_source.substr(pos, text_end - pos));
      RUNG_TRY(apply(tag, open));
      pos = next;
    }
    if (open.size() > 1) {
      const Node& unclosed = *open.back();
      return error_at(unclosed.line, unclosed.column,
                      fmt::format("section '{}' is never closed", unclosed.text));
    }
    return root;
  }

 private:
  std::pair<int, int> line_column(std::size_t offset) const {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
      if (m_source[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    return {line, static_cast<int>(offset - line_start) + 1};
  }

  tl::unexpected<Error> error_at(int line, int column, std::string message) const {
    return fail(ErrorKind::internal, "template.syntax", std::move(message),
                Location{std::string(m_name), line, column});
  }

  tl::unexpected<Error> error_at(std::size_t offset, std::string message) const {
    const auto [line, column] = line_column(offset);
    return error_at(line, column, std::move(message));
  }

  Result<Tag> read_tag(std::size_t begin) const {
    Tag tag;
    tag.begin = begin;
    std::size_t inner = begin + 2;
    const bool triple = inner < m_source.size() && m_source[inner] == '{';
    const std::string_view closer = triple ? "}}}" : "}}";
    const std::size_t close = m_source.find(closer, inner);
    if (close == std::string_view::npos) {
      return error_at(begin, fmt::format("tag is not closed with '{}'", closer));
    }
    std::string_view body = m_source.substr(inner, close - inner);
    tag.end = close + closer.size();
    if (!body.empty() && std::string_view("#^/>!{&").find(body.front()) != std::string_view::npos) {
      tag.sigil = body.front();
      body.remove_prefix(1);
    }
    if (tag.sigil == '&') {
      return error_at(begin, "'{{&' is not supported: data is always escaped");
    }
    tag.name = std::string(trim(body));
    if (tag.sigil != '!' && tag.name.empty()) {
      return error_at(begin, "tag has no name");
    }
    if (tag.sigil == 0) {
      RUNG_TRY(check_attribute_context(begin));
    }
    return tag;
  }

  // Escaping makes a value safe only inside a quoted attribute value or between tags.
  Result<void> check_attribute_context(std::size_t begin) const {
    const std::string_view before = m_source.substr(0, begin);
    const std::size_t open = before.rfind('<');
    const std::size_t close = before.rfind('>');
    if (open == std::string_view::npos || (close != std::string_view::npos && close > open)) {
      return {};
    }
    const std::string_view inside = before.substr(open);
    const auto quotes = std::count(inside.begin(), inside.end(), '"');
    if (quotes % 2 == 1) {
      return {};
    }
    return error_at(begin, "a value inside an HTML tag must be within a double-quoted attribute");
  }

  // A standalone tag takes its line's indentation and line end with it.
  void trim_standalone(const Tag& tag, std::size_t text_begin, std::size_t& text_end,
                       std::size_t& next) const {
    if (!is_standalone_kind(tag.sigil)) {
      return;
    }
    const std::size_t line_start = m_source.rfind('\n', tag.begin == 0 ? 0 : tag.begin - 1);
    const std::size_t start = line_start == std::string_view::npos ? 0 : line_start + 1;
    if (start < text_begin || !is_blank(m_source.substr(start, tag.begin - start))) {
      return;
    }
    std::size_t after = tag.end;
    while (after < m_source.size() && (m_source[after] == ' ' || m_source[after] == '\t')) {
      ++after;
    }
    if (after < m_source.size() && m_source[after] == '\r') {
      ++after;
    }
    if (after < m_source.size() && m_source[after] != '\n') {
      return;
    }
    text_end = start;
    next = after < m_source.size() ? after + 1 : after;
  }

  static void add_text(Node& parent, std::string_view text) {
    if (text.empty()) {
      return;
    }
    if (!parent.children.empty() && parent.children.back().kind == NodeKind::text) {
      parent.children.back().text += text;
      return;
    }
    Node node;
    node.kind = NodeKind::text;
    node.text = std::string(text);
    parent.children.push_back(std::move(node));
  }

  Result<void> apply(const Tag& tag, std::vector<Node*>& open) const {
    if (tag.sigil == '!') {
      return {};
    }
    if (tag.sigil == '/') {
      if (open.size() == 1 || open.back()->text != tag.name) {
        return error_at(tag.begin, open.size() == 1
                                       ? fmt::format("'{{{{/{}}}}}' closes no section", tag.name)
                                       : fmt::format("'{{{{/{}}}}}' closes section '{}'", tag.name,
                                                     open.back()->text));
      }
      open.pop_back();
      return {};
    }
    Node node;
    const auto [line, column] = line_column(tag.begin);
    node.line = line;
    node.column = column;
    node.text = tag.name;
    node.kind = tag.sigil == '#'   ? NodeKind::section
                : tag.sigil == '^' ? NodeKind::inverted
                : tag.sigil == '>' ? NodeKind::partial
                : tag.sigil == '{' ? NodeKind::raw
                                   : NodeKind::variable;
    if (tag.name != ".") {
      std::size_t start = 0;
      for (;;) {
        const std::size_t dot = tag.name.find('.', start);
        node.path.push_back(tag.name.substr(start, dot - start));
        if (dot == std::string::npos) {
          break;
        }
        start = dot + 1;
      }
    }
    open.back()->children.push_back(std::move(node));
    if (tag.sigil == '#' || tag.sigil == '^') {
      open.push_back(&open.back()->children.back());
    }
    return {};
  }

  std::string_view m_name;
  std::string_view m_source;
};

}  // namespace

Result<Templates::Node> parse_template(std::string_view name, std::string_view source) {
  return Parser(name, source).run();
}

}  // namespace rung::html
