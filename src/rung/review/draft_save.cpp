#include "rung/review/draft_save.hpp"

#include <fmt/format.h>

#include "rung/review/rules.hpp"

namespace rung::review {

namespace {

Result<std::optional<store::Rating>> rating_in_store(store::Reader& reader, store::Id assessment,
                                                     const std::string& statement) {
  RUNG_TRY_ASSIGN(const auto ratings, reader.ratings(assessment));
  for (const auto& rating : ratings) {
    if (rating.statement == statement) {
      return rating;
    }
  }
  return std::nullopt;
}

Result<void> check_open(store::Reader& reader, const store::Assessment& current) {
  if (current.status == store::AssessmentStatus::submitted) {
    return fail(ErrorKind::conflict, "review.submitted",
                "this assessment is submitted: what it says cannot change", {},
                "start a new draft to assess again");
  }
  if (current.cycle) {
    RUNG_TRY_ASSIGN(const auto cycle, reader.cycle(*current.cycle));
    if (cycle && cycle->status == store::CycleStatus::closed) {
      return fail(ErrorKind::conflict, "review.cycle-closed",
                  fmt::format("the review cycle '{}' is closed", cycle->name));
    }
  }
  return {};
}

}  // namespace

SaveResult<store::Assessment> save_draft(store::Store& store, const auth::Viewer& viewer,
                                         const DraftSave& save, const DraftCheck& validate,
                                         const DraftChange& change) {
  std::optional<Conflict> conflict;
  store::Assessment saved;
  auto done = store.write([&](store::Writer& writer) -> Result<void> {
    RUNG_TRY_ASSIGN(const auto current, find_assessment(writer, save.assessment));
    RUNG_TRY(require_own(writer, viewer, current));
    RUNG_TRY(check_open(writer, current));
    RUNG_TRY(check_not_calibrating(writer, current));
    RUNG_TRY(validate(current));
    if (current.version != save.expected_version) {
      RUNG_TRY_ASSIGN(auto stored, rating_in_store(writer, current.id, save.statement));
      conflict = Conflict{current.version, save.expected_version, save.statement, std::move(stored),
                          save.sent_scale};
      return fail(ErrorKind::conflict, "review.conflict",
                  "someone else saved this assessment since you opened it (or you did, in "
                  "another tab); your change was not saved",
                  {}, "reload the assessment to see what changed, then save again");
    }
    saved = current;
    saved.version = current.version + 1;
    saved.updated_at = save.now;
    RUNG_TRY(change(writer, current, saved));
    return writer.update_assessment(saved);
  });
  if (!done) {
    return tl::unexpected(SaveError{done.error(), std::move(conflict)});
  }
  return saved;
}

}  // namespace rung::review
