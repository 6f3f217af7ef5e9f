#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "rung/core/error.hpp"
#include "rung/format/text_positions.hpp"
#include "rung/model/ladder.hpp"

// Internal to rung::format: walks a parsed YAML document, reads typed values out of it and
// collects every problem it meets as an Error with a file:line:column location, instead of
// stopping at the first one. The ladder-specific structure lives in ladder_reader.cpp.
namespace rung::format {

enum class Need { required, optional };

// A key that belongs somewhere else, and what to tell someone who writes it here.
struct MisplacedKey {
  std::string_view key;
  std::string_view hint;
};

// What a YAML map is expected to look like, for reading it and for messages about it.
struct MapShape {
  std::string_view kind;      // "level": names the element in BrokenField
  std::string_view noun;      // "a level": names the element in messages when it has no id
  std::string_view expected;  // "a level (a map with id, number, title, ...)"
  std::span<const std::string_view> keys;        // the keys allowed; "id", when listed, names it
  std::span<const MisplacedKey> misplaced = {};  // hints for keys that belong elsewhere
};

// A field that could not be read (absent, empty or of the wrong type), or a whole element that
// could not be read (key ""). The loader drops model::validate errors that only repeat these.
struct BrokenField {
  std::string kind;
  std::string key;
  model::SourceLoc element;
};

// One key of a map with its value.
struct Entry {
  std::string key;
  YAML::Node key_node;
  YAML::Node value;
};

class YamlReader;

// A YAML map read key by key. Created by YamlReader::open_map, which has already reported
// unknown, repeated and non-text keys; those are not in the map.
class MapReader {
 public:
  // `typos` are the allowed keys that an unknown key of this map was reported as a likely
  // misspelling of: their absence is not reported again.
  MapReader(YamlReader& reader, const MapShape& shape, std::string name, YAML::Mark mark,
            std::vector<Entry> entries, std::vector<std::string> typos);

  // "level 'swe-1'", "a level", "the ladder": how messages name this map.
  const std::string& name() const { return m_name; }
  // Where the map starts: its first key, or the map itself when it has no keys.
  const YAML::Mark& mark() const { return m_mark; }
  model::SourceLoc loc() const;

  // Where `key` is written (its key, whatever its value), or nullopt when it is absent.
  std::optional<model::SourceLoc> key_loc(std::string_view key) const;

  // Only notes the field as broken (for a problem the caller reported itself).
  void broken(std::string_view key);

  // The entry of `key`, or nullptr when the key is absent or has no value. A required key that
  // is absent or empty is reported ("yaml.missing-field").
  const Entry* find(std::string_view key, Need need);

  // Typed values. Each returns nullopt when the key is absent, empty or of the wrong type; the
  // last two and a missing required key are reported ("yaml.wrong-type", "yaml.missing-field").
  std::optional<std::string> text(std::string_view key, Need need);
  std::optional<int> whole_number(std::string_view key, Need need);
  std::optional<double> number(std::string_view key, Need need);
  // `expected` describes the list in messages: "a list of areas".
  std::optional<std::vector<YAML::Node>> list(std::string_view key, Need need,
                                              std::string_view expected);
  // A list whose items are all texts; items that are not are reported and left out.
  std::optional<std::vector<std::string>> text_list(std::string_view key, Need need,
                                                    std::string_view expected);
  // A nested map. `name` overrides how messages name it (default: the shape's noun).
  std::optional<MapReader> map(std::string_view key, Need need, const MapShape& shape,
                               std::string_view name = {});

  // Reports that the value of `entry` is not what was expected.
  void wrong_type(const Entry& entry, std::string_view expected);

 private:
  YamlReader* m_reader;
  std::string m_kind;
  std::string m_name;
  YAML::Mark m_mark;
  std::vector<Entry> m_entries;
  std::vector<std::string> m_typos;
};

class YamlReader {
 public:
  struct Limits {
    std::size_t max_errors = 100;       // problems kept; one more error says that more exist
    std::size_t max_elements = 500000;  // YAML nodes read before giving up ("yaml.too-complex")
  };

  // `positions` must outlive the reader.
  YamlReader(std::string file_name, const TextPositions& positions, Limits limits);

  void report(const YAML::Mark& mark, std::string code, std::string message, std::string hint = {});
  model::SourceLoc loc(const YAML::Mark& mark) const;
  // Where to report a list item: its own mark, or for an empty item ("-" and nothing) the start
  // of its line, since yaml-cpp marks an empty node where the next token starts.
  YAML::Mark item_mark(const YAML::Node& item) const;
  void note_broken(std::string_view kind, std::string_view key, model::SourceLoc element);

  // Opens a map of the given shape. When `node` is not a map, reports it and returns nullopt.
  // `null_mark` is where to report a node that is empty (yaml-cpp gives empty nodes no useful
  // place of their own).
  std::optional<MapReader> open_map(const YAML::Node& node, const YAML::Mark& null_mark,
                                    const MapShape& shape, std::string_view name = {});

  // The items of a list, or nullopt (reported) when `node` is not one. `what` names the node in
  // messages ("'areas' in the ladder"); `expected` describes the list ("a list of areas").
  std::optional<std::vector<YAML::Node>> open_list(const YAML::Node& node,
                                                   const YAML::Mark& null_mark,
                                                   std::string_view what,
                                                   std::string_view expected);

  // The text of a scalar node, or nullopt (reported) when it is not one.
  std::optional<std::string> scalar_text(const YAML::Node& node, const YAML::Mark& null_mark,
                                         std::string_view what);

  // False once the element budget is spent; the caller should stop reading.
  bool spend();
  // True once the element budget is spent: what was read is not the whole ladder.
  bool exhausted() const { return m_elements > m_limits.max_elements; }

  bool has_errors() const { return !m_errors.empty(); }
  Errors take_errors() { return std::move(m_errors); }
  std::vector<BrokenField> take_broken() { return std::move(m_broken); }

 private:
  // The map's entries; reports keys that are not text, repeated or unknown. Appends to `typos`
  // the allowed keys that unknown ones look like misspellings of.
  std::vector<Entry> collect_entries(const YAML::Node& node, const MapShape& shape,
                                     const std::string& name, std::vector<std::string>& typos);
  void report_unknown_key(const YAML::Node& key, const MapShape& shape, const std::string& name,
                          std::vector<std::string>& typos);

  std::string m_file;
  const TextPositions* m_positions;
  Limits m_limits;
  std::size_t m_elements = 0;
  bool m_too_many_errors = false;
  Errors m_errors;
  std::vector<BrokenField> m_broken;
};

// How messages describe what a node holds: "nothing", "a list", "a map", "a text ('abc')",
// "a number (3)", "a quoted text ('3')".
std::string describe(const YAML::Node& node);

// The mark to report a problem with `value` at: its own, or its key's when it is empty.
YAML::Mark mark_of(const Entry& entry);

}  // namespace rung::format
