#include "rung/review/rules.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "rung/assess/ratings.hpp"

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
        fmt::format("{} may not see the assessments of person {}", viewer.account.login, person));
  }
  return {};
}

Result<void> require_author(store::Reader& reader, const auth::Viewer& viewer,
                            store::AuthorRole role, store::Id person) {
  if (role == store::AuthorRole::self) {
    if (!is_self(viewer, person)) {
      return forbidden(fmt::format("only person {} may write their self-assessment", person));
    }
    return {};
  }
  RUNG_TRY_ASSIGN(const bool above, is_above(reader, viewer, person));
  if (!above) {
    return forbidden(fmt::format("{} is not above person {} in the reporting line",
                                 viewer.account.login, person));
  }
  return {};
}

Result<void> require_own(store::Reader& reader, const auth::Viewer& viewer,
                         const store::Assessment& assessment) {
  if (assessment.author_account != viewer.account.id) {
    return forbidden(fmt::format("assessment {} was written by someone else", assessment.id));
  }
  return require_author(reader, viewer, assessment.role, assessment.person);
}

Result<void> require_withdrawer(const auth::Viewer& viewer, const store::Assessment& assessment) {
  if (viewer.admin() || assessment.author_account == viewer.account.id) {
    return {};
  }
  return forbidden(
      fmt::format("only the author of assessment {} or an admin may withdraw it", assessment.id));
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

}  // namespace rung::review
