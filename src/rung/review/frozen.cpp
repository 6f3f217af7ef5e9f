#include "rung/review/frozen.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rung/assess/fit.hpp"
#include "rung/assess/readiness.hpp"
#include "rung/review/snapshot.hpp"

namespace rung::review {

namespace {

std::optional<std::size_t> step_of(const model::Ladder& ladder, const std::string& scale_id) {
  const auto& scale = ladder.data().scale;
  for (std::size_t i = 0; i < scale.size(); ++i) {
    if (scale[i].id == scale_id) {
      return i;
    }
  }
  return std::nullopt;
}

std::string rating_or_empty(const assess::Ratings& ratings, const std::string& statement) {
  const auto* rating = assess::rating_of(ratings, statement);
  return rating ? *rating : std::string();
}

}  // namespace

Result<Outcome> outcome_of(store::Reader& reader, const LadderVersions& versions,
                           const store::Assessment& assessment) {
  RUNG_TRY_ASSIGN(const auto snapshot, reader.snapshot(assessment.id));
  if (assessment.status != store::AssessmentStatus::submitted || !snapshot) {
    return fail(ErrorKind::conflict, "review.not-submitted",
                "this assessment is a draft: figures come from submitted assessments");
  }
  RUNG_TRY_ASSIGN(const auto frozen, read_snapshot(reader, *snapshot, versions));
  RUNG_TRY_ASSIGN(auto fit, assess::fit(*frozen.ladder, frozen.level_id, frozen.ratings));
  RUNG_TRY_ASSIGN(auto ready, assess::readiness(*frozen.ladder, frozen.level_id, frozen.ratings));
  return Outcome{assessment.id,  frozen.level_id,  frozen.ladder_digest,
                 std::move(fit), std::move(ready), frozen.ladder};
}

Result<assess::Ratings> ratings_of(store::Reader& reader, store::Id assessment) {
  RUNG_TRY_ASSIGN(const auto rows, reader.ratings(assessment));
  assess::Ratings out;
  for (const auto& row : rows) {
    out.emplace(row.statement, row.scale);
  }
  return out;
}

std::optional<store::Assessment> latest_submitted(const std::vector<store::Assessment>& all,
                                                  store::AuthorRole role,
                                                  const std::string& level) {
  std::optional<store::Assessment> best;
  for (const auto& a : all) {
    if (a.role == role && a.level == level && a.status == store::AssessmentStatus::submitted &&
        (!best || a.submitted_at >= best->submitted_at)) {
      best = a;
    }
  }
  return best;
}

Result<assess::Ratings> latest_ratings(store::Reader& reader, store::Id person) {
  RUNG_TRY_ASSIGN(const auto all, reader.assessments_of(person));
  std::vector<const store::Assessment*> assessments;
  std::vector<store::Id> submitted;
  for (const auto& a : all) {
    assessments.push_back(&a);
    if (a.status == store::AssessmentStatus::submitted) {
      submitted.push_back(a.id);
    }
  }
  RUNG_TRY_ASSIGN(const auto rows, reader.ratings_of_assessments(submitted));
  return latest_of(std::move(assessments), group_ratings(rows));
}

RatingsByAssessment group_ratings(const std::vector<store::Rating>& rows) {
  RatingsByAssessment out;
  for (const auto& row : rows) {
    out[row.assessment].emplace(row.statement, row.scale);
  }
  return out;
}

assess::Ratings latest_of(std::vector<const store::Assessment*> assessments,
                          const RatingsByAssessment& ratings) {
  std::stable_sort(assessments.begin(), assessments.end(),
                   [](const auto* a, const auto* b) { return a->submitted_at < b->submitted_at; });
  assess::Ratings out;
  for (const store::Assessment* a : assessments) {
    const auto found = ratings.find(a->id);
    if (a->status != store::AssessmentStatus::submitted || found == ratings.end()) {
      continue;
    }
    for (const auto& [statement, scale] : found->second) {
      out.insert_or_assign(statement, scale);
    }
  }
  return out;
}

std::vector<SideBySideRow> side_by_side_rows(const model::Ladder& ladder, const model::Level& level,
                                             const assess::Ratings& self,
                                             const assess::Ratings& manager) {
  std::vector<SideBySideRow> rows;
  for (const auto& area : ladder.content_of(level)) {
    for (const auto& statement : area.statements) {
      SideBySideRow row{statement.id,
                        area.area,
                        statement.text,
                        rating_or_empty(self, statement.id),
                        rating_or_empty(manager, statement.id),
                        std::nullopt,
                        false,
                        false,
                        {},
                        {},
                        std::nullopt};
      const auto a = step_of(ladder, row.self_rating);
      const auto b = step_of(ladder, row.manager_rating);
      if (a && b) {
        row.divergence = *a > *b ? *a - *b : *b - *a;
        row.across_meets = assess::is_met(ladder, self, statement.id) !=
                           assess::is_met(ladder, manager, statement.id);
        row.flagged = *row.divergence >= k_divergence_steps || row.across_meets;
      }
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace rung::review
