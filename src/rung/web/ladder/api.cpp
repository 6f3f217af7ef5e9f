#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/format/ladder_json.hpp"
#include "rung/html/assets.hpp"
#include "rung/web/ladder/handlers.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

using model::Ladder;

std::vector<std::string> track_ids(const Ladder& ladder) {
  std::vector<std::string> out;
  for (const auto& track : ladder.tracks()) {
    out.push_back(track.id);
  }
  return out;
}

// 404 {"error"} naming what exists, with a "did you mean" hint when an id is close.
Response unknown(std::string_view what, std::string_view id,
                 const std::vector<std::string>& known) {
  const auto close = closest_match(id, known);
  return json_error(404, "not-found",
                    fmt::format("no {} '{}'; {}s are: {}", what, id, what, join(known)),
                    close ? fmt::format("did you mean '{}'?", *close) : std::string());
}

Json statement_entry(const Ladder& ladder, const model::Level& level,
                     const model::AreaStatements& block, const model::Statement& statement) {
  const model::Track* track = ladder.track_of(level.id);
  Json out{{"id", statement.id},
           {"text", statement.text},
           {"track", track != nullptr ? track->id : ""},
           {"level", level.id},
           {"area", block.area}};
  if (!statement.refs.empty()) {
    out["refs"] = statement.refs;
  }
  return out;
}

}  // namespace

Response api_index(const Resources&, const Call&) {
  return json_response(200, Json{{"ladder", "/api/v1/ladder"},
                                 {"tracks", "/api/v1/tracks"},
                                 {"levels", "/api/v1/levels"},
                                 {"statements", "/api/v1/statements"},
                                 {"openapi", "/api/v1/openapi.json"}});
}

Response api_ladder(const Resources& resources, const Call&) {
  return json_response(200, format::to_json(resources.ladder.data()));
}

Response api_tracks(const Resources& resources, const Call&) {
  Json overview = format::overview_json(resources.ladder);
  return json_response(200, Json{{"tracks", std::move(overview["tracks"])}});
}

Response api_track(const Resources& resources, const Call& call) {
  const model::Track* track = resources.ladder.find_track(call.param("id"));
  if (track == nullptr) {
    return unknown("track", call.param("id"), track_ids(resources.ladder));
  }
  Json levels = Json::array();
  for (const auto& level : track->levels) {
    levels.push_back(format::level_json(resources.ladder, level));
  }
  return json_response(200, Json{{"id", track->id},
                                 {"name", track->name},
                                 {"family", model::to_string(track->family)},
                                 {"levels", std::move(levels)}});
}

Response api_levels(const Resources& resources, const Call& call) {
  const auto wanted = query_value(call.target.query, "track");
  if (wanted && resources.ladder.find_track(*wanted) == nullptr) {
    return unknown("track", *wanted, track_ids(resources.ladder));
  }
  Json levels = Json::array();
  Json overview = format::overview_json(resources.ladder);
  for (Json& track : overview["tracks"]) {
    if (wanted && track["id"] != *wanted) {
      continue;
    }
    for (Json& level : track["levels"]) {
      level["track"] = track["id"];
      levels.push_back(std::move(level));
    }
  }
  return json_response(200, Json{{"levels", std::move(levels)}});
}

Response api_level(const Resources& resources, const Call& call) {
  const model::Level* level = resources.ladder.find_level(call.param("id"));
  if (level == nullptr) {
    return unknown("level", call.param("id"), resources.ladder.level_ids());
  }
  return json_response(200, format::level_json(resources.ladder, *level));
}

Response api_statements(const Resources& resources, const Call& call) {
  const Ladder& ladder = resources.ladder;
  const auto by_track = query_value(call.target.query, "track");
  const auto by_level = query_value(call.target.query, "level");
  const auto by_area = query_value(call.target.query, "area");
  if (by_track && ladder.find_track(*by_track) == nullptr) {
    return unknown("track", *by_track, track_ids(ladder));
  }
  if (by_level && ladder.find_level(*by_level) == nullptr) {
    return unknown("level", *by_level, ladder.level_ids());
  }
  if (by_area && ladder.find_area(*by_area) == nullptr) {
    std::vector<std::string> areas;
    for (const auto& area : ladder.areas()) {
      areas.push_back(area.id);
    }
    return unknown("area", *by_area, areas);
  }
  Json out = Json::array();
  for (const auto& track : ladder.tracks()) {
    for (const auto& level : track.levels) {
      if ((by_track && track.id != *by_track) || (by_level && level.id != *by_level)) {
        continue;
      }
      for (const auto& block : level.areas) {
        for (const auto& statement : block.statements) {
          if (!by_area || block.area == *by_area) {
            out.push_back(statement_entry(ladder, level, block, statement));
          }
        }
      }
    }
  }
  return json_response(200, Json{{"statements", std::move(out)}});
}

Response api_statement(const Resources& resources, const Call& call) {
  const Ladder& ladder = resources.ladder;
  const std::string_view id = call.param("id");
  const model::Level* level = ladder.level_of_statement(id);
  if (level == nullptr) {
    return json_error(404, "not-found", fmt::format("no statement '{}'", id),
                      "statement ids look like 'swe-1-role-1'; /api/v1/statements lists them");
  }
  for (const auto& block : level->areas) {
    for (const auto& statement : block.statements) {
      if (statement.id == id) {
        return json_response(200, statement_entry(ladder, *level, block, statement));
      }
    }
  }
  return json_error(404, "not-found", fmt::format("no statement '{}'", id));
}

}  // namespace rung::web::handlers
