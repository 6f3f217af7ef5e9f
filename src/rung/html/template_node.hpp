#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/html/template.hpp"

// The compiled form of a template, shared by template_parse.cpp and template.cpp.
namespace rung::html {

enum class NodeKind { root, text, variable, raw, section, inverted, partial };

struct Templates::Node {
  NodeKind kind = NodeKind::root;
  std::string text;               // text: the bytes; others: the tag's name as written
  std::vector<std::string> path;  // the name split at '.'; empty for "."
  std::vector<Node> children;     // root, section, inverted
  int line = 0;
  int column = 0;
};

// Parses one template's source. Partial names are not checked here (see Templates::compile).
Result<Templates::Node> parse_template(std::string_view name, std::string_view source);

}  // namespace rung::html
