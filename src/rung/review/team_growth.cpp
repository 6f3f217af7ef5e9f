// Team readiness: growth-plan progress of many people at once.
#include <set>

#include "rung/assess/gaps.hpp"
#include "rung/review/frozen.hpp"
#include "rung/review/team_parts.hpp"

namespace rung::review {

Result<std::unordered_map<store::Id, GrowthProgress>> growth_of(
    store::Reader& reader, const model::Ladder& ladder, std::span<const store::Id> people,
    const AssessmentsByPerson& assessments) {
  RUNG_TRY_ASSIGN(const auto plans, reader.growth_plans_of_people(people));
  std::unordered_map<store::Id, const store::GrowthPlanRecord*> newest;
  for (const auto& plan : plans) {
    newest[plan.person] = &plan;  // ordered by id: the last one is the newest
  }
  std::unordered_map<store::Id, GrowthProgress> out;
  if (newest.empty()) {
    return out;
  }
  std::vector<store::Id> plan_ids;
  std::vector<store::Id> submitted;
  for (const auto& [person, plan] : newest) {
    plan_ids.push_back(plan->id);
    if (const auto found = assessments.find(person); found != assessments.end()) {
      for (const store::Assessment* a : found->second) {
        if (a->status == store::AssessmentStatus::submitted) {
          submitted.push_back(a->id);
        }
      }
    }
  }
  RUNG_TRY_ASSIGN(const auto items, reader.plan_items_of_plans(plan_ids));
  RUNG_TRY_ASSIGN(const auto rows, reader.ratings_of_assessments(submitted));
  const RatingsByAssessment ratings = group_ratings(rows);
  std::set<std::pair<store::Id, std::string>, std::less<>> done;
  for (const auto& item : items) {
    if (item.done) {
      done.emplace(item.plan, item.statement);
    }
  }
  for (const auto& [person, plan] : newest) {
    const auto found = assessments.find(person);
    auto latest = latest_of(
        found == assessments.end() ? std::vector<const store::Assessment*>{} : found->second,
        ratings);
    const auto gaps = assess::gaps(ladder, plan->target_level, latest);
    if (!gaps) {
      continue;  // the ladder no longer has the target: the plan's own page says so
    }
    GrowthProgress progress{plan->id, plan->target_level, 0, 0};
    for (const auto& area : gaps->areas) {
      for (const auto& gap : area.gaps) {
        ++progress.total;
        progress.done += done.contains(std::pair(plan->id, gap.statement_id)) ? 1 : 0;
      }
    }
    out.emplace(person, std::move(progress));
  }
  return out;
}

}  // namespace rung::review
