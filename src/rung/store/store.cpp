#include "rung/store/store.hpp"

#include <initializer_list>

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

namespace {

// The enum value whose to_string is `text`, among `values`.
template <class E>
std::optional<E> enum_from(std::string_view text, std::initializer_list<E> values) {
  for (const E value : values) {
    if (to_string(value) == text) {
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(SessionState state) {
  switch (state) {
    case SessionState::preparing:
      return "preparing";
    case SessionState::discussing:
      return "discussing";
    case SessionState::closed:
      return "closed";
  }
  return "preparing";
}

std::string_view to_string(ScopeKind kind) {
  switch (kind) {
    case ScopeKind::subtree:
      return "subtree";
    case ScopeKind::track:
      return "track";
    case ScopeKind::levels:
      return "levels";
  }
  return "subtree";
}

std::string_view to_string(VoteChoice choice) {
  switch (choice) {
    case VoteChoice::agree:
      return "agree";
    case VoteChoice::disagree:
      return "disagree";
    case VoteChoice::question:
      return "question";
  }
  return "agree";
}

std::string_view to_string(VoteSubject subject) {
  return subject == VoteSubject::outcome ? "outcome" : "case";
}

std::optional<SessionState> session_state_from(std::string_view text) {
  return enum_from(text, {SessionState::preparing, SessionState::discussing, SessionState::closed});
}

std::optional<ScopeKind> scope_kind_from(std::string_view text) {
  return enum_from(text, {ScopeKind::subtree, ScopeKind::track, ScopeKind::levels});
}

std::optional<VoteChoice> vote_choice_from(std::string_view text) {
  return enum_from(text, {VoteChoice::agree, VoteChoice::disagree, VoteChoice::question});
}

std::optional<VoteSubject> vote_subject_from(std::string_view text) {
  return enum_from(text, {VoteSubject::outcome, VoteSubject::promotion});
}

}  // namespace rung::store
