#include "rung/web/review/json.hpp"

#include <string>

#include "rung/core/utc.hpp"

namespace rung::web {

namespace {

template <class T>
Json or_null(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json or_null(const std::string& text) {
  return text.empty() ? Json(nullptr) : Json(text);
}

Json area_fit_json(const assess::AreaFit& area) {
  return Json{{"area", area.area_id},
              {"met", area.met},
              {"not_met", area.not_met},
              {"unrated", area.unrated},
              {"percent_met", assess::percent_floor(area.met.size(), area.total())}};
}

Json row_json(const review::SideBySideRow& row) {
  return Json{{"statement", row.statement_id},
              {"area", row.area_id},
              {"text", row.text},
              {"self_rating", or_null(row.self_rating)},
              {"manager_rating", or_null(row.manager_rating)},
              {"divergence", or_null(row.divergence)},
              {"flagged", row.flagged}};
}

Json summary_json(const std::optional<review::SharedSummary>& summary) {
  if (!summary) {
    return nullptr;
  }
  return Json{{"statements", summary->statements},
              {"agreed", summary->agreed},
              {"flagged", summary->flagged},
              {"self_fit", fit_json(summary->self_fit)},
              {"manager_fit", fit_json(summary->manager_fit)}};
}

Json item_json(const review::ChecklistItem& item) {
  return Json{{"area", item.area_id},
              {"statement", item.statement_id},
              {"text", item.text},
              {"rating", or_null(item.rating)},
              {"done", item.done},
              {"done_by", or_null(item.done_by)},
              {"done_at", item.done_at != 0 ? Json(format_utc(item.done_at)) : Json()},
              {"note", item.note},
              {"target_date", or_null(item.target_date)},
              {"evidence", item.evidence}};
}

}  // namespace

Json assessment_json(const store::Assessment& a) {
  return Json{{"id", a.id},
              {"person", a.person},
              {"role", store::to_string(a.role)},
              {"author_account", a.author_account},
              {"author_person", or_null(a.author_person)},
              {"level", a.level},
              {"cycle", or_null(a.cycle)},
              {"status", store::to_string(a.status)},
              {"version", a.version},
              {"created_at", a.created_at},
              {"updated_at", a.updated_at},
              {"submitted_at", a.submitted_at == 0 ? Json(nullptr) : Json(a.submitted_at)}};
}

Json assessment_json(const review::AssessmentView& view) {
  Json out = assessment_json(view.assessment);
  out["ratings"] = Json::object();
  for (const auto& [statement, scale] : view.ratings) {
    out["ratings"][statement] = scale;
  }
  out["evidence"] = Json::array();
  for (const auto& item : view.evidence) {
    out["evidence"].push_back(evidence_json(item));
  }
  return out;
}

Json evidence_json(const store::Evidence& e) {
  return Json{{"id", e.id},
              {"statement", e.statement},
              {"text", e.text},
              {"date", or_null(e.date)},
              {"created_at", e.created_at}};
}

Json fit_json(const assess::LevelFit& fit) {
  Json areas = Json::array();
  for (const auto& area : fit.areas) {
    areas.push_back(area_fit_json(area));
  }
  return Json{
      {"level", fit.level_id},    {"content_level", fit.content_level_id},
      {"met", fit.met()},         {"rated", fit.rated()},
      {"total", fit.total()},     {"percent_met", assess::percent_floor(fit.met(), fit.total())},
      {"areas", std::move(areas)}};
}

Json readiness_json(const assess::Readiness& readiness) {
  Json areas = Json::array();
  Json blockers = Json::array();
  for (const auto& area : readiness.areas) {
    areas.push_back(Json{{"area", area.area_id},
                         {"total", area.total},
                         {"met", area.met},
                         {"needed", area.required},
                         {"ready", area.ready()}});
    if (!area.ready()) {
      blockers.push_back(
          Json{{"area", area.area_id}, {"missing", area.missing()}, {"statements", area.blocking}});
    }
  }
  return Json{{"level", readiness.level_id},
              {"ready", readiness.ready},
              {"areas", std::move(areas)},
              {"blockers", std::move(blockers)}};
}

Json outcome_json(const review::Outcome& outcome) {
  return Json{{"assessment", outcome.assessment},
              {"level", outcome.level_id},
              {"ladder_digest", outcome.ladder_digest},
              {"fit", fit_json(outcome.fit)},
              {"readiness", readiness_json(outcome.readiness)}};
}

namespace {

Json calibrated_figure_json(const review::CalibratedFigure& f) {
  return Json{{"submitted", f.submitted},
              {"calibrated", f.calibrated},
              {"reason", f.reason},
              {"session", f.session},
              {"at", format_utc(f.at)}};
}

Json side_calibration_json(const review::Calibration& c) {
  if (c.empty()) {
    return nullptr;
  }
  Json ratings = Json::array();
  for (const auto& [statement, figure] : c.ratings) {
    Json one = calibrated_figure_json(figure);
    one["statement"] = statement;
    ratings.push_back(std::move(one));
  }
  return Json{{"assessment", c.assessment},
              {"outcome", c.outcome ? calibrated_figure_json(*c.outcome) : Json(nullptr)},
              {"ratings", std::move(ratings)}};
}

}  // namespace

Json side_by_side_json(const review::SideBySide& view) {
  Json rows = Json::array();
  Json flagged = Json::array();
  for (const auto& row : view.rows) {
    rows.push_back(row_json(row));
    if (row.flagged) {
      flagged.push_back(row.statement_id);
    }
  }
  const auto shown = [](const std::optional<store::Assessment>& a) {
    return a ? assessment_json(*a) : Json(nullptr);
  };
  return Json{{"person", view.person},
              {"level", view.level_id},
              {"self", shown(view.self)},
              {"manager", shown(view.manager)},
              {"divergence_steps", review::k_divergence_steps},
              {"rows", std::move(rows)},
              {"flagged", std::move(flagged)},
              {"summary", summary_json(view.summary)},
              {"calibration", side_calibration_json(view.calibration)}};
}

Json plan_json(const store::GrowthPlanRecord& plan) {
  return Json{{"id", plan.id},
              {"person", plan.person},
              {"target_level", plan.target_level},
              {"created_at", plan.created_at}};
}

Json checklist_json(const review::Checklist& checklist) {
  Json items = Json::array();
  for (const auto& item : checklist.items) {
    items.push_back(item_json(item));
  }
  return Json{{"plan", plan_json(checklist.plan)}, {"items", std::move(items)}};
}

Json cycle_json(const store::ReviewCycle& cycle) {
  return Json{{"id", cycle.id},         {"name", cycle.name},
              {"starts", cycle.starts}, {"ends", cycle.ends},
              {"tracks", cycle.tracks}, {"status", store::to_string(cycle.status)}};
}

Json progress_json(store::Id person, const std::vector<review::ProgressPoint>& points) {
  Json out = Json::array();
  for (const auto& p : points) {
    out.push_back(Json{{"cycle", p.cycle},
                       {"cycle_name", p.cycle_name},
                       {"role", store::to_string(p.role)},
                       {"assessment", p.assessment},
                       {"level", p.level_id},
                       {"met", p.met},
                       {"total", p.total},
                       {"percent_met", assess::percent_floor(p.met, p.total)}});
  }
  return Json{{"person", person}, {"points", std::move(out)}};
}

}  // namespace rung::web
