// Starting a draft, saving ratings and evidence, and submitting.
#include <algorithm>

#include <fmt/format.h>

#include "rung/assess/ratings.hpp"
#include "rung/core/text.hpp"
#include "rung/core/utc.hpp"
#include "rung/review/draft_save.hpp"
#include "rung/review/rules.hpp"
#include "rung/review/service.hpp"
#include "rung/review/snapshot.hpp"

namespace rung::review {

namespace {

std::string subject_of(store::Id assessment) {
  return fmt::format("assessment:{}", assessment);
}

Result<void> check_level(const model::Ladder& ladder, const std::string& level) {
  if (ladder.find_level(level) == nullptr) {
    return fail(ErrorKind::not_found, "ladder.unknown-level",
                fmt::format("the ladder has no level '{}'", level));
  }
  return {};
}

Result<void> check_evidence(std::string_view text, std::string_view date, std::size_t limit) {
  if (text.size() > limit) {
    return fail(ErrorKind::too_large, "review.evidence-too-large",
                fmt::format("evidence is {} bytes; the limit is {}", text.size(), limit), {},
                "link to longer documents instead of pasting them");
  }
  if (trim(text).empty() || find_invalid_utf8(text)) {
    return fail("review.bad-evidence", "evidence needs some text, in UTF-8");
  }
  if (!date.empty() && (date.size() != 10 || !parse_utc(date))) {
    return fail("review.bad-date", fmt::format("'{}' is not a date YYYY-MM-DD", date));
  }
  return {};
}

bool same_draft(const store::Assessment& a, const auth::Viewer& viewer, const StartRequest& r,
                const std::string& level) {
  return a.status == store::AssessmentStatus::draft && a.role == r.role &&
         a.author_account == viewer.account.id && a.level == level && a.cycle == r.cycle;
}

}  // namespace

Result<Started> Service::start(const auth::Viewer& viewer, const StartRequest& request) {
  Started result;
  RUNG_TRY(m_store.write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(const auto person, find_person(w, request.person));
    RUNG_TRY(require_author(w, viewer, request.role, person.id));
    const std::string level = request.level.empty() ? person.level : request.level;
    RUNG_TRY(check_level(m_ladder, level));
    if (request.cycle) {
      RUNG_TRY(check_cycle_open(w, m_ladder, *request.cycle, level));
    }
    RUNG_TRY_ASSIGN(const auto existing, w.assessments_of(person.id));
    for (const auto& a : existing) {
      if (same_draft(a, viewer, request, level)) {
        result = Started{a, false};
        return {};
      }
    }
    store::Assessment a;
    a.person = person.id;
    a.role = request.role;
    a.author_account = viewer.account.id;
    a.author_person = viewer.person ? std::optional(viewer.person->id) : std::nullopt;
    a.level = level;
    a.cycle = request.cycle;
    a.created_at = a.updated_at = now();
    RUNG_TRY_ASSIGN(a.id, w.insert_assessment(a));
    result = Started{a, true};
    return w
        .append_audit(audit_entry(viewer, a.created_at, "assessment.start", subject_of(a.id),
                                  nullptr, assessment_json(a)))
        .map([](store::Id) {});
  }));
  return result;
}

SaveResult<std::int64_t> Service::save_rating(const auth::Viewer& viewer, store::Id assessment,
                                              std::int64_t expected_version,
                                              std::string_view statement, std::string_view scale) {
  return save_ratings(viewer, assessment, expected_version,
                      {RatingEdit{std::string(statement), std::string(scale)}});
}

SaveResult<std::int64_t> Service::save_ratings(const auth::Viewer& viewer, store::Id assessment,
                                               std::int64_t expected_version,
                                               const std::vector<RatingEdit>& ratings) {
  if (ratings.empty()) {
    return tl::unexpected(
        SaveError{Error{"review.bad-ratings", "no ratings to save"}, std::nullopt});
  }
  // A conflict names the first rating of the batch; the caller holds the others.
  const DraftSave save{assessment, expected_version, ratings.front().statement,
                       ratings.front().scale, now()};
  auto saved = save_draft(
      m_store, viewer, save,
      [&](const store::Assessment& current) -> Result<void> {
        for (const RatingEdit& edit : ratings) {
          RUNG_TRY(assess::check_rating(m_ladder, current.level, edit.statement, edit.scale));
        }
        return {};
      },
      [&](store::Writer& w, const store::Assessment& current,
          store::Assessment& next) -> Result<void> {
        for (const RatingEdit& edit : ratings) {
          RUNG_TRY(w.put_rating(store::Rating{current.id, edit.statement, edit.scale, save.now}));
          const nlohmann::json after{
              {"statement", edit.statement}, {"rating", edit.scale}, {"version", next.version}};
          RUNG_TRY(w.append_audit(audit_entry(viewer, save.now, "assessment.rate",
                                              subject_of(current.id), nullptr, after)));
        }
        return {};
      });
  return saved.map([](const store::Assessment& a) { return a.version; });
}

SaveResult<EvidenceAdded> Service::add_evidence(const auth::Viewer& viewer, store::Id assessment,
                                                std::int64_t expected_version,
                                                std::string_view statement, std::string_view text,
                                                std::string_view date) {
  if (auto checked = check_evidence(text, date, m_options.max_evidence_bytes); !checked) {
    return tl::unexpected(SaveError{checked.error(), std::nullopt});
  }
  const DraftSave save{assessment, expected_version, std::string(statement), "", now()};
  store::Id added = 0;
  auto saved = save_draft(
      m_store, viewer, save,
      [&](const store::Assessment& current) {
        return check_statement(m_ladder, current.level, statement);
      },
      [&](store::Writer& w, const store::Assessment& current,
          store::Assessment& next) -> Result<void> {
        const store::Evidence evidence{
            0, current.id, save.statement, std::string(text), std::string(date), save.now};
        RUNG_TRY_ASSIGN(const auto id, w.insert_evidence(evidence));
        added = id;
        const nlohmann::json after{{"evidence", id},
                                   {"statement", save.statement},
                                   {"text", evidence.text},
                                   {"date", evidence.date},
                                   {"version", next.version}};
        return w
            .append_audit(audit_entry(viewer, save.now, "assessment.evidence",
                                      subject_of(current.id), nullptr, after))
            .map([](store::Id) {});
      });
  return saved.map([&](const store::Assessment& a) { return EvidenceAdded{added, a.version}; });
}

Result<std::vector<store::AuthorRole>> Service::authoring_roles(const auth::Viewer& viewer,
                                                                store::Id person) {
  RUNG_TRY(find_person(m_store, person));
  std::vector<store::AuthorRole> out;
  for (const auto role : {store::AuthorRole::self, store::AuthorRole::manager}) {
    const auto allowed = require_author(m_store, viewer, role, person);
    if (allowed) {
      out.push_back(role);
    } else if (allowed.error().kind != ErrorKind::forbidden) {
      return tl::unexpected(allowed.error());  // the store failed: not an answer
    }
  }
  return out;
}

SaveResult<store::Assessment> Service::submit(const auth::Viewer& viewer, store::Id assessment,
                                              std::int64_t expected_version) {
  const DraftSave save{assessment, expected_version, "", "", now()};
  return save_draft(
      m_store, viewer, save, [](const store::Assessment&) { return Result<void>{}; },
      [&](store::Writer& w, const store::Assessment& current,
          store::Assessment& next) -> Result<void> {
        next.status = store::AssessmentStatus::submitted;
        next.submitted_at = save.now;
        RUNG_TRY_ASSIGN(const auto rows, w.ratings(current.id));
        assess::Ratings ratings;
        for (const auto& row : rows) {
          ratings.emplace(row.statement, row.scale);
        }
        RUNG_TRY_ASSIGN(const auto evidence, w.evidence(current.id));
        RUNG_TRY(w.put_frozen_ladder({m_version.digest, m_version.json, save.now}));
        RUNG_TRY(w.insert_snapshot(store::Snapshot{
            current.id, snapshot_json(m_version.digest, next, ratings, evidence), save.now}));
        return w
            .append_audit(audit_entry(viewer, save.now, "assessment.submit", subject_of(current.id),
                                      assessment_json(current), assessment_json(next)))
            .map([](store::Id) {});
      });
}

}  // namespace rung::review
