// Team readiness for programs: the API's JSON and the CSV download.
#include <fmt/format.h>

#include "rung/core/utc.hpp"
#include "rung/export/csv.hpp"
#include "rung/web/team/views.hpp"

namespace rung::web::team {

namespace {

Json time_or_null(std::optional<Millis> at) {
  return at ? Json(format_utc(*at)) : Json(nullptr);
}

Json stage_json(const review::Stage& stage) {
  const bool started = stage.state != review::StageState::not_started;
  return Json{{"state", review::to_string(stage.state)},
              {"at", started ? Json(format_utc(stage.at)) : Json(nullptr)},
              {"level", started ? Json(stage.level_id) : Json(nullptr)},
              {"assessment", stage.assessment ? Json(*stage.assessment) : Json(nullptr)}};
}

Json figure_json(const std::optional<review::LevelFigure>& figure) {
  if (!figure) {
    return nullptr;
  }
  return Json{{"assessment", figure->assessment}, {"source", store::to_string(figure->source)},
              {"level", figure->level_id},        {"met", figure->met},
              {"total", figure->total},           {"ready", figure->ready},
              {"blocking", figure->blocking},     {"missing", figure->missing}};
}

// The calibrated layer of the row's manager assessment: {outcome: {submitted, calibrated,
// reason, session} | null, ratings: [{statement, submitted, calibrated, reason, session}]}, or
// null when no session changed it.
Json team_figure_json(const review::CalibratedFigure& f) {
  return Json{{"submitted", f.submitted},
              {"calibrated", f.calibrated},
              {"reason", f.reason},
              {"session", f.session}};
}

Json calibration_of(const std::optional<review::Calibration>& c) {
  if (!c) {
    return nullptr;
  }
  Json ratings = Json::array();
  for (const auto& [statement, figure] : c->ratings) {
    Json one = team_figure_json(figure);
    one["statement"] = statement;
    ratings.push_back(std::move(one));
  }
  return Json{{"outcome", c->outcome ? team_figure_json(*c->outcome) : Json(nullptr)},
              {"ratings", std::move(ratings)}};
}

std::string case_status_or_empty(const review::TeamRow& row) {
  return row.open_case_status ? std::string(store::to_string(*row.open_case_status))
                              : std::string();
}

Json row_json(const review::TeamRow& row) {
  const store::Person& p = row.person;
  return Json{
      {"person",
       {{"id", p.id},
        {"name", p.name},
        {"email", p.email},
        {"manager", p.manager ? Json(*p.manager) : Json(nullptr)},
        {"track", p.track},
        {"level", p.level}}},
      {"depth", row.depth},
      {"self", stage_json(row.self)},
      {"manager", stage_json(row.manager)},
      {"fit", figure_json(row.fit)},
      {"next_level", row.next_level.empty() ? Json(nullptr) : Json(row.next_level)},
      {"readiness", figure_json(row.next)},
      {"flagged", row.flagged ? Json(*row.flagged) : Json(nullptr)},
      {"growth", row.growth ? Json{{"plan", row.growth->plan},
                                   {"target_level", row.growth->target_level},
                                   {"done", row.growth->done},
                                   {"total", row.growth->total}}
                            : Json(nullptr)},
      {"last_assessed", time_or_null(row.last_assessed)},
      {"open_case", row.open_case ? Json(*row.open_case) : Json(nullptr)},
      {"open_case_status",
       row.open_case_status ? Json(store::to_string(*row.open_case_status)) : Json(nullptr)},
      {"calibration", calibration_of(row.calibration)}};
}

std::string date_or_empty(std::optional<Millis> at) {
  return at ? format_utc(*at).substr(0, 10) : std::string();
}

std::string stage_date(const review::Stage& stage) {
  return stage.state == review::StageState::not_started ? std::string()
                                                        : format_utc(stage.at).substr(0, 10);
}

template <class T>
std::string number_or_empty(const std::optional<T>& value) {
  return value ? std::to_string(*value) : std::string();
}

}  // namespace

Json api_json(const review::TeamReadiness& team) {
  Json rows = Json::array();
  for (const review::TeamRow& row : team.rows) {
    rows.push_back(row_json(row));
  }
  Json awaiting = Json::array();
  for (const review::Awaiting& waiting : team.awaiting) {
    const bool assessment = waiting.kind == review::AwaitKind::assessment;
    awaiting.push_back(
        Json{{"id", waiting.person.id},
             {"name", waiting.person.name},
             {"kind", assessment                                      ? "assessment"
                      : waiting.kind == review::AwaitKind::write_case ? "write_case"
                                                                      : "finish_case"},
             {"case", waiting.promotion ? Json(*waiting.promotion) : Json(nullptr)},
             {"self_submitted_at",
              assessment ? Json(format_utc(waiting.self_submitted_at)) : Json(nullptr)}});
  }
  return Json{{"person", {{"id", team.person.id}, {"name", team.person.name}}},
              {"cycle", team.cycle ? Json{{"id", team.cycle->id},
                                          {"name", team.cycle->name},
                                          {"status", store::to_string(team.cycle->status)}}
                                   : Json(nullptr)},
              {"team_size", team.team_size},
              {"assessed", team.assessed},
              {"count", team.rows.size()},
              {"awaiting", std::move(awaiting)},
              {"rows", std::move(rows)}};
}

std::string csv(const model::Ladder& ladder, const review::TeamReadiness& team) {
  std::string out =
      "name,email,track,level,level_title,reports_to,self_assessment,self_date,"
      "manager_assessment,manager_date,fit_met,fit_total,fit_from,next_level,ready_for_next,"
      "blocking_statements,flagged_topics,growth_done,growth_total,last_assessed,open_case,"
      "calibrated_outcome,calibrated_ratings,calibration_reason\r\n";
  for (const review::TeamRow& row : team.rows) {
    const model::Level* level = ladder.find_level(row.person.level);
    const std::vector<std::string> cells{
        row.person.name,
        row.person.email,
        row.person.track,
        row.person.level,
        level ? level->title : std::string(),
        row.manager_name,
        std::string(review::to_string(row.self.state)),
        stage_date(row.self),
        std::string(review::to_string(row.manager.state)),
        stage_date(row.manager),
        row.fit ? std::to_string(row.fit->met) : std::string(),
        row.fit ? std::to_string(row.fit->total) : std::string(),
        row.fit ? std::string(store::to_string(row.fit->source)) : std::string(),
        row.next_level,
        row.next ? (row.next->ready ? "yes" : "no") : std::string(),
        row.next ? std::to_string(row.next->blocking) : std::string(),
        number_or_empty(row.flagged),
        row.growth ? std::to_string(row.growth->done) : std::string(),
        row.growth ? std::to_string(row.growth->total) : std::string(),
        date_or_empty(row.last_assessed),
        case_status_or_empty(row),
        row.calibration && row.calibration->outcome ? row.calibration->outcome->calibrated
                                                    : std::string(),
        row.calibration ? std::to_string(row.calibration->ratings.size()) : std::string(),
        !row.calibration                   ? std::string()
        : row.calibration->outcome         ? row.calibration->outcome->reason
        : row.calibration->ratings.empty() ? std::string()
                                           : row.calibration->ratings.begin()->second.reason};
    for (std::size_t i = 0; i < cells.size(); ++i) {
      out += (i == 0 ? "" : ",") + exports::csv_field(exports::spreadsheet_safe(cells[i]));
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace rung::web::team
