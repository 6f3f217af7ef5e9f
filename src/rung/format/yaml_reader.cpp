#include "rung/format/yaml_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::format {

namespace {

std::vector<std::string> key_names(std::span<const std::string_view> keys) {
  return {keys.begin(), keys.end()};
}

}  // namespace

YamlReader::YamlReader(std::string file_name, const TextPositions& positions, Limits limits)
    : m_file(std::move(file_name)), m_positions(&positions), m_limits(limits) {}

YAML::Mark YamlReader::item_mark(const YAML::Node& item) const {
  YAML::Mark mark = item.Mark();
  if (item.IsNull()) {
    auto [line, column] = m_positions->content_start_before(mark.line, mark.column);
    mark.line = line;
    mark.column = column;
  }
  return mark;
}

model::SourceLoc YamlReader::loc(const YAML::Mark& mark) const {
  return m_positions->of_mark(mark.line, mark.column);
}

void YamlReader::report(const YAML::Mark& mark, std::string code, std::string message,
                        std::string hint) {
  if (m_errors.size() >= m_limits.max_errors) {
    if (!m_too_many_errors) {
      m_too_many_errors = true;
      m_errors.push_back(Error{"yaml.too-many-errors",
                               fmt::format("stopped after {} problems", m_limits.max_errors),
                               Location{m_file}, "fix these and load the file again"});
    }
    return;
  }
  const model::SourceLoc where = loc(mark);
  m_errors.push_back(Error{std::move(code), std::move(message),
                           Location{m_file, where.line, where.column}, std::move(hint)});
}

void YamlReader::note_broken(std::string_view kind, std::string_view key,
                             model::SourceLoc element) {
  m_broken.push_back(BrokenField{std::string(kind), std::string(key), element});
}

bool YamlReader::spend() {
  if (m_elements == m_limits.max_elements) {
    ++m_elements;
    m_errors.push_back(Error{
        "yaml.too-complex",
        fmt::format("the ladder has more than {} elements; stopped reading", m_limits.max_elements),
        Location{m_file},
        "a real ladder has a few thousand; anchors and aliases (&name, *name) that repeat "
        "content can multiply it"});
  }
  if (m_elements > m_limits.max_elements) {
    return false;
  }
  ++m_elements;
  return true;
}

std::optional<MapReader> YamlReader::open_map(const YAML::Node& node, const YAML::Mark& null_mark,
                                              const MapShape& shape, std::string_view name) {
  if (!spend()) {
    return std::nullopt;
  }
  if (!node.IsMap()) {
    note_broken(shape.kind, "", {});
    report(node.IsNull() ? null_mark : node.Mark(), "yaml.wrong-type",
           fmt::format("expected {}, found {}", shape.expected, describe(node)));
    return std::nullopt;
  }
  std::string title(name.empty() ? shape.noun : name);
  const bool has_id = std::find(shape.keys.begin(), shape.keys.end(), "id") != shape.keys.end();
  if (has_id && name.empty()) {
    for (const auto& pair : node) {
      if (pair.first.IsScalar() && pair.first.Scalar() == "id" && pair.second.IsScalar()) {
        title = fmt::format("{} '{}'", shape.kind, pair.second.Scalar());
        break;
      }
    }
  }
  YAML::Mark mark = node.Mark();
  if (node.begin() != node.end()) {
    mark = node.begin()->first.Mark();
  }
  std::vector<std::string> typos;
  std::vector<Entry> entries = collect_entries(node, shape, title, typos);
  return MapReader(*this, shape, std::move(title), mark, std::move(entries), std::move(typos));
}

void YamlReader::report_unknown_key(const YAML::Node& key, const MapShape& shape,
                                    const std::string& name, std::vector<std::string>& typos) {
  const std::string& text = key.Scalar();
  std::string hint;
  auto misplaced = std::find_if(shape.misplaced.begin(), shape.misplaced.end(),
                                [&](const MisplacedKey& m) { return m.key == text; });
  const auto known = key_names(shape.keys);
  if (misplaced != shape.misplaced.end()) {
    hint = misplaced->hint;
  } else if (auto best = closest_match(text, known)) {
    hint = fmt::format("did you mean '{}'?", *best);
    typos.push_back(*best);
  } else {
    hint = fmt::format("the keys allowed here are: {}", join(known));
  }
  report(key.Mark(), "yaml.unknown-key", fmt::format("unknown key '{}' in {}", text, name),
         std::move(hint));
}

std::vector<Entry> YamlReader::collect_entries(const YAML::Node& node, const MapShape& shape,
                                               const std::string& name,
                                               std::vector<std::string>& typos) {
  std::vector<Entry> entries;
  for (const auto& pair : node) {
    const YAML::Node key = pair.first;
    if (!key.IsScalar()) {
      report(key.Mark(), "yaml.wrong-type",
             fmt::format("expected a key name in {}, found {}", name, describe(key)));
      continue;
    }
    const std::string& text = key.Scalar();
    auto seen = std::find_if(entries.begin(), entries.end(),
                             [&](const Entry& entry) { return entry.key == text; });
    if (seen != entries.end()) {
      report(key.Mark(), "yaml.duplicate-key",
             fmt::format("key '{}' appears twice in {}", text, name),
             fmt::format("the first one is at line {}", loc(seen->key_node.Mark()).line));
    } else if (std::find(shape.keys.begin(), shape.keys.end(), text) == shape.keys.end()) {
      report_unknown_key(key, shape, name, typos);
    } else {
      entries.push_back(Entry{text, key, pair.second});
    }
  }
  return entries;
}

std::optional<std::vector<YAML::Node>> YamlReader::open_list(const YAML::Node& node,
                                                             const YAML::Mark& null_mark,
                                                             std::string_view what,
                                                             std::string_view expected) {
  if (!node.IsSequence()) {
    report(node.IsNull() ? null_mark : node.Mark(), "yaml.wrong-type",
           fmt::format("{}: expected {}, found {}", what, expected, describe(node)));
    return std::nullopt;
  }
  std::vector<YAML::Node> items;
  for (const auto& item : node) {
    if (!spend()) {
      return std::nullopt;
    }
    items.push_back(item);
  }
  return items;
}

std::optional<std::string> YamlReader::scalar_text(const YAML::Node& node,
                                                   const YAML::Mark& null_mark,
                                                   std::string_view what) {
  if (node.IsScalar()) {
    return node.Scalar();
  }
  report(node.IsNull() ? null_mark : node.Mark(), "yaml.wrong-type",
         fmt::format("{}: expected a text, found {}", what, describe(node)));
  return std::nullopt;
}

}  // namespace rung::format
