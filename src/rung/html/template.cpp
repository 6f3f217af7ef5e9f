#include "rung/html/template.hpp"

#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "rung/core/xml.hpp"
#include "rung/html/template_node.hpp"

namespace rung::html {

namespace {

using Node = Templates::Node;

constexpr int k_max_partial_depth = 16;

bool truthy(const Json* value) {
  if (value == nullptr || value->is_null()) {
    return false;
  }
  if (value->is_boolean()) {
    return value->get<bool>();
  }
  if (value->is_string()) {
    return !value->get_ref<const std::string&>().empty();
  }
  if (value->is_array()) {
    return !value->empty();
  }
  if (value->is_number()) {
    return value->get<double>() != 0;
  }
  return true;
}

class Renderer {
 public:
  Renderer(const std::map<std::string, std::shared_ptr<const Node>, std::less<>>& templates,
           const Fragments& fragments, std::string& out)
      : m_templates(templates), m_fragments(fragments), m_out(out) {}

  void render_template(std::string_view name, std::vector<const Json*>& stack, int depth) {
    const auto found = m_templates.find(name);
    if (found == m_templates.end()) {
      throw std::logic_error(fmt::format("no template '{}'", name));
    }
    if (depth > k_max_partial_depth) {
      throw std::logic_error(fmt::format("partials nested too deeply at '{}'", name));
    }
    m_names.push_back(name);
    render_children(*found->second, stack, depth);
    m_names.pop_back();
  }

 private:
  void render_children(const Node& parent, std::vector<const Json*>& stack, int depth) {
    for (const Node& node : parent.children) {
      render_node(node, stack, depth);
    }
  }

  void render_node(const Node& node, std::vector<const Json*>& stack, int depth) {
    switch (node.kind) {
      case NodeKind::text:
        m_out += node.text;
        break;
      case NodeKind::variable:
        put_value(node, lookup(node, stack));
        break;
      case NodeKind::raw:
        put_fragment(node);
        break;
      case NodeKind::partial:
        render_template(node.text, stack, depth + 1);
        break;
      case NodeKind::section:
        render_section(node, stack, depth);
        break;
      case NodeKind::inverted:
        if (!truthy(lookup(node, stack))) {
          render_children(node, stack, depth);
        }
        break;
      case NodeKind::root:
        break;
    }
  }

  void render_section(const Node& node, std::vector<const Json*>& stack, int depth) {
    const Json* value = lookup(node, stack);
    if (!truthy(value)) {
      return;
    }
    if (value->is_array()) {
      for (const Json& item : *value) {
        stack.push_back(&item);
        render_children(node, stack, depth);
        stack.pop_back();
      }
    } else if (value->is_object()) {
      stack.push_back(value);
      render_children(node, stack, depth);
      stack.pop_back();
    } else {
      render_children(node, stack, depth);
    }
  }

  static const Json* lookup(const Node& node, const std::vector<const Json*>& stack) {
    if (node.path.empty()) {
      return stack.back();
    }
    const Json* found = nullptr;
    for (auto it = stack.rbegin(); it != stack.rend() && found == nullptr; ++it) {
      if ((*it)->is_object()) {
        const auto member = (*it)->find(node.path.front());
        found = member != (*it)->end() ? &*member : nullptr;
      }
    }
    for (std::size_t i = 1; i < node.path.size() && found != nullptr; ++i) {
      found = child(*found, node.path[i]);
    }
    return found;
  }

  // A member of an object, or an element of an array by its index ("items.0").
  static const Json* child(const Json& parent, const std::string& key) {
    if (parent.is_object()) {
      const auto member = parent.find(key);
      return member != parent.end() ? &*member : nullptr;
    }
    if (parent.is_array() && !key.empty() &&
        key.find_first_not_of("0123456789") == std::string::npos && key.size() < 9) {
      const std::size_t index = std::stoul(key);
      return index < parent.size() ? &parent[index] : nullptr;
    }
    return nullptr;
  }

  void put_value(const Node& node, const Json* value) {
    if (value == nullptr || value->is_null()) {
      return;
    }
    if (value->is_string()) {
      append_escaped(m_out, value->get_ref<const std::string&>());
    } else if (value->is_object() || value->is_array()) {
      throw std::logic_error(fmt::format("{}:{}:{}: {{{{{}}}}} is an object or array",
                                         m_names.back(), node.line, node.column, node.text));
    } else {
      append_escaped(m_out, value->dump());
    }
  }

  void put_fragment(const Node& node) {
    const auto found = m_fragments.find(node.text);
    if (found == m_fragments.end()) {
      throw std::logic_error(fmt::format("{}:{}:{}: no fragment '{}' was passed", m_names.back(),
                                         node.line, node.column, node.text));
    }
    m_out += found->second;
  }

  const std::map<std::string, std::shared_ptr<const Node>, std::less<>>& m_templates;
  const Fragments& m_fragments;
  std::string& m_out;
  std::vector<std::string_view> m_names;
};

void collect_partials(const Node& node, std::vector<const Node*>& out) {
  for (const Node& child : node.children) {
    if (child.kind == NodeKind::partial) {
      out.push_back(&child);
    }
    collect_partials(child, out);
  }
}

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
  append_escaped_xml(out, text);
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text);
  return out;
}

Results<Templates> Templates::compile(
    std::span<const std::pair<std::string_view, std::string_view>> sources) {
  Templates out;
  Errors errors;
  for (const auto& [name, source] : sources) {
    auto node = parse_template(name, source);
    if (!node) {
      errors.push_back(node.error());
      continue;
    }
    out.m_templates.emplace(std::string(name), std::make_shared<const Node>(std::move(*node)));
  }
  for (const auto& [name, root] : out.m_templates) {
    std::vector<const Node*> partials;
    collect_partials(*root, partials);
    for (const Node* partial : partials) {
      if (!out.contains(partial->text)) {
        errors.push_back(Error{"template.syntax",
                               fmt::format("no template '{}' for this partial", partial->text),
                               Location{name, partial->line, partial->column},
                               {},
                               ErrorKind::internal});
      }
    }
  }
  if (!errors.empty()) {
    return tl::unexpected(std::move(errors));
  }
  return out;
}

bool Templates::contains(std::string_view name) const {
  return m_templates.find(name) != m_templates.end();
}

std::string Templates::render(std::string_view name, const Json& data,
                              const Fragments& fragments) const {
  std::string out;
  std::vector<const Json*> stack{&data};
  Renderer(m_templates, fragments, out).render_template(name, stack, 0);
  return out;
}

}  // namespace rung::html
