#pragma once

#include <vector>

#include "rung/assess/fit.hpp"
#include "rung/assess/readiness.hpp"
#include "rung/html/template.hpp"
#include "rung/review/records.hpp"
#include "rung/store/store.hpp"

// The JSON shapes of assessments, outcomes, side by side, growth plans, cycles and progress,
// as the /api/v1 routes answer them (documented in assets/openapi.json, components.schemas) and
// as the pages may reuse them in their views. Ids are numbers, times milliseconds since the
// epoch, an absent value (no cycle, unrated, not submitted) null. Pure functions.
namespace rung::web {

// Schema "Assessment": id, person, role, author_account, author_person, level, cycle, status,
// version, created_at, updated_at, submitted_at.
Json assessment_json(const store::Assessment& assessment);

// Schema "AssessmentDetail": the assessment plus "ratings" (statement id -> scale id) and
// "evidence" (Evidence items: id, statement, text, date, created_at; ordered by id).
Json assessment_json(const review::AssessmentView& view);

Json evidence_json(const store::Evidence& evidence);

// Schema "LevelFit": level, content_level, met, rated, total, percent_met (floored) and per
// area the statement ids behind each figure: met, not_met, unrated.
Json fit_json(const assess::LevelFit& fit);

// Schema "Readiness": level, ready, per area {area, total, met, needed, ready} and "blockers":
// per area that falls short {area, missing, statements} (the statements not yet met).
Json readiness_json(const assess::Readiness& readiness);

// Schema "Outcome": assessment, level, ladder_digest, fit, readiness.
Json outcome_json(const review::Outcome& outcome);

// Schema "SideBySide": person, level, self, manager (Assessment or null), rows, flagged (the
// statement ids of the flagged rows), divergence_steps, summary (null until both submitted).
Json side_by_side_json(const review::SideBySide& view);

// Schema "GrowthPlan": id, person, target_level, created_at.
Json plan_json(const store::GrowthPlanRecord& plan);

// Schema "Checklist": plan and items {area, statement, text, rating, done, evidence}.
Json checklist_json(const review::Checklist& checklist);

// Schema "Cycle": id, name, starts, ends, tracks (empty: every track), status.
Json cycle_json(const store::ReviewCycle& cycle);

// Schema "Progress": person and points {cycle, cycle_name, role, assessment, level, met, total,
// percent_met}.
Json progress_json(store::Id person, const std::vector<review::ProgressPoint>& points);

}  // namespace rung::web
