#include "rung/store/store.hpp"

namespace rung::store {

std::string_view to_string(PersonStatus status) {
  return status == PersonStatus::active ? "active" : "left";
}

std::string_view to_string(CycleStatus status) {
  return status == CycleStatus::open ? "open" : "closed";
}

std::string_view to_string(AuthorRole role) {
  return role == AuthorRole::self ? "self" : "manager";
}

std::string_view to_string(AssessmentStatus status) {
  switch (status) {
    case AssessmentStatus::draft:
      return "draft";
    case AssessmentStatus::submitted:
      return "submitted";
    case AssessmentStatus::withdrawn:
      return "withdrawn";
  }
  return "draft";
}

std::string_view to_string(CaseStatus status) {
  switch (status) {
    case CaseStatus::draft:
      return "draft";
    case CaseStatus::submitted:
      return "submitted";
    case CaseStatus::in_review:
      return "in_review";
    case CaseStatus::decided:
      return "decided";
  }
  return "draft";
}

std::string_view to_string(CaseOutcome outcome) {
  switch (outcome) {
    case CaseOutcome::approved:
      return "approved";
    case CaseOutcome::not_now:
      return "not_now";
    case CaseOutcome::withdrawn:
      return "withdrawn";
  }
  return "approved";
}

std::optional<CaseStatus> case_status_from(std::string_view text) {
  for (auto status :
       {CaseStatus::draft, CaseStatus::submitted, CaseStatus::in_review, CaseStatus::decided}) {
    if (to_string(status) == text) {
      return status;
    }
  }
  return std::nullopt;
}

std::optional<CaseOutcome> case_outcome_from(std::string_view text) {
  for (auto outcome : {CaseOutcome::approved, CaseOutcome::not_now, CaseOutcome::withdrawn}) {
    if (to_string(outcome) == text) {
      return outcome;
    }
  }
  return std::nullopt;
}

}  // namespace rung::store
