// The conversation after both submitted (service.hpp): what the manager and the person agreed
// about a statement, and the person's self-assessment beside the manager's form.
#include <fmt/format.h>

#include "rung/assess/ratings.hpp"
#include "rung/core/text.hpp"
#include "rung/review/frozen.hpp"
#include "rung/review/rules.hpp"
#include "rung/review/service.hpp"

namespace rung::review {

namespace {

Result<void> check_submitted(const store::Assessment& a) {
  if (a.status != store::AssessmentStatus::submitted) {
    return fail(ErrorKind::conflict, "review.not-submitted",
                "this assessment is not submitted: agreements are recorded about two "
                "submitted assessments");
  }
  return {};
}

// A self and a manager assessment of one person and level.
Result<void> check_pair(const store::Assessment& self, const store::Assessment& manager) {
  if (self.role != store::AuthorRole::self || manager.role != store::AuthorRole::manager ||
      self.person != manager.person || self.level != manager.level) {
    return fail("review.bad-pair",
                "an agreement is about a self-assessment and a manager assessment of the same "
                "person and level");
  }
  return {};
}

nlohmann::json agreement_json(const store::Agreement& a) {
  return nlohmann::json{{"self_assessment", a.self_assessment},
                        {"manager_assessment", a.manager_assessment},
                        {"statement", a.statement},
                        {"scale", a.scale},
                        {"note", a.note}};
}

}  // namespace

Result<store::Agreement> Service::agree(const auth::Viewer& viewer,
                                        const AgreementRequest& request) {
  const store::Millis at = now();
  store::Agreement out;
  RUNG_TRY(m_store.write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(const auto self, find_assessment(w, request.self_assessment));
    RUNG_TRY_ASSIGN(const auto manager, find_assessment(w, request.manager_assessment));
    RUNG_TRY(require_reader(w, viewer, self.person));
    RUNG_TRY(check_pair(self, manager));
    RUNG_TRY(may_record_agreement(w, viewer, self.person));
    RUNG_TRY(check_submitted(self));
    RUNG_TRY(check_submitted(manager));
    RUNG_TRY(check_statement(m_ladder, self.level, request.statement));
    if (!request.scale.empty()) {
      RUNG_TRY(assess::check_scale_point(m_ladder, request.scale));
    }
    const std::string note(trim(request.note));
    RUNG_TRY(check_note(note, m_options.max_evidence_bytes));
    RUNG_TRY_ASSIGN(const auto stored, w.agreements(self.id, manager.id));
    nlohmann::json before = nullptr;
    for (const auto& a : stored) {
      if (a.statement == request.statement) {
        before = agreement_json(a);
      }
    }
    out = store::Agreement{self.id,           manager.id, request.statement, request.scale, note,
                           viewer.account.id, at};
    RUNG_TRY(w.put_agreement(out));
    return w
        .append_audit(audit_entry(viewer, at, "assessment.agree",
                                  fmt::format("assessment:{}", manager.id), before,
                                  agreement_json(out)))
        .map([](store::Id) {});
  }));
  return out;
}

Result<std::optional<AssessmentView>> Service::self_beside(const auth::Viewer& viewer,
                                                           store::Id assessment) {
  RUNG_TRY_ASSIGN(const auto a, find_assessment(m_store, assessment));
  RUNG_TRY(require_reader(m_store, viewer, a.person));
  if (!self_beside_visible(a)) {
    return std::optional<AssessmentView>();
  }
  RUNG_TRY_ASSIGN(const auto all, m_store.assessments_of(a.person));
  const auto self = latest_submitted(all, store::AuthorRole::self, a.level);
  if (!self) {
    return std::optional<AssessmentView>();
  }
  RUNG_TRY_ASSIGN(auto ratings, ratings_of(m_store, self->id));
  RUNG_TRY_ASSIGN(auto evidence, m_store.evidence(self->id));
  return std::optional<AssessmentView>(
      AssessmentView{*self, std::move(ratings), std::move(evidence)});
}

}  // namespace rung::review
