// MapReader and the helpers that tell what a node holds; YamlReader is in yaml_reader.cpp.
#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "rung/core/shorten.hpp"
#include "rung/format/yaml_reader.hpp"

namespace rung::format {

namespace {

// yaml-cpp tags a quoted scalar "!" and a plain one "?".
bool is_quoted(const YAML::Node& node) {
  return node.Tag() == "!";
}

std::optional<int> parse_int(std::string_view text) {
  if (text.starts_with('+') && !text.starts_with("+-")) {
    text.remove_prefix(1);
  }
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

constexpr std::size_t k_quote_limit = 40;  // bytes of a wrong value quoted in a message

}  // namespace

std::string describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Scalar:
      if (!parse_double(node.Scalar())) {
        return fmt::format("a text ('{}')", shorten(node.Scalar(), k_quote_limit));
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
    if (auto text = m_reader->scalar_text(item, m_reader->item_mark(item), what)) {
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

}  // namespace rung::format
