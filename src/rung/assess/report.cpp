#include "rung/assess/report.hpp"

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::assess {

namespace {

std::string id_list(const model::Ladder& ladder, const std::vector<std::string>& ids,
                    const Ratings* ratings) {
  if (ids.empty()) {
    return "-";
  }
  std::vector<std::string> items;
  for (const std::string& id : ids) {
    const std::string* rating = ratings != nullptr ? rating_of(*ratings, id) : nullptr;
    items.push_back(rating != nullptr ? fmt::format("{} ({})", id, scale_name(ladder, *rating))
                                      : id);
  }
  return join(items);
}

std::string figure(std::size_t met, std::size_t total) {
  return fmt::format("{} of {} met ({}%)", met, total, percent_floor(met, total));
}

std::string fit_heading(const model::Ladder& ladder, const LevelFit& fit) {
  std::string heading = "Level fit: " + level_name(ladder, fit.level_id);
  if (fit.content_level_id != fit.level_id) {
    heading += fmt::format(", which shares the statements of {}", fit.content_level_id);
  }
  const std::string& met_at = ladder.data().readiness.met_at;
  return heading + fmt::format("\nMet means rated {} or above.\n", scale_name(ladder, met_at));
}

const std::string& statement_text(const model::Ladder& ladder, const std::string& id) {
  static const std::string none;
  const model::Statement* statement = ladder.find_statement(id);
  return statement != nullptr ? statement->text : none;
}

// "sometimes" -> "Sometimes", unrated -> "unrated".
std::string current_rating(const model::Ladder& ladder, const std::string* rating) {
  return rating != nullptr && !rating->empty() ? scale_name(ladder, *rating) : "unrated";
}

}  // namespace

std::string area_name(const model::Ladder& ladder, const std::string& area_id) {
  const model::Area* area = ladder.find_area(area_id);
  return area != nullptr ? area->name : area_id;
}

std::string scale_name(const model::Ladder& ladder, const std::string& scale_id) {
  for (const model::ScalePoint& point : ladder.data().scale) {
    if (point.id == scale_id) {
      return point.name;
    }
  }
  return scale_id;
}

std::string level_name(const model::Ladder& ladder, const std::string& level_id) {
  const model::Level* level = ladder.find_level(level_id);
  return level != nullptr ? fmt::format("{} ({})", level->title, level->id) : level_id;
}

std::string policy_percent(const model::Ladder& ladder) {
  return fmt::format("{:g}%", ladder.data().readiness.share_per_area * 100.0);
}

std::string fit_text(const model::Ladder& ladder, const LevelFit& fit, const Ratings& ratings) {
  std::string out = fit_heading(ladder, fit);
  for (const AreaFit& area : fit.areas) {
    out += fmt::format("\n{}: {}, {} rated\n", area_name(ladder, area.area_id),
                       figure(area.met.size(), area.total()), area.rated());
    out += fmt::format("  met: {}\n", id_list(ladder, area.met, nullptr));
    out += fmt::format("  not met: {}\n", id_list(ladder, area.not_met, &ratings));
    out += fmt::format("  unrated: {}\n", id_list(ladder, area.unrated, nullptr));
  }
  out += fmt::format("\nOverall: {}, {} rated\n", figure(fit.met(), fit.total()), fit.rated());
  return out;
}

std::string readiness_text(const model::Ladder& ladder, const Readiness& readiness,
                           const Ratings& ratings) {
  std::string out = fmt::format("Readiness for {}: {}\n", level_name(ladder, readiness.level_id),
                                readiness.ready ? "ready" : "not ready");
  out += fmt::format(
      "Policy: in every area at least {} of the statements met; an unrated "
      "statement counts as not met.\n",
      policy_percent(ladder));
  for (const AreaReadiness& area : readiness.areas) {
    out += fmt::format(
        "\n{}: {} of {} met, needs {}: {}\n", area_name(ladder, area.area_id), area.met, area.total,
        area.required,
        area.ready() ? std::string("ready") : fmt::format("short by {}", area.missing()));
    for (const std::string& id : area.blocking) {
      out += fmt::format("  - {} [{}] {}\n", id, current_rating(ladder, rating_of(ratings, id)),
                         statement_text(ladder, id));
    }
  }
  return out;
}

std::string growth_plan_text(const model::Ladder& ladder, const GrowthPlan& plan) {
  std::string out = fmt::format("Growth plan towards {}: {} statement{} to go\n",
                                level_name(ladder, plan.target_level_id), plan.gap_count(),
                                plan.gap_count() == 1 ? "" : "s");
  for (const AreaGaps& area : plan.areas) {
    out += fmt::format("\n{}: {}\n", area_name(ladder, area.area_id), figure(area.met, area.total));
    for (const Gap& gap : area.gaps) {
      out += fmt::format("  [ ] {} (now: {}) {}\n", gap.statement_id,
                         current_rating(ladder, &gap.rating),
                         statement_text(ladder, gap.statement_id));
    }
  }
  return out;
}

}  // namespace rung::assess
