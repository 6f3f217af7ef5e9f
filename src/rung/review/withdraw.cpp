// Withdrawing a submitted assessment (service.hpp): the snapshot stays, the status changes.
#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/review/rules.hpp"
#include "rung/review/service.hpp"

namespace rung::review {

namespace {

Result<void> check_reason(std::string_view reason, std::size_t limit) {
  if (trim(reason).empty() || find_invalid_utf8(reason)) {
    return fail("review.bad-reason", "say why the assessment is withdrawn", {},
                "for example: submitted by mistake before rating every statement");
  }
  if (reason.size() > limit) {
    return fail("review.bad-reason",
                fmt::format("the reason is {} bytes; the limit is {}", reason.size(), limit));
  }
  return {};
}

Result<void> check_withdrawable(const store::Assessment& a) {
  if (a.status == store::AssessmentStatus::draft) {
    return fail(ErrorKind::conflict, "review.not-submitted",
                "this assessment is a draft: only a submitted one can be withdrawn");
  }
  if (a.status == store::AssessmentStatus::withdrawn) {
    return fail(ErrorKind::conflict, "review.withdrawn", "this assessment was already withdrawn");
  }
  return {};
}

}  // namespace

Result<store::Assessment> Service::withdraw(const auth::Viewer& viewer, store::Id assessment,
                                            std::string_view reason) {
  const store::Millis at = now();
  store::Assessment out;
  RUNG_TRY(m_store.write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(const auto current, find_assessment(w, assessment));
    RUNG_TRY(require_reader(w, viewer, current.person));
    RUNG_TRY(require_withdrawer(viewer, current));
    RUNG_TRY(check_withdrawable(current));
    RUNG_TRY(check_not_calibrating(w, current));
    RUNG_TRY(check_reason(reason, m_options.max_evidence_bytes));
    out = current;
    out.status = store::AssessmentStatus::withdrawn;
    out.version = current.version + 1;
    out.updated_at = at;
    RUNG_TRY(w.update_assessment(out));
    const std::string text(trim(reason));
    RUNG_TRY(w.insert_withdrawal(store::Withdrawal{current.id, viewer.account.id, text, at}));
    nlohmann::json after = assessment_json(out);
    after["reason"] = text;
    return w
        .append_audit(audit_entry(viewer, at, "assessment.withdraw",
                                  fmt::format("assessment:{}", current.id),
                                  assessment_json(current), after))
        .map([](store::Id) {});
  }));
  return out;
}

bool Service::may_withdraw(const auth::Viewer& viewer, const store::Assessment& assessment) {
  return assessment.status == store::AssessmentStatus::submitted &&
         require_withdrawer(viewer, assessment).has_value();
}

Result<std::optional<store::Withdrawal>> Service::withdrawal(const auth::Viewer& viewer,
                                                             store::Id assessment) {
  RUNG_TRY_ASSIGN(const auto current, find_assessment(m_store, assessment));
  RUNG_TRY(require_reader(m_store, viewer, current.person));
  return m_store.withdrawal(assessment);
}

}  // namespace rung::review
