#include "rung/format/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::format {

namespace {

// yaml-cpp tags a quoted scalar "!" and a plain one "?".
bool is_quoted(const YAML::Node& node) {
  return node.Tag() == "!";
}

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
    return std::nullopt;
  }
  return value;
}

std::optional<double> parse_double(std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty() ||
      !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::string shorten(std::string_view text) {
  constexpr std::size_t k_max = 40;
  if (text.size() <= k_max) {
    return std::string(text);
  }
  std::size_t cut = k_max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return std::string(text.substr(0, cut)) + "...";
}

std::vector<std::string> key_names(std::span<const std::string_view> keys) {
  return {keys.begin(), keys.end()};
}

}  // namespace

std::string describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Scalar:
      if (!parse_double(node.Scalar())) {
        return fmt::format("a text ('{}')", shorten(node.Scalar()));
      }
      if (is_quoted(node)) {
        return fmt::format("a quoted text ('{}')", node.Scalar());
      }
      return fmt::format("a number ({})", node.Scalar());
    default:
      return "nothing";
  }
}

YAML::Mark mark_of(const Entry& entry) {
  return entry.value.IsNull() ? entry.key_node.Mark() : entry.value.Mark();
}

MapReader::MapReader(YamlReader& reader, const MapShape& shape, std::string name, YAML::Mark mark,
                     std::vector<Entry> entries, std::vector<std::string> typos)
    : m_reader(&reader),
      m_kind(shape.kind),
      m_name(std::move(name)),
      m_mark(mark),
      m_entries(std::move(entries)),
      m_typos(std::move(typos)) {}

model::SourceLoc MapReader::loc() const {
  return m_reader->loc(m_mark);
}

std::optional<model::SourceLoc> MapReader::key_loc(std::string_view key) const {
  for (const auto& entry : m_entries) {
    if (entry.key == key) {
      return m_reader->loc(entry.key_node.Mark());
    }
  }
  return std::nullopt;
}

void MapReader::broken(std::string_view key) {
  m_reader->note_broken(m_kind, key, loc());
}

const Entry* MapReader::find(std::string_view key, Need need) {
  auto it = std::find_if(m_entries.begin(), m_entries.end(),
                         [&](const Entry& entry) { return entry.key == key; });
  if (it != m_entries.end() && !it->value.IsNull()) {
    return &*it;
  }
  if (need == Need::required) {
    broken(key);
    const bool misspelt = std::find(m_typos.begin(), m_typos.end(), key) != m_typos.end();
    if (it == m_entries.end() && !misspelt) {
      m_reader->report(m_mark, "yaml.missing-field",
                       fmt::format("{} is missing the required key '{}'", m_name, key));
    } else if (it != m_entries.end()) {
      m_reader->report(it->key_node.Mark(), "yaml.missing-field",
                       fmt::format("'{}' in {} has no value", key, m_name));
    }
  }
  return nullptr;
}

void MapReader::wrong_type(const Entry& entry, std::string_view expected) {
  broken(entry.key);
  const bool quoted_number =
      entry.value.IsScalar() && is_quoted(entry.value) && parse_double(entry.value.Scalar());
  m_reader->report(mark_of(entry), "yaml.wrong-type",
                   fmt::format("'{}' in {}: expected {}, found {}", entry.key, m_name, expected,
                               describe(entry.value)),
                   quoted_number ? "write the number without quotes" : "");
}

std::optional<std::string> MapReader::text(std::string_view key, Need need) {
  const Entry* entry = find(key, need);
  if (entry == nullptr) {
    return std::nullopt;
  }
  if (!entry->value.IsScalar()) {
    wrong_type(*entry, "a text");
    return std::nullopt;
  }
  return entry->value.Scalar();
}

std::optional<int> MapReader::whole_number(std::string_view key, Need need) {
  const Entry* entry = find(key, need);
  if (entry == nullptr) {
    return std::nullopt;
  }
  std::optional<int> value;
  if (entry->value.IsScalar() && !is_quoted(entry->value)) {
    value = parse_int(entry->value.Scalar());
  }
  if (!value) {
    wrong_type(*entry, "a whole number");
  }
  return value;
}

std::optional<double> MapReader::number(std::string_view key, Need need) {
  const Entry* entry = find(key, need);
  if (entry == nullptr) {
    return std::nullopt;
  }
  std::optional<double> value;
  if (entry->value.IsScalar() && !is_quoted(entry->value)) {
    value = parse_double(entry->value.Scalar());
  }
  if (!value) {
    wrong_type(*entry, "a number");
  }
  return value;
}

std::optional<std::vector<YAML::Node>> MapReader::list(std::string_view key, Need need,
                                                       std::string_view expected) {
  const Entry* entry = find(key, need);
  if (entry == nullptr) {
    return std::nullopt;
  }
  if (!entry->value.IsSequence()) {
    wrong_type(*entry, expected);
    return std::nullopt;
  }
  return m_reader->open_list(entry->value, mark_of(*entry), fmt::format("'{}' in {}", key, m_name),
                             expected);
}

std::optional<std::vector<std::string>> MapReader::text_list(std::string_view key, Need need,
                                                             std::string_view expected) {
  auto items = list(key, need, expected);
  if (!items) {
    return std::nullopt;
  }
  std::vector<std::string> texts;
  const std::string what = fmt::format("an item of '{}' in {}", key, m_name);
  for (const auto& item : *items) {
    if (auto text = m_reader->scalar_text(item, item.Mark(), what)) {
      texts.push_back(std::move(*text));
    } else {
      broken(key);
    }
  }
  return texts;
}

std::optional<MapReader> MapReader::map(std::string_view key, Need need, const MapShape& shape,
                                        std::string_view name) {
  const Entry* entry = find(key, need);
  if (entry == nullptr) {
    return std::nullopt;
  }
  if (!entry->value.IsMap()) {
    wrong_type(*entry, shape.expected);
    return std::nullopt;
  }
  return m_reader->open_map(entry->value, mark_of(*entry), shape, name);
}

YamlReader::YamlReader(std::string file_name, const TextPositions& positions, Limits limits)
    : m_file(std::move(file_name)), m_positions(&positions), m_limits(limits) {}

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
