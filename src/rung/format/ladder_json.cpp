#include "rung/format/ladder_json.hpp"

namespace rung::format {

namespace {

using model::Level;

Json statement_json(const model::Statement& statement) {
  Json out{{"id", statement.id}, {"text", statement.text}};
  if (!statement.refs.empty()) {
    out["refs"] = statement.refs;
  }
  return out;
}

// Level keys shared by the model export and the views: identity, grade and experience.
void put_level_header(Json& out, const Level& level) {
  out["id"] = level.id;
  out["number"] = level.number;
  out["title"] = level.title;
  if (!level.detail_title.empty()) {
    out["detail_title"] = level.detail_title;
  }
  if (!level.grade.empty()) {
    out["grade"] = level.grade;
  }
  if (level.experience) {
    out["experience"] = experience_json(*level.experience);
  }
  if (!level.shares.empty()) {
    out["shares"] = level.shares;
  }
}

Json level_model_json(const Level& level) {
  Json out = Json::object();
  put_level_header(out, level);
  if (!level.areas.empty()) {
    Json statements = Json::object();
    for (const auto& block : level.areas) {
      Json list = Json::array();
      for (const auto& statement : block.statements) {
        list.push_back(statement_json(statement));
      }
      statements[block.area] = std::move(list);
    }
    out["statements"] = std::move(statements);
  }
  return out;
}

Json general_json(const model::GeneralLadder& general) {
  Json out = Json::object();
  if (!general.name.empty()) {
    out["name"] = general.name;
  }
  out["grades"] = general.grades;
  return out;
}

void put_metadata(Json& out, const model::Metadata& meta) {
  out["name"] = meta.name;
  if (!meta.organization.empty()) {
    out["organization"] = meta.organization;
  }
  if (!meta.published.empty()) {
    out["published"] = meta.published;
  }
  if (!meta.version.empty()) {
    out["version"] = meta.version;
  }
  if (!meta.authors.empty()) {
    Json authors = Json::array();
    for (const auto& author : meta.authors) {
      Json one{{"name", author.name}};
      if (!author.role.empty()) {
        one["role"] = author.role;
      }
      authors.push_back(std::move(one));
    }
    out["authors"] = std::move(authors);
  }
  if (!meta.credits.empty()) {
    out["credits"] = meta.credits;
  }
}

}  // namespace

Json experience_json(const model::Experience& experience) {
  Json out{{"min_years", experience.min_years}};
  if (experience.max_years) {
    out["max_years"] = *experience.max_years;
  }
  return out;
}

Json to_json(const model::LadderData& data) {
  Json out{{"schema", data.schema}};
  put_metadata(out, data.meta);
  if (!data.general.grades.empty() || !data.general.name.empty()) {
    out["general_ladder"] = general_json(data.general);
  }
  Json areas = Json::array();
  for (const auto& area : data.areas) {
    areas.push_back({{"id", area.id}, {"name", area.name}});
  }
  out["areas"] = std::move(areas);
  Json scale = Json::array();
  for (const auto& point : data.scale) {
    Json item{{"id", point.id}, {"name", point.name}, {"score", point.score}};
    if (!point.description.empty()) {
      item["description"] = point.description;  // absent when empty, as in the YAML
    }
    scale.push_back(std::move(item));
  }
  out["scale"] = std::move(scale);
  out["readiness"] = {{"met_at", data.readiness.met_at},
                      {"share_per_area", data.readiness.share_per_area}};
  Json tracks = Json::array();
  for (const auto& track : data.tracks) {
    Json levels = Json::array();
    for (const auto& level : track.levels) {
      levels.push_back(level_model_json(level));
    }
    tracks.push_back({{"id", track.id},
                      {"name", track.name},
                      {"family", model::to_string(track.family)},
                      {"levels", std::move(levels)}});
  }
  out["tracks"] = std::move(tracks);
  if (!data.lint_disabled.empty()) {
    out["lint"] = {{"disable", data.lint_disabled}};
  }
  return out;
}

Json overview_json(const model::Ladder& ladder) {
  const model::LadderData& data = ladder.data();
  Json out = Json::object();
  put_metadata(out, data.meta);
  out["general_ladder"] = general_json(data.general);
  Json tracks = Json::array();
  for (const auto& track : data.tracks) {
    Json levels = Json::array();
    for (const auto& level : track.levels) {
      Json one = Json::object();
      put_level_header(one, level);
      levels.push_back(std::move(one));
    }
    tracks.push_back({{"id", track.id},
                      {"name", track.name},
                      {"family", model::to_string(track.family)},
                      {"levels", std::move(levels)}});
  }
  out["tracks"] = std::move(tracks);
  return out;
}

Json level_json(const model::Ladder& ladder, const Level& level) {
  Json out = Json::object();
  put_level_header(out, level);
  if (const model::Track* track = ladder.track_of(level.id)) {
    out["track"] = {
        {"id", track->id}, {"name", track->name}, {"family", model::to_string(track->family)}};
  }
  const Level* next = ladder.next_level(level.id);
  out["next_level"] = next != nullptr ? Json(next->id) : Json(nullptr);
  Json areas = Json::array();
  for (const auto& block : ladder.content_of(level)) {
    const model::Area* area = ladder.find_area(block.area);
    Json statements = Json::array();
    for (const auto& statement : block.statements) {
      statements.push_back(statement_json(statement));
    }
    areas.push_back({{"id", block.area},
                     {"name", area != nullptr ? area->name : block.area},
                     {"statements", std::move(statements)}});
  }
  out["areas"] = std::move(areas);
  return out;
}

}  // namespace rung::format
