#include "rung/web/review/paths.hpp"

#include <charconv>

#include "rung/web/review/handlers.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web {

std::optional<store::Id> parse_id(std::string_view text) {
  store::Id id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || id <= 0) {
    return std::nullopt;
  }
  return id;
}

std::optional<store::Assessment> assessment_of_person(const Resources& resources,
                                                      const Call& call) {
  const auto person = parse_id(call.param("id"));
  const auto id = parse_id(call.param("aid"));
  if (!person || !id) {
    return std::nullopt;
  }
  auto found = unwrap(resources.store.assessment(*id));
  if (!found || found->person != *person) {
    return std::nullopt;
  }
  return found;
}

std::optional<store::GrowthPlanRecord> plan_of_person(const Resources& resources,
                                                      const Call& call) {
  const auto person = parse_id(call.param("id"));
  const auto id = parse_id(call.param("plan"));
  if (!person || !id) {
    return std::nullopt;
  }
  auto found = unwrap(resources.store.growth_plan(*id));
  if (!found || found->person != *person) {
    return std::nullopt;
  }
  return found;
}

}  // namespace rung::web
