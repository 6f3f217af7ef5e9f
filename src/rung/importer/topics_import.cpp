#include "rung/importer/topics_import.hpp"

#include <initializer_list>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/format/text_positions.hpp"
#include "rung/format/yaml_document.hpp"
#include "rung/importer/doc_assembler.hpp"
#include "rung/importer/text_fields.hpp"

namespace rung::importer {

namespace {

class TopicsReader {
 public:
  TopicsReader(std::string_view text, std::string_view file_name)
      : m_text(text), m_file(file_name), m_positions(text), m_doc(file_name) {}

  Results<TableReading> run();

 private:
  model::SourceLoc loc(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    return mark.line < 0 ? model::SourceLoc{} : m_positions.of_mark(mark.line, mark.column);
  }

  Error shape(const YAML::Node& node, std::string message, std::string hint) const {
    return Error{"import.topics-shape", std::move(message), m_doc.at(loc(node)), std::move(hint)};
  }

  // The first of `keys` the map has, or an undefined node.
  static YAML::Node child(const YAML::Node& map, std::initializer_list<const char*> keys) {
    if (!map.IsMap()) {
      return YAML::Node(YAML::NodeType::Undefined);
    }
    for (const char* key : keys) {
      if (YAML::Node value = map[key]; value.IsDefined() && !value.IsNull()) {
        return value;
      }
    }
    return YAML::Node(YAML::NodeType::Undefined);
  }

  static std::string scalar(const YAML::Node& node) {
    return node.IsDefined() && node.IsScalar() ? std::string(trim(node.Scalar())) : std::string();
  }

  Result<void> read_level_list(const YAML::Node& levels);
  Result<void> read_topic(const YAML::Node& topic);
  Result<void> read_topic_level(const std::string& area, const std::string& label,
                                const YAML::Node& at, const YAML::Node& criteria);

  std::string_view m_text;
  std::string_view m_file;
  format::TextPositions m_positions;
  DocAssembler m_doc;
  PendingTrack* m_track = nullptr;
  bool m_dropped_examples = false;
};

Result<void> TopicsReader::read_level_list(const YAML::Node& levels) {
  if (!levels.IsSequence()) {
    return tl::unexpected(shape(levels, "'levels' at the top must be a list of levels",
                                "e.g. levels: [{level: 1, title: Engineer I}]"));
  }
  for (const YAML::Node& entry : levels) {
    std::string label =
        entry.IsScalar() ? scalar(entry) : scalar(child(entry, {"level", "id", "number", "name"}));
    if (label.empty()) {
      return tl::unexpected(shape(entry, "a level of the list names no level",
                                  "give each one `level:` (a number or an id)"));
    }
    PendingLevel& level = m_doc.level(*m_track, label, loc(entry));
    level.title = scalar(child(entry, {"title", "name"}));
    if (level.title == label) {
      level.title.clear();
    }
    level.grade = scalar(child(entry, {"grade"}));
    if (std::string years = scalar(child(entry, {"experience", "years"})); !years.empty()) {
      level.experience = parse_experience(years);
      if (level.experience) {
        level.experience->loc = loc(child(entry, {"experience", "years"}));
      } else {
        m_doc.note(loc(child(entry, {"experience", "years"})),
                   fmt::format("'{}' is not read as years of experience; left out", years));
      }
    }
  }
  return {};
}

Result<void> TopicsReader::read_topic_level(const std::string& area, const std::string& label,
                                            const YAML::Node& at, const YAML::Node& criteria) {
  if (!criteria.IsDefined()) {
    return {};
  }
  if (!criteria.IsSequence()) {
    return tl::unexpected(shape(criteria.IsDefined() ? criteria : at,
                                fmt::format("the criteria of topic '{}' at level '{}' must be a "
                                            "list",
                                            area, label),
                                "e.g. criteria: [\"You write tests for your code.\"]"));
  }
  PendingLevel& level = m_doc.level(*m_track, label, loc(at));
  for (const YAML::Node& criterion : criteria) {
    std::string text =
        criterion.IsScalar()
            ? scalar(criterion)
            : scalar(child(criterion, {"text", "criterion", "description", "statement", "name"}));
    if (text.empty()) {
      return tl::unexpected(shape(criterion,
                                  fmt::format("a criterion of topic '{}' at level '{}' "
                                              "has no text",
                                              area, label),
                                  "write it as a text, or a map with `text:`"));
    }
    if (criterion.IsMap() && child(criterion, {"examples", "example"}).IsDefined()) {
      m_dropped_examples = true;
    }
    m_doc.add_statement(level, area, "", text, loc(criterion));
  }
  return {};
}

Result<void> TopicsReader::read_topic(const YAML::Node& topic) {
  const std::string name = scalar(child(topic, {"name", "title", "topic", "theme", "area"}));
  if (!topic.IsMap() || name.empty()) {
    return tl::unexpected(shape(topic, "a topic must be a map with a `name` and its `levels`",
                                "e.g. - name: Technical skills\n    levels: [...]"));
  }
  const YAML::Node levels = child(topic, {"levels"});
  if (!levels.IsDefined()) {
    m_doc.note(loc(topic), fmt::format("topic '{}' has no levels; left out", name));
    return {};
  }
  if (levels.IsMap()) {  // levels: {1: [criteria], 2: {criteria: [...]}}
    for (const auto& entry : levels) {
      const std::string label = scalar(entry.first);
      const YAML::Node criteria =
          entry.second.IsMap() ? child(entry.second, {"criteria", "statements", "expectations"})
                               : entry.second;
      RUNG_TRY(read_topic_level(name, label, entry.first, criteria));
    }
    return {};
  }
  if (!levels.IsSequence()) {
    return tl::unexpected(shape(levels,
                                fmt::format("the levels of topic '{}' must be a list", name),
                                "e.g. levels: [{level: 1, criteria: [...]}]"));
  }
  for (const YAML::Node& entry : levels) {
    const std::string label = scalar(child(entry, {"level", "id", "number", "name"}));
    if (label.empty()) {
      return tl::unexpected(shape(entry, fmt::format("a level of topic '{}' names no level", name),
                                  "give it `level:` (a number or an id)"));
    }
    RUNG_TRY(read_topic_level(name, label, entry,
                              child(entry, {"criteria", "statements", "expectations"})));
  }
  return {};
}

Results<TableReading> TopicsReader::run() {
  RUNG_TRY_ASSIGN(YAML::Node root,
                  format::parse_document(m_text, std::string(m_file), m_positions));
  const YAML::Node topics = child(root, {"topics", "themes"});
  if (!topics.IsDefined() || !topics.IsSequence()) {
    return tl::unexpected(Errors{Error{
        "import.no-levels",
        "no recognisable levels: expected a top-level `topics:` (or `themes:`) list",
        m_doc.at(root.IsDefined() ? loc(root) : model::SourceLoc{1, 1}),
        "each topic a map with `name:` and `levels:`, each level with `level:` and `criteria:`"}});
  }
  std::string name = scalar(child(root, {"name", "title"}));
  if (name.empty()) {
    name = name_from_file(m_file);
  }
  std::string track = scalar(child(root, {"track", "role", "ladder"}));
  m_track = &m_doc.track(track.empty() ? name : track, "", loc(topics));
  auto wrap = [](Result<void> r) -> Results<void> {
    if (!r) {
      return tl::unexpected(Errors{std::move(r).error()});
    }
    return {};
  };
  if (YAML::Node levels = child(root, {"levels"}); levels.IsDefined()) {
    RUNG_TRY(wrap(read_level_list(levels)));
  }
  for (const YAML::Node& topic : topics) {
    RUNG_TRY(wrap(read_topic(topic)));
  }
  bool any = false;
  for (const auto& level : m_track->levels) {
    any = any || !level.areas.empty();
  }
  if (!any) {
    return tl::unexpected(Errors{Error{"import.no-levels",
                                       "no recognisable levels: no topic has a level with criteria",
                                       m_doc.at(loc(topics)),
                                       "give each topic `levels:`, each with `level:` and "
                                       "`criteria:`"}});
  }
  if (m_dropped_examples) {
    m_doc.note({}, "examples given with criteria are left out");
  }
  auto doc = m_doc.finish();
  if (!doc) {
    return tl::unexpected(Errors{std::move(doc).error()});
  }
  doc->name = name;
  doc->organization = scalar(child(root, {"organization", "organisation", "company"}));
  return TableReading{std::move(*doc), m_doc.take_notes()};
}

}  // namespace

Results<TableReading> read_topics_document(std::string_view text, std::string_view file_name) {
  return TopicsReader(text, file_name).run();
}

}  // namespace rung::importer
