#include "rung/web/promotions/views.hpp"

#include <fmt/format.h>

#include "rung/core/utc.hpp"
#include "rung/html/views.hpp"
#include "rung/render/dates.hpp"
#include "rung/review/packet_json.hpp"

namespace rung::web {

namespace {

Json optional_id(const std::optional<store::Id>& id) {
  return id ? Json(*id) : Json(nullptr);
}

std::string level_title(const model::Ladder& ladder, const std::string& id) {
  const auto* level = ladder.find_level(id);
  return level != nullptr ? level->title : id;
}

std::string day_of(store::Millis at) {
  return at == 0 ? "" : render::date_text(at);
}

Json assessment_summary(const std::optional<review::PacketAssessment>& shown) {
  if (!shown) {
    return nullptr;
  }
  return Json{{"assessment", shown->assessment.id},
              {"submitted_at", shown->assessment.submitted_at},
              {"met", shown->outcome.fit.met()},
              {"total", shown->outcome.fit.total()}};
}

std::string evidence_words(std::size_t count) {
  if (count == 0) {
    return "no evidence";
  }
  return count == 1 ? "1 piece of evidence" : fmt::format("{} pieces of evidence", count);
}

// What the decision section says before there is a decision to show.
std::string undecided_words(const store::PromotionCase& c, const review::CaseActions& actions) {
  if (actions.decide) {
    return "No decision yet. Decide below once you have read the case.";
  }
  if (c.status == store::CaseStatus::draft) {
    return "No decision yet: the case is still being written. An admin decides once it is "
           "submitted.";
  }
  return "No decision yet: an admin decides once they have reviewed the case.";
}

Json assessment_line(const review::Packet& packet,
                     const std::optional<review::PacketAssessment>& shown, std::string_view who) {
  if (!shown) {
    return nullptr;
  }
  return Json{
      {"who", who},
      {"url", fmt::format("/people/{}/assessments/{}", packet.person.id, shown->assessment.id)},
      {"submitted", day_of(shown->assessment.submitted_at)},
      {"author", shown->author_login},
      {"met", shown->outcome.fit.met()},
      {"total", shown->outcome.fit.total()},
      {"evidence", evidence_words(shown->evidence.size())}};
}

Json blocking_areas(const model::Ladder& ladder, const assess::Readiness& readiness) {
  Json areas = Json::array();
  for (const auto* area : readiness.blocked_areas()) {
    Json statements = Json::array();
    for (const auto& id : area->blocking) {
      const auto* statement = ladder.find_statement(id);
      statements.push_back(statement != nullptr ? statement->text : id);
    }
    const auto* found = ladder.find_area(area->area_id);
    areas.push_back(Json{{"area", found != nullptr ? found->name : area->area_id},
                         {"missing", area->missing()},
                         {"statements", std::move(statements)}});
  }
  return areas;
}

}  // namespace

std::string case_url(store::Id person, store::Id id) {
  return fmt::format("/people/{}/cases/{}", person, id);
}

std::string status_words(store::CaseStatus status) {
  switch (status) {
    case store::CaseStatus::draft:
      return "Draft";
    case store::CaseStatus::submitted:
      return "Submitted";
    case store::CaseStatus::in_review:
      return "In review";
    case store::CaseStatus::decided:
      return "Decided";
  }
  return "Draft";
}

std::string outcome_words(store::CaseOutcome outcome) {
  switch (outcome) {
    case store::CaseOutcome::approved:
      return "Approved";
    case store::CaseOutcome::not_now:
      return "Not now";
    case store::CaseOutcome::withdrawn:
      return "Withdrawn";
  }
  return "Approved";
}

Json case_json(const review::CaseView& view) {
  const store::PromotionCase& c = view.promotion;
  const bool shown = view.decision_visible && c.outcome.has_value();
  return Json{{"id", c.id},
              {"person", c.person},
              {"from_track", c.from_track},
              {"from_level", c.from_level},
              {"target_track", c.target_track},
              {"target_level", c.target_level},
              {"cycle", optional_id(c.cycle)},
              {"opened_by", view.opened_by_login},
              {"manager_case", c.manager_case},
              {"statement", c.statement},
              {"status", store::to_string(c.status)},
              {"outcome", shown ? Json(store::to_string(*c.outcome)) : Json(nullptr)},
              {"rationale", shown ? Json(c.rationale) : Json(nullptr)},
              {"decided_at", shown ? Json(c.decided_at) : Json(nullptr)},
              {"effective_date",
               shown && !c.effective_date.empty() ? Json(c.effective_date) : Json(nullptr)},
              {"published", c.published},
              {"published_at", c.published ? Json(c.published_at) : Json(nullptr)},
              {"version", c.version},
              {"created_at", c.created_at},
              {"updated_at", c.updated_at},
              {"url", case_url(c.person, c.id)}};
}

// What calibration sessions changed of the packet's manager assessment, in words.
static Json case_calibrated_json(const model::Ladder& ladder, const review::Calibration& c) {
  auto scale = [&](const std::string& id) {
    for (const auto& point : ladder.data().scale) {
      if (point.id == id) {
        return point.name;
      }
    }
    return id.empty() ? std::string("unrated") : id;
  };
  Json out = Json::array();
  if (c.outcome) {
    out.push_back(Json{{"what", "Outcome"},
                       {"submitted", review::calibration_outcome_name(c.outcome->submitted)},
                       {"calibrated", review::calibration_outcome_name(c.outcome->calibrated)},
                       {"session", c.outcome->session},
                       {"reason", c.outcome->reason}});
  }
  for (const auto& [statement, f] : c.ratings) {
    const auto* found = ladder.find_statement(statement);
    std::string what = found ? found->text : statement;
    while (!what.empty() && (what.back() == '.' || what.back() == ' ')) {
      what.pop_back();
    }
    out.push_back(Json{{"what", what},
                       {"submitted", scale(f.submitted)},
                       {"calibrated", scale(f.calibrated)},
                       {"session", f.session},
                       {"reason", f.reason}});
  }
  return out;
}

Json packet_json(const review::CasePacket& packet) {
  Json areas = Json::array();
  for (const auto& area : packet.target.areas) {
    areas.push_back(Json{{"area", area.area_id},
                         {"met", area.met},
                         {"required", area.required},
                         {"total", area.total},
                         {"blocking", area.blocking}});
  }
  return Json{{"level", packet.packet.level_id},
              {"self", assessment_summary(packet.packet.self)},
              {"manager", assessment_summary(packet.packet.manager)},
              {"calibration", review::calibration_json(packet.packet.calibration)},
              {"target", Json{{"level", packet.target.level_id},
                              {"ready", packet.target.ready},
                              {"areas", std::move(areas)}}}};
}

Json case_page_view(const Resources& resources, const auth::Viewer& viewer,
                    const review::CaseView& view, const review::CasePacket& packet,
                    const CaseFormState& form) {
  const model::Ladder& ladder = resources.ladder;
  const store::PromotionCase& c = view.promotion;
  const std::string url = case_url(c.person, c.id);
  Json out;
  out["person"] = Json{{"name", view.person.name}, {"url", fmt::format("/people/{}", c.person)}};
  out["is_self"] = viewer.person && viewer.person->id == c.person;
  out["from"] = level_title(ladder, c.from_level);
  out["target"] = level_title(ladder, c.target_level);
  out["target_url"] = "/levels/" + c.target_level;
  out["status"] = status_words(c.status);
  out["opened_by"] = view.opened_by_login;
  out["opened"] = day_of(c.created_at);
  out["url"] = url;
  out["version"] = c.version;
  out["csrf"] = viewer.session.csrf_token;
  out["error"] = form.error;
  out["manager_case"] = c.manager_case;
  out["statement"] = c.statement;
  out["text_case"] = form.error.empty() ? c.manager_case : form.text_case;
  out["text_statement"] = form.error.empty() ? c.statement : form.text_statement;
  const bool decided = c.status == store::CaseStatus::decided;
  out["decided"] = decided;
  if (decided && view.decision_visible && c.outcome) {
    out["decision"] = Json{{"outcome", outcome_words(*c.outcome)},
                           {"approved", c.outcome == store::CaseOutcome::approved},
                           {"rationale", c.rationale},
                           {"effective_date", c.effective_date},
                           {"decided", day_of(c.decided_at)},
                           {"published", c.published},
                           {"published_on", day_of(c.published_at)}};
  }
  out["awaiting_publication"] = decided && !view.decision_visible;
  out["undecided"] = undecided_words(c, view.actions);
  const auto& actions = view.actions;
  out["actions"] =
      Json{{"edit_case", actions.edit_case}, {"edit_statement", actions.edit_statement},
           {"submit", actions.submit},       {"start_review", actions.start_review},
           {"decide", actions.decide},       {"publish", actions.publish}};
  out["any_action"] = actions.submit || actions.start_review || actions.decide || actions.publish;
  out["rationale"] = form.rationale;
  out["effective_date"] = form.effective_date;
  Json outcomes = Json::array();
  for (auto outcome :
       {store::CaseOutcome::approved, store::CaseOutcome::not_now, store::CaseOutcome::withdrawn}) {
    const std::string id(store::to_string(outcome));
    outcomes.push_back(
        Json{{"id", id},
             {"name", outcome_words(outcome)},
             {"checked", form.outcome.empty() ? outcome == store::CaseOutcome::approved
                                              : form.outcome == id}});
  }
  out["outcomes"] = std::move(outcomes);
  Json assessments = Json::array();
  for (auto line : {assessment_line(packet.packet, packet.packet.self, "Self-assessment"),
                    assessment_line(packet.packet, packet.packet.manager, "Manager assessment")}) {
    if (!line.is_null()) {
      assessments.push_back(std::move(line));
    }
  }
  out["assessments"] = std::move(assessments);
  out["calibrated"] = case_calibrated_json(ladder, packet.packet.calibration);
  out["packet_level"] = level_title(ladder, packet.packet.level_id);
  out["assessments_url"] = fmt::format("/people/{}/assessments", c.person);
  out["ready"] = packet.target.ready;
  out["blocking"] = blocking_areas(ladder, packet.target);
  return out;
}

Json cycle_cases_view(const Resources& resources, const auth::Viewer& viewer,
                      const store::ReviewCycle& cycle, const std::vector<review::CaseView>& cases) {
  Json rows = Json::array();
  std::size_t to_publish = 0;
  for (const auto& view : cases) {
    const store::PromotionCase& c = view.promotion;
    const bool decided = c.status == store::CaseStatus::decided;
    to_publish += decided && !c.published ? 1 : 0;
    rows.push_back(Json{{"id", c.id},
                        {"url", case_url(c.person, c.id)},
                        {"decide_url", case_url(c.person, c.id) + "/decision"},
                        {"name", view.person.name},
                        {"from", level_title(resources.ladder, c.from_level)},
                        {"target", level_title(resources.ladder, c.target_level)},
                        {"status", status_words(c.status)},
                        {"outcome", c.outcome ? outcome_words(*c.outcome) : ""},
                        {"effective_date", c.effective_date},
                        {"published", c.published},
                        {"version", c.version},
                        {"decide", view.actions.decide}});
  }
  return Json{{"cycle", Json{{"id", cycle.id},
                             {"name", cycle.name},
                             {"publish_url", fmt::format("/admin/cycles/{}/publish", cycle.id)}}},
              {"cases", std::move(rows)},
              {"to_publish", to_publish},
              {"to_publish_words",
               to_publish == 1 ? std::string("1 decision is not published yet.")
                               : fmt::format("{} decisions are not published yet.", to_publish)},
              {"csrf", viewer.session.csrf_token}};
}

}  // namespace rung::web
