// The outcome of a submitted assessment and the side-by-side view (review_views.hpp).
#include <fmt/format.h>

#include "rung/assess/fit.hpp"
#include "rung/web/review/views.hpp"

namespace rung::web {

namespace {

std::string area_name(const model::Ladder& ladder, std::string_view id) {
  const model::Area* area = ladder.find_area(id);
  return area ? area->name : std::string(id);
}

// Links to the statements behind a figure: [{href, id, text}].
Json statement_links(const model::Ladder& ladder, const std::vector<std::string>& ids) {
  Json out = Json::array();
  for (const std::string& id : ids) {
    const model::Statement* s = ladder.find_statement(id);
    out.push_back(Json{{"href", statement_anchor(id)}, {"id", id}, {"text", s ? s->text : id}});
  }
  return out;
}

Json area_fit_json(const model::Ladder& ladder, const assess::AreaFit& area) {
  Json groups = Json::array();
  for (const auto& [label, ids] : {std::pair{"Met", &area.met}, std::pair{"Not met", &area.not_met},
                                   std::pair{"Unrated", &area.unrated}}) {
    if (!ids->empty()) {
      groups.push_back(Json{
          {"label", label}, {"count", ids->size()}, {"statements", statement_links(ladder, *ids)}});
    }
  }
  return Json{{"area", area.area_id},
              {"name", area_name(ladder, area.area_id)},
              {"met", area.met.size()},
              {"total", area.total()},
              {"percent", assess::percent_floor(area.met.size(), area.total())},
              {"groups", std::move(groups)}};
}

Json readiness_json(const model::Ladder& ladder, const assess::Readiness& readiness) {
  Json areas = Json::array();
  Json blocked = Json::array();
  for (const assess::AreaReadiness& area : readiness.areas) {
    areas.push_back(Json{{"name", area_name(ladder, area.area_id)},
                         {"met", area.met},
                         {"required", area.required},
                         {"total", area.total},
                         {"ready", area.ready()}});
    if (!area.ready()) {
      blocked.push_back(Json{{"name", area_name(ladder, area.area_id)},
                             {"missing", area.missing()},
                             {"statements", statement_links(ladder, area.blocking)}});
    }
  }
  const model::Level* level = ladder.find_level(readiness.level_id);
  return Json{{"ready", readiness.ready},
              {"level_title", level ? level->title : readiness.level_id},
              {"areas", std::move(areas)},
              {"blocked", std::move(blocked)}};
}

Json fit_summary(const assess::LevelFit& fit) {
  return Json{{"met", fit.met()},
              {"total", fit.total()},
              {"percent", assess::percent_floor(fit.met(), fit.total())}};
}

// The scale as <option>s for the agreed rating, `selected` chosen ("" for not yet agreed).
Json agreed_options(const model::Ladder& ladder, std::string_view selected) {
  Json out = Json::array();
  out.push_back(Json{{"value", ""}, {"label", "Not agreed yet"}, {"selected", selected.empty()}});
  for (const model::ScalePoint& point : ladder.data().scale) {
    out.push_back(
        Json{{"value", point.id}, {"label", point.name}, {"selected", point.id == selected}});
  }
  return out;
}

// A rating a calibration session changed: {rating, reason}, or null.
Json side_calibrated_json(const model::Ladder& ladder, const review::Calibration& calibration,
                          const std::string& statement) {
  const review::CalibratedFigure* figure = calibration.rating(statement);
  if (figure == nullptr) {
    return nullptr;
  }
  return Json{{"rating", figure->calibrated.empty() ? std::string("unrated")
                                                    : scale_name(ladder, figure->calibrated)},
              {"reason", fmt::format("{} ({})", figure->reason, figure->session)}};
}

Json side_row_json(const model::Ladder& ladder, const review::SideBySideRow& row,
                   const review::Calibration& calibration) {
  auto named = [&](const std::string& id) {
    return id.empty() ? Json("unrated") : Json(scale_name(ladder, id));
  };
  Json agreement = nullptr;
  if (row.agreement) {
    agreement = Json{
        {"rating", row.agreement->scale.empty() ? Json(nullptr)
                                                : Json(scale_name(ladder, row.agreement->scale))},
        {"note", row.agreement->note.empty() ? Json(nullptr) : Json(row.agreement->note)}};
  }
  const bool one_step = row.divergence && *row.divergence == 1;
  return Json{{"id", row.statement_id},
              {"anchor", "t-" + row.statement_id},
              {"text", row.text},
              {"self", named(row.self_rating)},
              {"manager", named(row.manager_rating)},
              {"divergence", row.divergence ? Json(*row.divergence) : Json(nullptr)},
              {"agreed", row.divergence && *row.divergence == 0},
              {"one_step", one_step},
              {"apart", row.divergence && *row.divergence >= review::k_divergence_steps},
              {"flagged", row.flagged},
              {"across_meets", row.across_meets},
              {"self_evidence", evidence_items(row.self_evidence, row.statement_id)},
              {"manager_evidence", evidence_items(row.manager_evidence, row.statement_id)},
              {"agreement", std::move(agreement)},
              {"options", agreed_options(ladder, row.agreement ? row.agreement->scale : "")},
              {"note_text", row.agreement ? row.agreement->note : std::string()},
              {"calibrated", side_calibrated_json(ladder, calibration, row.statement_id)}};
}

// Where a statement stands on the agenda: flagged topics, then one step apart; statements rated
// the same or not rated by both are not on it (the table below lists them).
int agenda_rank(const review::SideBySideRow& row) {
  if (row.flagged) {
    return 0;
  }
  if (row.divergence) {
    return *row.divergence == 0 ? -1 : 1;
  }
  return 2;
}

Json agenda_json(const model::Ladder& ladder, const review::SideBySide& side) {
  Json out = Json::array();
  for (const int rank : {0, 1}) {
    for (const review::SideBySideRow& row : side.rows) {
      if (agenda_rank(row) == rank) {
        Json item = side_row_json(ladder, row, side.calibration);
        item["area"] = area_name(ladder, row.area_id);
        out.push_back(std::move(item));
      }
    }
  }
  return out;
}

Json shown_json(const model::Ladder& ladder, const std::optional<store::Assessment>& shown) {
  if (!shown) {
    return nullptr;
  }
  return assessment_row(ladder, *shown, {});
}

}  // namespace

Json outcome_json_view(const model::Ladder& ladder, const review::Outcome& outcome) {
  Json areas = Json::array();
  for (const assess::AreaFit& area : outcome.fit.areas) {
    areas.push_back(area_fit_json(ladder, area));
  }
  Json out = fit_summary(outcome.fit);
  out["ladder_digest"] = outcome.ladder_digest;
  out["areas"] = std::move(areas);
  out["readiness"] = readiness_json(ladder, outcome.readiness);
  return out;
}

Json side_by_side_view(const model::Ladder& ladder, const review::SideBySide& side) {
  Json areas = Json::array();
  for (const review::SideBySideRow& row : side.rows) {
    if (areas.empty() || areas.back()["id"] != row.area_id) {
      areas.push_back(Json{
          {"id", row.area_id}, {"name", area_name(ladder, row.area_id)}, {"rows", Json::array()}});
    }
    areas.back()["rows"].push_back(side_row_json(ladder, row, side.calibration));
  }
  Json summary = nullptr;
  if (side.summary) {
    summary = Json{{"statements", side.summary->statements},
                   {"agreed", side.summary->agreed},
                   {"one_step", side.summary->one_step},
                   {"apart", side.summary->apart},
                   {"unrated", side.summary->unrated},
                   {"flagged", side.summary->flagged},
                   {"settled", side.summary->settled},
                   {"self_fit", fit_summary(side.summary->self_fit)},
                   {"manager_fit", fit_summary(side.summary->manager_fit)}};
  }
  Json calibrated_outcome = nullptr;
  if (const auto& outcome = side.calibration.outcome) {
    calibrated_outcome = Json{{"outcome", review::calibration_outcome_name(outcome->calibrated)},
                              {"submitted", review::calibration_outcome_name(outcome->submitted)},
                              {"reason", outcome->reason},
                              {"session", outcome->session}};
  }
  const model::Level* level = ladder.find_level(side.level_id);
  return Json{{"level", side.level_id},
              {"level_title", level ? level->title : side.level_id},
              {"self", shown_json(ladder, side.self)},
              {"manager", shown_json(ladder, side.manager)},
              {"areas", std::move(areas)},
              {"summary", std::move(summary)},
              {"agenda", side.self && side.manager ? agenda_json(ladder, side) : Json::array()},
              {"may_agree", side.may_agree},
              {"min_steps", review::k_divergence_steps},
              {"calibrated_outcome", calibrated_outcome},
              {"calibrated_ratings", side.calibration.ratings.size()}};
}

}  // namespace rung::web
