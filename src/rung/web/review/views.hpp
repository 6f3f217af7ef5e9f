#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rung/auth/viewer.hpp"
#include "rung/html/template.hpp"
#include "rung/model/ladder.hpp"
#include "rung/review/records.hpp"
#include "rung/store/store.hpp"

// The view models of the assessment pages (review_pages.cpp): plain functions from what the
// review service returned to the JSON the templates render. No rule is decided here: who may
// see or write what is the service's answer, passed in.
namespace rung::web {

// What the user sent that the assessment page shows again after an error, so nothing typed
// is lost: the ratings of the no-JS save, the evidence being added, the message.
struct AssessmentEdits {
  std::map<std::string, std::string, std::less<>> ratings;  // statement id -> scale id
  std::map<std::string, std::string, std::less<>> stored;   // conflicts: what the store holds
  std::string evidence_statement;
  std::string evidence_text;
  std::string evidence_date;
  std::string error;  // "" when there is nothing wrong
};

// "/people/{person}/assessments" and "/people/{person}/assessments/{aid}".
std::string assessments_url(store::Id person);
std::string assessment_url(store::Id person, store::Id assessment);

// "#s-<statement id>": the anchor of a statement on the assessment page.
std::string statement_anchor(std::string_view statement);

// One assessment as a row of the hub: id, url, role ("Self-assessment"/"Manager assessment"),
// level, level_title, cycle (name or null), status, draft, version, updated.
Json assessment_row(const model::Ladder& ladder, const store::Assessment& assessment,
                    const std::vector<store::ReviewCycle>& cycles);

// The levels of every track for a <select>: [{track, levels: [{id, title, selected}]}].
Json level_options(const model::Ladder& ladder, std::string_view selected);

// The statements of the assessment's level by area, with the scale as radio options (checked
// for the rating in `edits` or else the stored one) and each statement's evidence. `ladder` is
// the one to read texts from (the snapshot's for a submitted assessment). `editable` adds the
// inputs; otherwise each statement shows its rating as text.
Json assessment_body(const model::Ladder& ladder, const review::AssessmentView& view, bool editable,
                     const AssessmentEdits& edits);

// Fit per area and readiness with blockers by area, every figure with links to its statements.
// `ladder` is the snapshot's (Outcome::ladder_digest names it).
Json outcome_json_view(const model::Ladder& ladder, const review::Outcome& outcome);

// The side-by-side rows grouped by area, divergences flagged, and the shared summary.
Json side_by_side_view(const model::Ladder& ladder, const review::SideBySide& side);

// The display name of a scale point ("Consistently"), or the id when it is not on the scale.
std::string scale_name(const model::Ladder& ladder, std::string_view scale_id);

}  // namespace rung::web
