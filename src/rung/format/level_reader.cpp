#include "rung/format/level_reader.hpp"

#include <array>

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::format {

namespace {

constexpr std::array<std::string_view, 4> k_track_keys{"id", "name", "family", "levels"};
constexpr std::array<MisplacedKey, 2> k_track_misplaced{{
    {"title", "a track has a 'name'; titles belong to its levels"},
    {"statements", "statements belong to a level, under 'levels:'"},
}};
constexpr MapShape k_track{"track", "a track", "a track (a map with id, name, family and levels)",
                           k_track_keys, k_track_misplaced};

constexpr std::array<std::string_view, 8> k_level_keys{
    "id", "number", "title", "detail_title", "grade", "experience", "shares", "statements"};
constexpr std::array<MisplacedKey, 3> k_level_misplaced{{
    {"name", "a level has a 'title' (and a 'detail_title' when its detail page differs)"},
    {"areas", "a level lists its statements under 'statements:', by area id"},
    {"text", "a level's texts are statements: 'statements: <area id>: - id: ... text: ...'"},
}};
constexpr MapShape k_level{"level", "a level",
                           "a level (a map with id, number, title, statements, ...)", k_level_keys,
                           k_level_misplaced};

constexpr std::array<std::string_view, 2> k_experience_keys{"min_years", "max_years"};
constexpr MapShape k_experience{"experience", "experience", "a map with min_years and max_years",
                                k_experience_keys};

constexpr std::array<std::string_view, 3> k_statement_keys{"id", "text", "refs"};
constexpr MapShape k_statement{"statement", "a statement", "a statement (a map with id and text)",
                               k_statement_keys};

model::Family read_family(YamlReader& reader, MapReader& track) {
  auto text = track.text("family", Need::optional);
  if (!text) {
    return model::Family::individual_contributor;
  }
  if (auto family = model::parse_family(*text)) {
    return *family;
  }
  const std::vector<std::string> known{"individual-contributor", "manager"};
  auto best = closest_match(*text, known);
  reader.report(track.find("family", Need::optional)->value.Mark(), "yaml.bad-value",
                fmt::format("family '{}' of {} is not a known family", *text, track.name()),
                best ? fmt::format("did you mean '{}'?", *best)
                     : std::string("use 'individual-contributor' or 'manager'"));
  return model::Family::individual_contributor;
}

std::optional<model::Experience> read_experience(MapReader& level) {
  auto map = level.map("experience", Need::optional, k_experience,
                       fmt::format("the experience of {}", level.name()));
  if (!map) {
    return std::nullopt;
  }
  model::Experience experience;
  experience.loc = map->loc();
  auto min_years = map->whole_number("min_years", Need::required);
  const bool has_max = map->find("max_years", Need::optional) != nullptr;
  auto max_years = map->whole_number("max_years", Need::optional);
  if (!min_years || (has_max && !max_years)) {
    return std::nullopt;
  }
  experience.min_years = *min_years;
  experience.max_years = max_years;
  return experience;
}

std::optional<model::Statement> read_statement(YamlReader& reader, const YAML::Node& node) {
  auto map = reader.open_map(node, reader.item_mark(node), k_statement);
  if (!map) {
    return std::nullopt;
  }
  model::Statement statement;
  statement.loc = map->loc();
  statement.id = map->text("id", Need::required).value_or("");
  statement.text = map->text("text", Need::required).value_or("");
  statement.refs = map->text_list("refs", Need::optional, "a list of level ids")
                       .value_or(std::vector<std::string>{});
  return statement;
}

std::optional<model::AreaStatements> read_area_block(YamlReader& reader, const YAML::Node& key,
                                                     const YAML::Node& value,
                                                     const std::string& level_name) {
  if (!key.IsScalar()) {
    reader.report(key.Mark(), "yaml.wrong-type",
                  fmt::format("'statements' of {}: expected an area id, found {}", level_name,
                              describe(key)));
    return std::nullopt;
  }
  model::AreaStatements block;
  block.area = key.Scalar();
  block.loc = reader.loc(key.Mark());
  const std::string what = fmt::format("area '{}' in the statements of {}", block.area, level_name);
  auto items = reader.open_list(value, key.Mark(), what, "a list of statements");
  for (const auto& item : items.value_or(std::vector<YAML::Node>{})) {
    if (auto statement = read_statement(reader, item)) {
      block.statements.push_back(std::move(*statement));
    }
  }
  return block;
}

// `statements` maps area ids to lists of statements. A repeated area is kept: model::validate
// reports it ("ladder.duplicate-area") with both places.
std::vector<model::AreaStatements> read_statements(YamlReader& reader, MapReader& level) {
  std::vector<model::AreaStatements> blocks;
  const Entry* entry = level.find("statements", Need::optional);
  if (entry == nullptr) {
    return blocks;
  }
  if (!entry->value.IsMap()) {
    level.wrong_type(*entry, "a map from area ids to lists of statements");
    return blocks;
  }
  for (const auto& pair : entry->value) {
    if (!reader.spend()) {
      break;
    }
    if (auto block = read_area_block(reader, pair.first, pair.second, level.name())) {
      blocks.push_back(std::move(*block));
    }
  }
  return blocks;
}

std::optional<model::Level> read_level(YamlReader& reader, const YAML::Node& node) {
  auto map = reader.open_map(node, reader.item_mark(node), k_level);
  if (!map) {
    return std::nullopt;
  }
  model::Level level;
  level.loc = map->loc();
  level.id = map->text("id", Need::required).value_or("");
  level.number = map->whole_number("number", Need::required).value_or(0);
  level.title = map->text("title", Need::required).value_or("");
  level.detail_title = map->text("detail_title", Need::optional).value_or("");
  level.grade = map->text("grade", Need::optional).value_or("");
  level.experience = read_experience(*map);
  level.shares = map->text("shares", Need::optional).value_or("");
  level.areas = read_statements(reader, *map);
  return level;
}

}  // namespace

std::optional<model::Track> read_track(YamlReader& reader, const YAML::Node& node) {
  auto map = reader.open_map(node, reader.item_mark(node), k_track);
  if (!map) {
    return std::nullopt;
  }
  model::Track track;
  track.loc = map->loc();
  track.id = map->text("id", Need::required).value_or("");
  track.name = map->text("name", Need::required).value_or("");
  track.family = read_family(reader, *map);
  if (auto levels = map->list("levels", Need::required, "a list of levels")) {
    for (const auto& item : *levels) {
      if (auto level = read_level(reader, item)) {
        track.levels.push_back(std::move(*level));
      }
    }
  }
  return track;
}

}  // namespace rung::format
