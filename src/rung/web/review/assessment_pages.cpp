// One assessment: the draft form of its author, the read-only view of everyone else, the
// outcome of a submitted one, and the forms that change a draft (no-JS save, evidence, submit).
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rung/assess/radar.hpp"
#include "rung/core/utc.hpp"
#include "rung/render/dates.hpp"
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
  return Json{{"save", base},
              {"evidence", base + "/evidence"},
              {"review", base + "/review"},
              {"submit", base + "/submit"},
              {"withdraw", base + "/withdraw"}};
}

// Readiness in the words of the question asked (issue 13, item 1): against the level the
// person holds, "meets your current level, self-rated", and the way on to the next level;
// every figure says whose ratings it comes from.
void add_outcome_context(const Resources& resources, const Call& call, const store::Person& person,
                         const store::Assessment& a, Json& outcome) {
  const bool is_self = call.viewer->person && call.viewer->person->id == person.id;
  const bool current = a.level == person.level;
  const bool ready = outcome["readiness"]["ready"].get<bool>();
  const std::string by = rated_by(a.role);
  const std::string level = outcome["readiness"]["level_title"].get<std::string>();
  const std::string whose = is_self ? "your" : person.name + "'s";
  outcome["rated_by"] = by;
  outcome["current_level"] = current;
  outcome["heading"] = current ? fmt::format("Against {} current level: {}", whose, level)
                               : fmt::format("Readiness for {}", level);
  if (current) {
    outcome["verdict"] =
        ready ? fmt::format(
                    "Meets {} current level, {}: every area meets the ladder's "
                    "readiness policy for {}.",
                    whose, by, level)
              : fmt::format(
                    "Does not meet {} current level in every area yet ({}): the areas "
                    "below fall short of the readiness policy for {}.",
                    whose, by, level);
  } else {
    outcome["verdict"] = ready ? fmt::format(
                                     "Ready for {}, {}: every area meets the ladder's "
                                     "readiness policy.",
                                     level, by)
                               : fmt::format(
                                     "Not ready for {} yet ({}): the areas below fall "
                                     "short of the ladder's readiness policy.",
                                     level, by);
  }
  outcome["next"] = nullptr;
  const model::Level* next = current ? resources.ladder.next_level(a.level) : nullptr;
  if (next != nullptr) {
    outcome["next"] = Json{
        {"title", next->title},
        {"start_label", is_self ? fmt::format("Assess yourself against {}", next->title)
                                : fmt::format("Assess {} against {}", person.name, next->title)},
        {"start_url", start_url(person.id, next->id)},
        {"compare_url", resources.links.compare(a.level, next->id, true).value_or("")}};
  }
}

// After submitting, the author's next steps (issue 13, item 11): compare with the next level,
// a growth plan towards it, side by side with the other role. Null for anyone else.
Json after_submit_steps(const Resources& resources, const Call& call, const store::Assessment& a) {
  if (a.status != store::AssessmentStatus::submitted ||
      a.author_account != call.viewer->account.id) {
    return nullptr;
  }
  Json out{{"side_url", fmt::format("/people/{}/side-by-side?level={}", a.person, a.level)},
           {"plans_url", fmt::format("/people/{}/plans", a.person)},
           {"self", a.role == store::AuthorRole::self}};
  const model::Level* level = resources.ladder.find_level(a.level);
  const model::Level* next = resources.ladder.next_level(a.level);
  out["level_title"] = level ? level->title : a.level;
  if (next != nullptr) {
    out["next_title"] = next->title;
    out["compare_url"] = resources.links.compare(a.level, next->id, true).value_or("");
  }
  return out;
}

Json withdrawal_json(const Resources& resources, const store::Withdrawal& w) {
  // By name: the person the account belongs to; an admin who is not a person by their login.
  const auto account = unwrap(resources.store.account(w.account));
  std::string by = "an account that no longer exists";
  if (account) {
    const auto person = unwrap(resources.store.person_by_email(account->login));
    by = person ? person->name : account->login;
  }
  return Json{{"reason", w.reason}, {"by", by}, {"at", render::date_text(w.at)}};
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
  view["progress"] = rating_progress(resources.ladder, *read);
  view["legend"] = editable ? scale_legend(resources.ladder) : Json::array();
  view["may_withdraw"] = review::Service::may_withdraw(*call.viewer, a);
  view["withdraw_reason"] = edits.withdraw_reason;
  view["withdraw_open"] = !edits.withdraw_reason.empty() || !edits.error.empty();
  view["withdrawal"] = nullptr;
  view["start_url"] = start_url(a.person, a.level);
  view["next_steps"] = after_submit_steps(resources, call, a);
  if (a.status == store::AssessmentStatus::withdrawn) {
    const auto withdrawn = resources.review.withdrawal(*call.viewer, a.id);
    if (!withdrawn) {
      return review_pages::error_page(resources, withdrawn.error());
    }
    if (*withdrawn) {
      view["withdrawal"] = withdrawal_json(resources, **withdrawn);
    }
  }
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
    add_outcome_context(resources, call, *person, a, view["outcome"]);
    fragments.emplace("radar", assess::radar_svg(outcome->fit, *texts));
  }
  view["body"] = assessment_body(*texts, *read, editable, edits);
  // The manager rates seeing the person's submitted self-assessment (issue 13, item 4).
  const auto beside = resources.review.self_beside(*call.viewer, a.id);
  if (!beside) {
    return review_pages::error_page(resources, beside.error());
  }
  if (*beside) {
    add_self_beside(*texts, **beside, view["body"]);
  }
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
    return not_found_page(resources, call.target.path, call.viewer);
  }
  return render_assessment(resources, call, 200, *found, {});
}

Response assessment_save(const Resources& resources, const Call& call) {
  const auto found = assessment_of_person(resources, call);
  if (!found) {
    return not_found_page(resources, call.target.path, call.viewer);
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
  // "Save and review before submitting" saves like "Save ratings", then goes to the review.
  const std::string next = call.field("then") == "review"
                               ? assessment_url(found->person, found->id) + "/review"
                               : assessment_url(found->person, found->id);
  if (changed.empty()) {
    return redirect(next);
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
  return redirect(next);
}

Response assessment_evidence(const Resources& resources, const Call& call) {
  const auto found = assessment_of_person(resources, call);
  if (!found) {
    return not_found_page(resources, call.target.path, call.viewer);
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
    return not_found_page(resources, call.target.path, call.viewer);
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

Response assessment_review(const Resources& resources, const Call& call) {
  const auto found = assessment_of_person(resources, call);
  if (!found) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  const auto read = resources.review.read(*call.viewer, found->id);
  if (!read) {
    return review_pages::error_page(resources, read.error());
  }
  const store::Assessment& a = read->assessment;
  if (a.status != store::AssessmentStatus::draft) {
    return redirect(assessment_url(a.person, a.id));  // nothing left to submit
  }
  const auto person = review_pages::person_of(resources, call);
  Json view;
  view["person"] = review_pages::person_head(*person);
  view["assessment"] = assessment_row(resources.ladder, a, unwrap(resources.review.cycles()));
  view["progress"] = rating_progress(resources.ladder, *read);
  view["urls"] = urls_json(a);
  view["csrf"] = call.viewer->session.csrf_token;
  // Readers of a draft that is not theirs (admins) see what is unrated, not the button.
  view["author"] = a.author_account == call.viewer->account.id;
  view["readers"] =
      a.role == store::AuthorRole::self
          ? "you, everyone above you in the reporting line and admins"
          : fmt::format("{}, everyone above them in the reporting line and admins", person->name);
  view["page"] =
      review_pages::page_json(fmt::format("Review before submitting: {}",
                                          view["assessment"]["level_title"].get<std::string>()),
                              call, false);
  return review_pages::review_page(resources, call, 200, "assessment_review", std::move(view));
}

Response assessment_withdraw(const Resources& resources, const Call& call) {
  const auto found = assessment_of_person(resources, call);
  if (!found) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  AssessmentEdits edits;
  edits.withdraw_reason = call.field("reason");
  const auto done = resources.review.withdraw(*call.viewer, found->id, edits.withdraw_reason);
  if (!done) {
    const int status = http_status(done.error());
    if (status == 500) {
      throw std::runtime_error(done.error().message);
    }
    edits.error =
        done.error().code == "review.bad-reason"
            ? "Say why the assessment is withdrawn: the reason is kept in the audit trail."
            : done.error().message;
    return render_assessment(resources, call, status, *found, edits);
  }
  return redirect(assessment_url(found->person, found->id));
}

}  // namespace rung::web::handlers
