#include "rung/format/ladder_reader.hpp"

#include <array>

#include <fmt/format.h>

#include "rung/format/level_reader.hpp"
#include "rung/model/defaults.hpp"

namespace rung::format {

namespace {

constexpr std::string_view k_schema = "rung/ladder/v1";

constexpr std::array<std::string_view, 13> k_top_keys{
    "schema",         "name",  "organization", "published", "version", "authors", "credits",
    "general_ladder", "areas", "scale",        "readiness", "tracks",  "lint"};
constexpr std::array<MisplacedKey, 4> k_top_misplaced{{
    {"grades", "grades belong under 'general_ladder:', as 'grades: [2, 3, 4]'"},
    {"levels", "levels belong to a track: 'tracks: - id: ... levels: ...'"},
    {"statements", "statements belong to a level, under 'statements:' in that level"},
    {"title", "the ladder has a 'name'; titles belong to levels"},
}};
constexpr MapShape k_top{"ladder", "the ladder",
                         "a ladder (a map with schema, name, areas and tracks)", k_top_keys,
                         k_top_misplaced};

constexpr std::array<std::string_view, 2> k_author_keys{"name", "role"};
constexpr MapShape k_author{"author", "an author", "an author (a map with name and role)",
                            k_author_keys};

constexpr std::array<std::string_view, 2> k_general_keys{"name", "grades"};
constexpr MapShape k_general{"general_ladder", "general_ladder", "a map with name and grades",
                             k_general_keys};

constexpr std::array<std::string_view, 2> k_area_keys{"id", "name"};
constexpr MapShape k_area{"area", "an area", "an area (a map with id and name)", k_area_keys};

constexpr std::array<std::string_view, 4> k_point_keys{"id", "name", "score", "description"};
constexpr MapShape k_point{"scale point", "a scale point",
                           "a scale point (a map with id, name, score and an optional description)",
                           k_point_keys};

constexpr std::array<std::string_view, 2> k_readiness_keys{"met_at", "share_per_area"};
constexpr MapShape k_readiness{"readiness", "readiness", "a map with met_at and share_per_area",
                               k_readiness_keys};

constexpr std::array<std::string_view, 1> k_lint_keys{"disable"};
constexpr MapShape k_lint{"lint", "lint", "a map with disable", k_lint_keys};

// "2019-12-17": four digits, two, two, with a month and day in range.
bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return false;
  }
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') {
      return false;
    }
  }
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  const int day = (text[8] - '0') * 10 + (text[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// False (reported) when the root map declares another format: its keys would only give noise.
bool declares_this_schema(YamlReader& reader, const YAML::Node& root) {
  if (!root.IsMap()) {
    return true;
  }
  for (const auto& pair : root) {
    if (pair.first.IsScalar() && pair.first.Scalar() == "schema" && pair.second.IsScalar() &&
        pair.second.Scalar() != k_schema) {
      reader.report(
          pair.second.Mark(), "yaml.schema-version",
          fmt::format("this file declares schema '{}'; this version of Rung reads '{}'",
                      pair.second.Scalar(), k_schema),
          fmt::format("write 'schema: {}' if the file follows docs/ladder-format.md", k_schema));
      return false;
    }
  }
  return true;
}

void read_published(YamlReader& reader, MapReader& top, model::Metadata& meta) {
  auto published = top.text("published", Need::optional);
  if (!published) {
    return;
  }
  if (!is_iso_date(*published)) {
    reader.report(top.find("published", Need::optional)->value.Mark(), "yaml.bad-value",
                  fmt::format("published '{}' is not a date", *published),
                  "write the date as YYYY-MM-DD, e.g. 2019-12-17");
  }
  meta.published = std::move(*published);
}

void read_metadata(YamlReader& reader, MapReader& top, model::Metadata& meta) {
  meta.name = top.text("name", Need::required).value_or("");
  meta.organization = top.text("organization", Need::optional).value_or("");
  read_published(reader, top, meta);
  meta.version = top.text("version", Need::optional).value_or("");
  if (auto authors = top.list("authors", Need::optional, "a list of authors")) {
    for (const auto& node : *authors) {
      if (auto author = reader.open_map(node, reader.item_mark(node), k_author)) {
        meta.authors.push_back(model::Author{author->text("name", Need::required).value_or(""),
                                             author->text("role", Need::optional).value_or("")});
      }
    }
  }
  meta.credits = top.text_list("credits", Need::optional, "a list of texts")
                     .value_or(std::vector<std::string>{});
}

void read_general(MapReader& top, model::GeneralLadder& general) {
  if (auto map = top.map("general_ladder", Need::optional, k_general)) {
    general.name = map->text("name", Need::optional).value_or("");
    general.grades =
        map->text_list("grades", Need::required, "a list of grade labels, lowest first")
            .value_or(std::vector<std::string>{});
  }
}

std::vector<model::Area> read_areas(YamlReader& reader, MapReader& top) {
  std::vector<model::Area> areas;
  auto items = top.list("areas", Need::required, "a list of areas");
  if (!items) {
    return areas;
  }
  if (items->empty()) {
    top.broken("areas");
    reader.report(top.find("areas", Need::optional)->key_node.Mark(), "yaml.empty-list",
                  "'areas' is empty; a ladder needs at least one area",
                  "add areas such as '- {id: role, name: Role Highlights}'");
  }
  for (const auto& node : *items) {
    if (auto map = reader.open_map(node, reader.item_mark(node), k_area)) {
      model::Area area;
      area.loc = map->loc();
      area.id = map->text("id", Need::required).value_or("");
      area.name = map->text("name", Need::required).value_or("");
      areas.push_back(std::move(area));
    }
  }
  return areas;
}

std::vector<model::ScalePoint> read_scale(YamlReader& reader, MapReader& top) {
  if (top.find("scale", Need::optional) == nullptr) {
    return model::default_scale();
  }
  std::vector<model::ScalePoint> scale;
  auto items = top.list("scale", Need::optional, "a list of scale points");
  for (const auto& node : items.value_or(std::vector<YAML::Node>{})) {
    if (auto map = reader.open_map(node, reader.item_mark(node), k_point)) {
      model::ScalePoint point;
      point.loc = map->loc();
      point.id = map->text("id", Need::required).value_or("");
      point.name = map->text("name", Need::required).value_or("");
      point.score = map->whole_number("score", Need::required).value_or(0);
      point.description = map->text("description", Need::optional).value_or("");
      scale.push_back(std::move(point));
    }
  }
  return scale;
}

model::Readiness read_readiness(MapReader& top) {
  model::Readiness readiness = model::default_readiness();
  if (auto map = top.map("readiness", Need::optional, k_readiness)) {
    readiness.loc = map->loc();
    readiness.met_at = map->text("met_at", Need::required).value_or(readiness.met_at);
    readiness.share_per_area =
        map->number("share_per_area", Need::required).value_or(readiness.share_per_area);
  }
  return readiness;
}

std::vector<std::string> read_lint(MapReader& top) {
  if (auto map = top.map("lint", Need::optional, k_lint)) {
    return map->text_list("disable", Need::optional, "a list of lint rule codes")
        .value_or(std::vector<std::string>{});
  }
  return {};
}

void note_places(YamlReader& reader, MapReader& top, LadderRead& out) {
  auto place = [&](std::string_view code, std::string_view key) {
    if (auto loc = top.key_loc(key)) {
      out.places.emplace(code, *loc);
    }
  };
  place("ladder.missing-name", "name");
  place("ladder.empty", "tracks");
  place("ladder.empty-scale", "scale");
  place("ladder.unknown-scale-point", "scale");
  place("ladder.bad-share", "readiness");
  if (const Entry* general = top.find("general_ladder", Need::optional);
      general != nullptr && general->value.IsMap()) {
    for (const auto& pair : general->value) {
      if (pair.first.IsScalar() && pair.first.Scalar() == "grades") {
        out.places.emplace("ladder.duplicate-grade", reader.loc(pair.first.Mark()));
      }
    }
  }
}

}  // namespace

LadderRead read_ladder(YamlReader& reader, const YAML::Node& root) {
  LadderRead out;
  if (!declares_this_schema(reader, root)) {
    out.complete = false;
    return out;
  }
  auto top = reader.open_map(root, root.Mark(), k_top);
  if (!top) {
    out.complete = false;
    return out;
  }
  model::LadderData& data = out.data;
  data.schema = top->text("schema", Need::required).value_or(std::string(k_schema));
  read_metadata(reader, *top, data.meta);
  read_general(*top, data.general);
  data.areas = read_areas(reader, *top);
  data.scale = read_scale(reader, *top);
  data.readiness = read_readiness(*top);
  if (auto tracks = top->list("tracks", Need::required, "a list of tracks")) {
    for (const auto& node : *tracks) {
      if (auto track = read_track(reader, node)) {
        data.tracks.push_back(std::move(*track));
      }
    }
  }
  data.lint_disabled = read_lint(*top);
  note_places(reader, *top, out);
  out.complete = !reader.exhausted();
  return out;
}

}  // namespace rung::format
