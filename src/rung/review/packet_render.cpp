// The promotion packet as Markdown and JSON.
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/assess/report.hpp"
#include "rung/core/utc.hpp"
#include "rung/format/markdown_text.hpp"
#include "rung/review/packet.hpp"
#include "rung/review/packet_json.hpp"

namespace rung::review {

namespace {

using Json = nlohmann::ordered_json;
using format::md_escape;
using format::MdPlace;

std::string cell(std::string_view text) {
  return md_escape(text, MdPlace::table_cell);
}

std::string rating_name(const model::Ladder& ladder, const std::string& scale_id) {
  return scale_id.empty() ? "–" : assess::scale_name(ladder, scale_id);
}

std::string figure(std::size_t met, std::size_t total) {
  return fmt::format("{} of {} ({}%)", met, total, assess::percent_floor(met, total));
}

std::string assessment_line(std::string_view label, const std::optional<PacketAssessment>& a) {
  if (!a) {
    return fmt::format("- {}: none submitted\n", label);
  }
  return fmt::format("- {}: #{} by {}, submitted {}\n", label, a->assessment.id,
                     md_escape(a->author_login, MdPlace::text),
                     format_utc(a->assessment.submitted_at));
}

void evidence_lines(std::ostream& out, const std::string& statement, std::string_view role,
                    const std::optional<PacketAssessment>& a) {
  if (!a) {
    return;
  }
  for (const auto& item : a->evidence) {
    if (item.statement == statement) {
      out << fmt::format("  - {}{}: {}\n", role, item.date.empty() ? "" : ", " + item.date,
                         md_escape(item.text, MdPlace::text));
    }
  }
}

void rows_markdown(std::ostream& out, const model::Ladder& ladder, const Packet& packet) {
  out << "\n## Ratings side by side\n\nA divergence of 2 or more scale steps, or ratings on "
         "either side of \"meets\", is marked ⚠: a topic for the conversation.\n";
  std::string area;
  for (const auto& row : packet.rows) {
    if (row.area_id != area) {
      area = row.area_id;
      out << fmt::format(
          "\n### {}\n\n| Statement | Self | Manager | Steps apart |\n"
          "| --- | --- | --- | --- |\n",
          md_escape(assess::area_name(ladder, area), MdPlace::heading));
    }
    const auto steps = row.divergence ? std::to_string(*row.divergence) : "–";
    std::string manager = rating_name(ladder, row.manager_rating);
    if (const auto* calibrated = packet.calibration.rating(row.statement_id)) {
      manager = fmt::format("{} (submitted) → **{}** (calibrated)", manager,
                            rating_name(ladder, calibrated->calibrated));
    }
    out << fmt::format("| `{}` {} | {} | {} | {}{} |\n", row.statement_id, cell(row.text),
                       rating_name(ladder, row.self_rating), manager, row.flagged ? "⚠ " : "",
                       steps);
  }
  std::ostringstream evidence;
  for (const auto& row : packet.rows) {
    std::ostringstream lines;
    evidence_lines(lines, row.statement_id, "self", packet.self);
    evidence_lines(lines, row.statement_id, "manager", packet.manager);
    if (!lines.str().empty()) {
      evidence << fmt::format("- `{}`\n{}", row.statement_id, lines.str());
    }
  }
  if (!evidence.str().empty()) {
    out << "\n### Evidence\n\n" << evidence.str();
  }
}

std::string fit_cell(const std::optional<PacketAssessment>& a, std::size_t index) {
  if (!a || index >= a->outcome.fit.areas.size()) {
    return "–";
  }
  const auto& area = a->outcome.fit.areas[index];
  return figure(area.met.size(), area.total());
}

// What calibration sessions changed of the manager assessment, each change with its reason.
void calibration_markdown(std::ostream& out, const model::Ladder& ladder, const Packet& packet) {
  const Calibration& c = packet.calibration;
  if (c.empty()) {
    return;
  }
  out << "\n## Calibrated\n\nA calibration session changed these figures of the manager "
         "assessment; the submitted ones above stay as they were.\n\n";
  if (c.outcome) {
    out << fmt::format("- Outcome: {} (submitted) → **{}** (calibrated in {}): {}\n",
                       calibration_outcome_name(c.outcome->submitted),
                       calibration_outcome_name(c.outcome->calibrated),
                       md_escape(c.outcome->session, MdPlace::text),
                       md_escape(c.outcome->reason, MdPlace::text));
  }
  for (const auto& [statement, f] : c.ratings) {
    out << fmt::format("- `{}`: {} (submitted) → **{}** (calibrated in {}): {}\n", statement,
                       rating_name(ladder, f.submitted), rating_name(ladder, f.calibrated),
                       md_escape(f.session, MdPlace::text), md_escape(f.reason, MdPlace::text));
  }
}

Json packet_figure_json(const CalibratedFigure& f) {
  return {{"submitted", f.submitted},
          {"calibrated", f.calibrated},
          {"reason", f.reason},
          {"session", f.session},
          {"at", format_utc(f.at)}};
}

Json packet_calibration_json(const Calibration& c) {
  if (c.empty()) {
    return nullptr;
  }
  Json ratings = Json::array();
  for (const auto& [statement, f] : c.ratings) {
    Json one = packet_figure_json(f);
    one["statement"] = statement;
    ratings.push_back(std::move(one));
  }
  return {{"assessment", c.assessment},
          {"outcome", c.outcome ? packet_figure_json(*c.outcome) : Json(nullptr)},
          {"ratings", ratings}};
}

void fit_markdown(std::ostream& out, const model::Ladder& ladder, const Packet& packet) {
  out << "\n## Fit per area\n\nStatements met (rated at or above the ladder's bar), from each "
         "snapshot.\n\n| Area | Self | Manager |\n| --- | --- | --- |\n";
  const auto& shape = packet.manager ? packet.manager->outcome.fit
                      : packet.self  ? packet.self->outcome.fit
                                     : assess::LevelFit{};
  for (std::size_t i = 0; i < shape.areas.size(); ++i) {
    out << fmt::format("| {} | {} | {} |\n",
                       cell(assess::area_name(ladder, shape.areas[i].area_id)),
                       fit_cell(packet.self, i), fit_cell(packet.manager, i));
  }
  const auto overall = [](const std::optional<PacketAssessment>& a) {
    return a ? figure(a->outcome.fit.met(), a->outcome.fit.total()) : std::string("–");
  };
  out << fmt::format("| All areas | {} | {} |\n", overall(packet.self), overall(packet.manager));
}

void readiness_markdown(std::ostream& out, const model::Ladder& ladder, const Packet& packet) {
  if (!packet.next) {
    out << "\n## Readiness\n\nTop of the track: there is no next level.\n";
    return;
  }
  const auto& next = *packet.next;
  out << fmt::format(
      "\n## Readiness for {}\n\n**{}**: every area needs {} of its statements "
      "rated {} or above (latest submitted rating of each statement).\n",
      md_escape(assess::level_name(ladder, next.level_id), MdPlace::heading),
      next.ready ? "Ready" : "Not ready", assess::policy_percent(ladder),
      assess::scale_name(ladder, ladder.data().readiness.met_at));
  for (const auto* area : next.blocked_areas()) {
    out << fmt::format("\n### {}: {} met, {} needed\n\n",
                       md_escape(assess::area_name(ladder, area->area_id), MdPlace::heading),
                       figure(area->met, area->total), area->required);
    for (const auto& id : area->blocking) {
      const auto* statement = ladder.find_statement(id);
      const auto* rating = assess::rating_of(packet.latest, id);
      out << fmt::format("- `{}` (now: {}) {}\n", id,
                         rating ? assess::scale_name(ladder, *rating) : "unrated",
                         md_escape(statement ? statement->text : "", MdPlace::text));
    }
  }
}

Json fit_json(const assess::LevelFit& fit) {
  Json areas = Json::array();
  for (const auto& area : fit.areas) {
    areas.push_back({{"area", area.area_id},
                     {"met", area.met},
                     {"not_met", area.not_met},
                     {"unrated", area.unrated},
                     {"total", area.total()}});
  }
  return {{"met", fit.met()}, {"total", fit.total()}, {"areas", areas}};
}

Json assessment_json(const std::optional<PacketAssessment>& a) {
  if (!a) {
    return nullptr;
  }
  Json evidence = Json::array();
  for (const auto& item : a->evidence) {
    evidence.push_back(
        {{"id", item.id}, {"statement", item.statement}, {"date", item.date}, {"text", item.text}});
  }
  return {{"id", a->assessment.id},
          {"author", a->author_login},
          {"submitted_at", format_utc(a->assessment.submitted_at)},
          {"version", a->assessment.version},
          {"ladder_digest", a->outcome.ladder_digest},
          {"fit", fit_json(a->outcome.fit)},
          {"ready_for_level", a->outcome.readiness.ready},
          {"evidence", evidence}};
}

Json readiness_json(const std::optional<assess::Readiness>& next) {
  if (!next) {
    return nullptr;
  }
  Json areas = Json::array();
  for (const auto& area : next->areas) {
    areas.push_back({{"area", area.area_id},
                     {"total", area.total},
                     {"met", area.met},
                     {"required", area.required},
                     {"blocking", area.blocking}});
  }
  return {{"level", next->level_id}, {"ready", next->ready}, {"areas", areas}};
}

}  // namespace

std::string packet_markdown(const model::Ladder& ladder, const Packet& packet) {
  std::ostringstream out;
  out << fmt::format("# Promotion packet: {}\n\n- Person: {} ({})\n- Level: {}\n",
                     md_escape(packet.person.name, MdPlace::heading),
                     md_escape(packet.person.name, MdPlace::text), packet.person.email,
                     md_escape(assess::level_name(ladder, packet.level_id), MdPlace::text));
  out << assessment_line("Self-assessment", packet.self)
      << assessment_line("Manager assessment", packet.manager);
  rows_markdown(out, ladder, packet);
  calibration_markdown(out, ladder, packet);
  fit_markdown(out, ladder, packet);
  readiness_markdown(out, ladder, packet);
  return out.str();
}

std::string packet_json(const model::Ladder&, const Packet& packet) {
  Json rows = Json::array();
  for (const auto& row : packet.rows) {
    const auto* calibrated = packet.calibration.rating(row.statement_id);
    rows.push_back(
        {{"statement", row.statement_id},
         {"area", row.area_id},
         {"text", row.text},
         {"self", row.self_rating},
         {"manager", row.manager_rating},
         {"manager_calibrated", calibrated ? Json(calibrated->calibrated) : Json(nullptr)},
         {"divergence", row.divergence ? Json(*row.divergence) : Json(nullptr)},
         {"flagged", row.flagged}});
  }
  const Json out{{"person",
                  {{"id", packet.person.id},
                   {"name", packet.person.name},
                   {"email", packet.person.email},
                   {"level", packet.person.level}}},
                 {"level", packet.level_id},
                 {"self", assessment_json(packet.self)},
                 {"manager", assessment_json(packet.manager)},
                 {"rows", rows},
                 {"calibration", packet_calibration_json(packet.calibration)},
                 {"next_level", readiness_json(packet.next)}};
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Json calibration_json(const Calibration& calibration) {
  return packet_calibration_json(calibration);
}

}  // namespace rung::review
