#include "rung/web/review/views.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/core/utc.hpp"
#include "rung/html/linkify.hpp"
#include "rung/render/dates.hpp"

namespace rung::web {

namespace {

std::string role_label(store::AuthorRole role) {
  return role == store::AuthorRole::self ? "Self-assessment" : "Manager assessment";
}

Json cycle_name(const std::vector<store::ReviewCycle>& cycles, const std::optional<store::Id>& id) {
  if (!id) {
    return nullptr;
  }
  const auto found = std::find_if(cycles.begin(), cycles.end(),
                                  [&](const store::ReviewCycle& c) { return c.id == *id; });
  return found == cycles.end() ? Json(fmt::format("cycle {}", *id)) : Json(found->name);
}

Json evidence_list(const std::vector<store::Evidence>& evidence, std::string_view statement) {
  Json out = Json::array();
  for (const store::Evidence& item : evidence) {
    if (item.statement == statement) {
      out.push_back(
          Json{{"id", item.id},
               {"text", item.text},
               {"segments", html::link_segments(item.text)},
               // As people write dates ("2 May 2026"), never the ISO text.
               {"date", item.date.empty() ? Json(nullptr)
                                          : Json(render::date_text(std::string_view(item.date)))}});
    }
  }
  return out;
}

Json scale_options(const model::Ladder& ladder, std::string_view statement,
                   std::string_view checked) {
  Json out = Json::array();
  for (const model::ScalePoint& point : ladder.data().scale) {
    out.push_back(Json{{"name", fmt::format("rating.{}", statement)},
                       {"value", point.id},
                       {"label", point.name},
                       {"description", point.description},
                       {"input_id", fmt::format("r-{}-{}", statement, point.id)},
                       {"checked", point.id == checked}});
  }
  return out;
}

// The rating to show: what the user sent (after an error), else what is stored.
std::string shown_rating(const review::AssessmentView& view, const AssessmentEdits& edits,
                         std::string_view statement) {
  if (const auto sent = edits.ratings.find(statement); sent != edits.ratings.end()) {
    return sent->second;
  }
  const auto stored = view.ratings.find(statement);
  return stored == view.ratings.end() ? std::string() : stored->second;
}

Json statement_json(const model::Ladder& ladder, const review::AssessmentView& view, bool editable,
                    const AssessmentEdits& edits, const model::Statement& s) {
  const std::string rating = shown_rating(view, edits, s.id);
  const auto stored = edits.stored.find(s.id);
  const bool adding = edits.evidence_statement == s.id;
  return Json{
      {"id", s.id},
      {"anchor", statement_anchor(s.id).substr(1)},
      {"text", s.text},
      {"rating_name", rating.empty() ? Json(nullptr) : Json(scale_name(ladder, rating))},
      {"options", editable ? scale_options(ladder, s.id, rating) : Json::array()},
      {"stored_name", stored == edits.stored.end()
                          ? Json(nullptr)
                          : Json(stored->second.empty() ? std::string("unrated")
                                                        : scale_name(ladder, stored->second))},
      {"evidence", evidence_list(view.evidence, s.id)},
      {"evidence_text", adding ? edits.evidence_text : std::string()},
      {"evidence_date", adding ? edits.evidence_date : std::string()},
      {"evidence_open", adding}};
}

}  // namespace

Json evidence_items(const std::vector<store::Evidence>& evidence, std::string_view statement) {
  return evidence_list(evidence, statement);
}

void add_self_beside(const model::Ladder& ladder, const review::AssessmentView& self, Json& body) {
  for (Json& area : body["areas"]) {
    for (Json& statement : area["statements"]) {
      const std::string id = statement["id"].get<std::string>();
      const auto rating = self.ratings.find(id);
      statement["beside"] = Json{
          {"rating_name", rating == self.ratings.end() ? Json("unrated")
                                                       : Json(scale_name(ladder, rating->second))},
          {"evidence", evidence_list(self.evidence, id)}};
    }
  }
  body["beside"] = Json{{"url", assessment_url(self.assessment.person, self.assessment.id)},
                        {"submitted", render::date_text(self.assessment.submitted_at)}};
}

std::string assessments_url(store::Id person) {
  return fmt::format("/people/{}/assessments", person);
}

std::string assessment_url(store::Id person, store::Id assessment) {
  return fmt::format("/people/{}/assessments/{}", person, assessment);
}

std::string start_url(store::Id person, std::string_view level) {
  return fmt::format("/people/{}/assessments?level={}#start", person, percent_encode(level));
}

std::string statement_anchor(std::string_view statement) {
  return fmt::format("#s-{}", statement);
}

std::string scale_name(const model::Ladder& ladder, std::string_view scale_id) {
  for (const model::ScalePoint& point : ladder.data().scale) {
    if (point.id == scale_id) {
      return point.name;
    }
  }
  return std::string(scale_id);
}

Json assessment_row(const model::Ladder& ladder, const store::Assessment& assessment,
                    const std::vector<store::ReviewCycle>& cycles) {
  const model::Level* level = ladder.find_level(assessment.level);
  const bool draft = assessment.status == store::AssessmentStatus::draft;
  const bool withdrawn = assessment.status == store::AssessmentStatus::withdrawn;
  return Json{{"id", assessment.id},
              {"url", assessment_url(assessment.person, assessment.id)},
              {"role", role_label(assessment.role)},
              {"level", assessment.level},
              {"level_title", level ? Json(level->title) : Json(assessment.level)},
              {"cycle", cycle_name(cycles, assessment.cycle)},
              {"status", store::to_string(assessment.status)},
              {"draft", draft},
              {"withdrawn", withdrawn},
              {"version", assessment.version},
              {"updated", render::date_time_text(assessment.updated_at)}};
}

Json level_options(const model::Ladder& ladder, std::string_view selected) {
  Json out = Json::array();
  for (const model::Track& track : ladder.tracks()) {
    Json levels = Json::array();
    for (const model::Level& level : track.levels) {
      levels.push_back(
          Json{{"id", level.id}, {"title", level.title}, {"selected", level.id == selected}});
    }
    out.push_back(Json{{"track", track.name}, {"levels", std::move(levels)}});
  }
  return out;
}

Json level_options_of(const model::Ladder& ladder, const std::vector<std::string>& levels,
                      std::string_view selected) {
  Json out = Json::array();
  for (const model::Track& track : ladder.tracks()) {
    const bool wanted = std::any_of(levels.begin(), levels.end(), [&](const std::string& id) {
      const model::Track* of = ladder.track_of(id);
      return of != nullptr && of->id == track.id;
    });
    if (!wanted) {
      continue;
    }
    Json options = Json::array();
    for (const model::Level& level : track.levels) {
      options.push_back(
          Json{{"id", level.id}, {"title", level.title}, {"selected", level.id == selected}});
    }
    out.push_back(Json{{"track", track.name}, {"levels", std::move(options)}});
  }
  return out;
}

Json scale_legend(const model::Ladder& ladder) {
  Json out = Json::array();
  for (const model::ScalePoint& point : ladder.data().scale) {
    if (!point.description.empty()) {
      out.push_back(Json{{"name", point.name}, {"description", point.description}});
    }
  }
  return out;
}

Json rating_progress(const model::Ladder& ladder, const review::AssessmentView& view) {
  std::size_t total = 0;
  Json unrated = Json::array();
  if (const model::Level* level = ladder.find_level(view.assessment.level)) {
    for (const model::AreaStatements& group : ladder.content_of(*level)) {
      const model::Area* area = ladder.find_area(group.area);
      for (const model::Statement& s : group.statements) {
        ++total;
        if (!view.ratings.contains(s.id)) {
          unrated.push_back(
              Json{{"text", s.text},
                   {"area", area ? area->name : group.area},
                   {"url", assessment_url(view.assessment.person, view.assessment.id) +
                               statement_anchor(s.id)}});
        }
      }
    }
  }
  const std::size_t rated = total - unrated.size();
  return Json{{"rated", rated},
              {"total", total},
              {"percent", total == 0 ? 0 : rated * 100 / total},
              {"unrated", std::move(unrated)}};
}

std::string rated_by(store::AuthorRole role) {
  return role == store::AuthorRole::self ? "self-rated" : "rated by a manager";
}

Json assessment_body(const model::Ladder& ladder, const review::AssessmentView& view, bool editable,
                     const AssessmentEdits& edits) {
  Json areas = Json::array();
  const model::Level* level = ladder.find_level(view.assessment.level);
  if (level != nullptr) {
    for (const model::AreaStatements& group : ladder.content_of(*level)) {
      const model::Area* area = ladder.find_area(group.area);
      Json statements = Json::array();
      for (const model::Statement& s : group.statements) {
        statements.push_back(statement_json(ladder, view, editable, edits, s));
      }
      areas.push_back(Json{{"id", group.area},
                           {"name", area ? area->name : group.area},
                           {"statements", std::move(statements)}});
    }
  }
  return Json{{"level", view.assessment.level},
              {"level_title", level ? Json(level->title) : Json(view.assessment.level)},
              {"areas", std::move(areas)}};
}

}  // namespace rung::web
