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
  std::string withdraw_reason;  // the reason typed into the withdraw form
  std::string error;            // "" when there is nothing wrong
};

// "/people/{person}/assessments" and "/people/{person}/assessments/{aid}".
std::string assessments_url(store::Id person);
std::string assessment_url(store::Id person, store::Id assessment);
// The hub's start form with `level` chosen: "/people/{person}/assessments?level=L#start".
std::string start_url(store::Id person, std::string_view level);

// "#s-<statement id>": the anchor of a statement on the assessment page.
std::string statement_anchor(std::string_view statement);

// One assessment as a row of the hub: id, url, role ("Self-assessment"/"Manager assessment"),
// level, level_title, cycle (name or null), status, draft, version, updated.
Json assessment_row(const model::Ladder& ladder, const store::Assessment& assessment,
                    const std::vector<store::ReviewCycle>& cycles);

// The levels of every track for a <select>: [{track, levels: [{id, title, selected}]}].
Json level_options(const model::Ladder& ladder, std::string_view selected);
// The same for the tracks of `levels` only (unknown ids skipped), in ladder order.
Json level_options_of(const model::Ladder& ladder, const std::vector<std::string>& levels,
                      std::string_view selected);

// The scale points that have a description, for the legend above the statements: [{name,
// description}] (empty when the ladder defines none).
Json scale_legend(const model::Ladder& ladder);

// How far rating has got: {rated, total, percent} over the level's statements, and
// `unrated`: [{text, area, url}] each statement without a rating, linked to it on the form.
Json rating_progress(const model::Ladder& ladder, const review::AssessmentView& view);

// Whose ratings a figure comes from, in words: "self-rated" or "rated by a manager".
std::string rated_by(store::AuthorRole role);

// The statements of the assessment's level by area, with the scale as radio options (checked
// for the rating in `edits` or else the stored one) and each statement's evidence. `ladder` is
// the one to read texts from (the snapshot's for a submitted assessment). `editable` adds the
// inputs; otherwise each statement shows its rating as text.
Json assessment_body(const model::Ladder& ladder, const review::AssessmentView& view, bool editable,
                     const AssessmentEdits& edits);

// Fit per area and readiness with blockers by area, every figure with links to its statements.
// `ladder` is the snapshot's (Outcome::ladder_digest names it).
Json outcome_json_view(const model::Ladder& ladder, const review::Outcome& outcome);

// The side-by-side rows grouped by area, divergences flagged, and the shared summary; and the
// agenda of the conversation: every statement both rated differently, flagged topics first,
// then one step apart, each with both sides' evidence and what was agreed.
Json side_by_side_view(const model::Ladder& ladder, const review::SideBySide& side);

// The evidence of `statement` among `evidence`: [{id, text, segments, date}].
Json evidence_items(const std::vector<store::Evidence>& evidence, std::string_view statement);

// The person's submitted self-assessment beside the manager's form: each statement of `body`
// (assessment_body) gets "beside": {rating_name, evidence}, and `body` gets "beside": {url,
// submitted} naming the self-assessment.
void add_self_beside(const model::Ladder& ladder, const review::AssessmentView& self, Json& body);

// The display name of a scale point ("Consistently"), or the id when it is not on the scale.
std::string scale_name(const model::Ladder& ladder, std::string_view scale_id);

}  // namespace rung::web
