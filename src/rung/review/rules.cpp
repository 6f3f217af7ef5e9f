#include "rung/review/rules.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "rung/assess/ratings.hpp"
#include "rung/core/text.hpp"

namespace rung::review {

tl::unexpected<Error> forbidden(std::string message) {
  return fail(ErrorKind::forbidden, "review.forbidden", std::move(message));
}

tl::unexpected<Error> not_found(std::string message) {
  return fail(ErrorKind::not_found, "review.not-found", std::move(message));
}

bool is_self(const auth::Viewer& viewer, store::Id person) {
  return viewer.person && viewer.person->id == person;
}

Result<void> check_note(std::string_view note, std::size_t limit) {
  if (find_invalid_utf8(note)) {
    return fail("review.bad-note", "the note is not valid UTF-8 text");
  }
  if (note.size() > limit) {
    return fail("review.bad-note",
                fmt::format("the note is {} bytes; the limit is {}", note.size(), limit));
  }
  return {};
}

Result<void> check_statement(const model::Ladder& ladder, const std::string& level_id,
                             std::string_view statement) {
  const auto* level = ladder.find_level(level_id);
  const auto ids = level ? assess::statement_ids_of(ladder, *level) : std::vector<std::string>{};
  if (std::find(ids.begin(), ids.end(), statement) == ids.end()) {
    return fail("assess.unknown-statement",
                fmt::format("level '{}' has no statement '{}'", level_id, statement));
  }
  return {};
}

Result<bool> is_above(store::Reader& reader, const auth::Viewer& viewer, store::Id person) {
  if (!viewer.person) {
    return false;
  }
  // Walks up the reporting line one indexed read per step (O(depth), not O(people)), with
  // people::Org's rules: an inactive manager ends the line, and a loop is never followed twice.
  RUNG_TRY_ASSIGN(auto at, reader.person(person));
  std::set<store::Id> seen{person};
  while (at && at->manager && seen.insert(*at->manager).second) {
    RUNG_TRY_ASSIGN(at, reader.person(*at->manager));
    if (!at || at->status != store::PersonStatus::active) {
      return false;
    }
    if (at->id == viewer.person->id) {
      return true;
    }
  }
  return false;
}

Result<void> require_reader(store::Reader& reader, const auth::Viewer& viewer, store::Id person) {
  if (viewer.admin() || is_self(viewer, person)) {
    return {};
  }
  RUNG_TRY_ASSIGN(const bool above, is_above(reader, viewer, person));
  if (!above) {
    return forbidden(
        "only the person, the people above them in the reporting line and admins "
        "may see these assessments");
  }
  return {};
}

Result<void> require_plan_writer(store::Reader& reader, const auth::Viewer& viewer,
                                 store::Id person) {
  if (viewer.admin() || is_self(viewer, person)) {
    return {};
  }
  RUNG_TRY_ASSIGN(const bool above, is_above(reader, viewer, person));
  if (!above) {
    return forbidden(fmt::format("{} may not change the growth plans of person {}",
                                 viewer.account.login, person));
  }
  return {};
}

Result<void> may_record_agreement(store::Reader& reader, const auth::Viewer& viewer,
                                  store::Id person) {
  RUNG_TRY_ASSIGN(const bool above, is_above(reader, viewer, person));
  if (!above) {
    return forbidden("only a manager above the person records what was agreed");
  }
  return {};
}

bool self_beside_visible(const store::Assessment& assessment) {
  return assessment.role == store::AuthorRole::manager;
}

Result<void> require_author(store::Reader& reader, const auth::Viewer& viewer,
                            store::AuthorRole role, store::Id person) {
  if (role == store::AuthorRole::self) {
    if (!is_self(viewer, person)) {
      return forbidden("only the person assessed may write their self-assessment");
    }
    return {};
  }
  RUNG_TRY_ASSIGN(const bool above, is_above(reader, viewer, person));
  if (!above) {
    return forbidden(
        "only someone above this person in the reporting line, or an admin, may do "
        "this; ask their manager");
  }
  return {};
}

Result<void> require_own(store::Reader& reader, const auth::Viewer& viewer,
                         const store::Assessment& assessment) {
  if (assessment.author_account != viewer.account.id) {
    return forbidden("this assessment was written by someone else; only its author may change it");
  }
  return require_author(reader, viewer, assessment.role, assessment.person);
}

Result<void> require_withdrawer(const auth::Viewer& viewer, const store::Assessment& assessment) {
  if (viewer.admin() || assessment.author_account == viewer.account.id) {
    return {};
  }
  return forbidden("only the assessment's author or an admin may withdraw it");
}

Result<store::Person> find_person(store::Reader& reader, store::Id id) {
  RUNG_TRY_ASSIGN(auto person, reader.person(id));
  if (!person) {
    return not_found(fmt::format("no person with id {}", id));
  }
  return *person;
}

Result<store::Assessment> find_assessment(store::Reader& reader, store::Id id) {
  RUNG_TRY_ASSIGN(auto assessment, reader.assessment(id));
  if (!assessment) {
    return not_found(fmt::format("no assessment with id {}", id));
  }
  return *assessment;
}

store::AuditEntry audit_entry(const auth::Viewer& viewer, store::Millis at, std::string action,
                              std::string subject, const nlohmann::json& before,
                              const nlohmann::json& after) {
  return store::AuditEntry{0,
                           at,
                           viewer.account.login,
                           std::move(action),
                           std::move(subject),
                           before.is_null() ? "" : before.dump(),
                           after.is_null() ? "" : after.dump()};
}

nlohmann::json assessment_json(const store::Assessment& a) {
  nlohmann::json out{{"id", a.id},
                     {"person", a.person},
                     {"role", store::to_string(a.role)},
                     {"author_account", a.author_account},
                     {"level", a.level},
                     {"status", store::to_string(a.status)},
                     {"version", a.version}};
  out["author_person"] = a.author_person ? nlohmann::json(*a.author_person) : nlohmann::json();
  out["cycle"] = a.cycle ? nlohmann::json(*a.cycle) : nlohmann::json();
  return out;
}

Result<bool> may_read_case(store::Reader& reader, const auth::Viewer& viewer,
                           const store::PromotionCase& promotion) {
  if (viewer.admin() || is_self(viewer, promotion.person)) {
    return true;
  }
  return is_above(reader, viewer, promotion.person);
}

bool decision_visible(const auth::Viewer& viewer, const store::PromotionCase& promotion) {
  return viewer.admin() || promotion.published;
}

Result<void> check_cycle_open(store::Reader& reader, const model::Ladder& ladder, store::Id id,
                              const std::string& level) {
  RUNG_TRY_ASSIGN(const auto cycle, reader.cycle(id));
  if (!cycle) {
    return not_found(fmt::format("no review cycle with id {}", id));
  }
  if (cycle->status == store::CycleStatus::closed) {
    return fail(ErrorKind::conflict, "review.cycle-closed",
                fmt::format("the review cycle '{}' is closed", cycle->name));
  }
  const auto* track = ladder.track_of(level);
  if (!cycle->tracks.empty() && track != nullptr &&
      std::find(cycle->tracks.begin(), cycle->tracks.end(), track->id) == cycle->tracks.end()) {
    return fail("review.cycle-track", fmt::format("the review cycle '{}' does not cover track '{}'",
                                                  cycle->name, track->id));
  }
  return {};
}

Result<void> require_case_writer(store::Reader& reader, const auth::Viewer& viewer,
                                 store::Id person) {
  if (viewer.admin()) {
    return {};
  }
  RUNG_TRY_ASSIGN(const bool above, is_above(reader, viewer, person));
  if (!above) {
    return forbidden(
        "only someone above this person in the reporting line, or an admin, may do "
        "this; ask their manager");
  }
  return {};
}

CaseActions case_actions(const auth::Viewer& viewer, bool above, const store::PromotionCase& c) {
  using store::CaseStatus;
  const bool writer = above || viewer.admin();
  CaseActions out;
  out.edit_case = writer && (c.status == CaseStatus::draft || c.status == CaseStatus::submitted);
  out.edit_statement = is_self(viewer, c.person) && c.status != CaseStatus::decided;
  out.submit = writer && c.status == CaseStatus::draft;
  out.start_review = viewer.admin() && c.status == CaseStatus::submitted;
  out.decide =
      viewer.admin() && (c.status == CaseStatus::submitted || c.status == CaseStatus::in_review);
  out.publish = viewer.admin() && c.status == CaseStatus::decided && !c.published && !c.cycle;
  return out;
}

store::PromotionCase without_decision(store::PromotionCase c) {
  c.outcome = std::nullopt;
  c.rationale.clear();
  c.decided_by = std::nullopt;
  c.decided_at = 0;
  c.effective_date.clear();
  return c;
}

Result<store::PromotionCase> find_case(store::Reader& reader, store::Id id) {
  RUNG_TRY_ASSIGN(auto promotion, reader.promotion_case(id));
  if (!promotion) {
    return not_found(fmt::format("no promotion case with id {}", id));
  }
  return *promotion;
}

namespace {

nlohmann::json optional_id(const std::optional<store::Id>& id) {
  return id ? nlohmann::json(*id) : nlohmann::json();
}

}  // namespace

nlohmann::json promotion_case_json(const store::PromotionCase& c) {
  return {{"id", c.id},
          {"person", c.person},
          {"from_track", c.from_track},
          {"from_level", c.from_level},
          {"target_track", c.target_track},
          {"target_level", c.target_level},
          {"cycle", optional_id(c.cycle)},
          {"opened_by_account", c.opened_by_account},
          {"opened_by_person", optional_id(c.opened_by_person)},
          {"manager_case", c.manager_case},
          {"statement", c.statement},
          {"status", store::to_string(c.status)},
          {"outcome", c.outcome ? nlohmann::json(store::to_string(*c.outcome)) : nlohmann::json()},
          {"rationale", c.rationale},
          {"decided_by", optional_id(c.decided_by)},
          {"decided_at", c.decided_at},
          {"effective_date", c.effective_date},
          {"published", c.published},
          {"published_at", c.published_at},
          {"version", c.version},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

}  // namespace rung::review
