#include "rung/store/store.hpp"

namespace rung::store {

std::string_view to_string(PersonStatus status) {
  return status == PersonStatus::active ? "active" : "left";
}

}  // namespace rung::store
