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

}  // namespace rung::store
