// One assessment: the draft form of its author, the read-only view of everyone else, the
// outcome of a submitted one, and the forms that change a draft (no-JS save, evidence, submit).
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rung/assess/radar.hpp"
#include "rung/review/service.hpp"
#include "rung/review/snapshot.hpp"
#include "rung/web/review/handlers.hpp"
#include "rung/web/review/page_support.hpp"
#include "rung/web/review/paths.hpp"
#include "rung/web/review/views.hpp"
#include "rung/web/shell/error_status.hpp"
#include "rung/web/shell/gate.hpp"
#include "rung/web/shell/http_errors.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

constexpr std::string_view k_rating_prefix = "rating.";

Json urls_json(const store::Assessment& a) {
  const std::string base = assessment_url(a.person, a.id);
  return Json{{"save", base}, {"evidence", base + "/evidence"}, {"submit", base + "/submit"}};
}

Response render_assessment(const Resources& resources, const Call& call, int status,
                           const Located& found, const AssessmentEdits& edits) {
  const auto read = resources.review.read(*call.viewer, found.id);
  if (!read) {
    return review_pages::error_page(resources, read.error());
  }
  const store::Assessment& a = read->assessment;
  const bool editable =
      a.status == store::AssessmentStatus::draft && a.author_account == call.viewer->account.id;
  const auto person = review_pages::person_of(resources, call);
  Json view;
  view["person"] = review_pages::person_head(*person);
  view["assessment"] = assessment_row(resources.ladder, a, unwrap(resources.review.cycles()));
  view["editable"] = editable;
  view["csrf"] = call.viewer->session.csrf_token;
  view["urls"] = urls_json(a);
  view["error"] = edits.error;
  view["outcome"] = nullptr;
  html::Fragments fragments;
  const model::Ladder* texts = &resources.ladder;
  std::optional<review::Outcome> outcome;
  if (a.status == store::AssessmentStatus::submitted) {
    // Figures, statement texts and the radar all come from the ladder version it was
    // submitted under, never today's ladder.
    auto got = resources.review.outcome(*call.viewer, a.id);
    if (!got) {
      return review_pages::error_page(resources, got.error());
    }
    outcome = std::move(*got);
    texts = outcome->ladder.get();
    view["outcome"] = outcome_json_view(*texts, *outcome);
    fragments.emplace("radar", assess::radar_svg(outcome->fit, *texts));
  }
  view["body"] = assessment_body(*texts, *read, editable, edits);
  view["page"] = review_pages::page_json(
      fmt::format("{} of {}", view["assessment"]["role"].get<std::string>(), person->name), call,
      editable);
  return review_pages::review_page(resources, call, status, "assessment", std::move(view),
                                   std::move(fragments));
}

std::string error_status_message(const review::SaveError& error, int& status) {
  status = http_status(error.error);
  if (status == 500) {
    throw std::runtime_error(error.error.message);
  }
  return error.error.message;
}

// The ratings the no-JS form sent: every "rating.<statement>" field.
std::map<std::string, std::string, std::less<>> sent_ratings(const Call& call) {
  std::map<std::string, std::string, std::less<>> out;
  for (const FormField& field : call.form->fields()) {
    if (field.name.starts_with(k_rating_prefix) && !field.filename) {
      out.emplace(field.name.substr(k_rating_prefix.size()), field.value);
    }
  }
  return out;
}

// After a conflict: for every statement the user sent, what the store holds now when it
// differs, so the page shows both values.
void note_stored(const Resources& resources, const Call& call, store::Id id,
                 AssessmentEdits& edits) {
  const auto now = resources.review.read(*call.viewer, id);
  if (!now) {
    return;
  }
  for (const auto& [statement, scale] : edits.ratings) {
    const auto stored = now->ratings.find(statement);
    const std::string held = stored == now->ratings.end() ? "" : stored->second;
    if (held != scale) {
      edits.stored.emplace(statement, held);
    }
  }
}

}  // namespace

Response assessment(const Resources& resources, const Call& call) {
  const auto found = assessment_of_person(resources, call);
  if (!found) {
    return not_found_page(resources, call.target.path);
  }
  return render_assessment(resources, call, 200, *found, {});
}

Response assessment_save(const Resources& resources, const Call& call) {
  const auto found = assessment_of_person(resources, call);
  if (!found) {
    return not_found_page(resources, call.target.path);
  }
  AssessmentEdits edits;
  edits.ratings = sent_ratings(call);
  const auto version = review_pages::int_field(call, "version");
  if (!version) {
    edits.error = "The form has no version: reload the page and choose again.";
    return render_assessment(resources, call, 422, *found, edits);
  }
  const auto before = resources.review.read(*call.viewer, found->id);
  if (!before) {
    return review_pages::error_page(resources, before.error());
  }
  std::vector<review::RatingEdit> changed;
  for (const auto& [statement, scale] : edits.ratings) {
    const auto stored = before->ratings.find(statement);
    if (stored == before->ratings.end() || stored->second != scale) {
      changed.push_back({statement, scale});  // unchanged ones need no save
    }
  }
  if (changed.empty()) {
    return redirect(assessment_url(found->person, found->id));
  }
  // One write for the whole form: a bad value anywhere saves none of it.
  auto saved = resources.review.save_ratings(*call.viewer, found->id, *version, changed);
  if (!saved) {
    int status = 0;
    edits.error = error_status_message(saved.error(), status);
    if (saved.error().conflict) {
      edits.error =
          "This assessment was changed elsewhere (another tab or device). Both "
          "values are shown below: save again to keep yours.";
      note_stored(resources, call, found->id, edits);
    }
    return render_assessment(resources, call, status, *found, edits);
  }
  return redirect(assessment_url(found->person, found->id));
}

Response assessment_evidence(const Resources& resources, const Call& call) {
  const auto found = assessment_of_person(resources, call);
  if (!found) {
    return not_found_page(resources, call.target.path);
  }
  AssessmentEdits edits;
  edits.evidence_statement = call.field("statement");
  edits.evidence_text = call.field("text");
  edits.evidence_date = call.field("date");
  const auto version = review_pages::int_field(call, "version");
  if (!version) {
    edits.error = "The form has no version: reload the page and add the evidence again.";
    return render_assessment(resources, call, 422, *found, edits);
  }
  const auto added =
      resources.review.add_evidence(*call.viewer, found->id, *version, edits.evidence_statement,
                                    edits.evidence_text, edits.evidence_date);
  if (!added) {
    int status = 0;
    edits.error = error_status_message(added.error(), status);
    if (added.error().conflict) {
      edits.error =
          "This assessment was changed elsewhere: your evidence is kept below, add it "
          "again.";
    }
    return render_assessment(resources, call, status, *found, edits);
  }
  return redirect(assessment_url(found->person, found->id) +
                  statement_anchor(edits.evidence_statement));
}

Response assessment_submit(const Resources& resources, const Call& call) {
  const auto found = assessment_of_person(resources, call);
  if (!found) {
    return not_found_page(resources, call.target.path);
  }
  AssessmentEdits edits;
  const auto version = review_pages::int_field(call, "version");
  if (!version) {
    edits.error = "The form has no version: reload the page and submit again.";
    return render_assessment(resources, call, 422, *found, edits);
  }
  const auto done = resources.review.submit(*call.viewer, found->id, *version);
  if (!done) {
    int status = 0;
    edits.error = error_status_message(done.error(), status);
    if (done.error().conflict) {
      edits.error =
          "This assessment was changed elsewhere since you loaded it: check the "
          "ratings below and submit again.";
    }
    return render_assessment(resources, call, status, *found, edits);
  }
  return redirect(assessment_url(found->person, found->id));
}

}  // namespace rung::web::handlers
