#include "rung/web/review/paths.hpp"

#include "rung/review/service.hpp"
#include "rung/web/review/handlers.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web {

namespace {

using Belongs = Result<bool> (review::Service::*)(store::Id person, store::Id id);

std::optional<Located> locate(const Resources& resources, const Call& call,
                              std::string_view id_param, Belongs belongs) {
  const auto person = parse_id(call.param("id"));
  const auto id = parse_id(call.param(id_param));
  if (!person || !id || !unwrap((resources.review.*belongs)(*person, *id))) {
    return std::nullopt;
  }
  return Located{*person, *id};
}

}  // namespace

std::optional<Located> assessment_of_person(const Resources& resources, const Call& call) {
  return locate(resources, call, "aid", &review::Service::assessment_belongs);
}

std::optional<Located> plan_of_person(const Resources& resources, const Call& call) {
  return locate(resources, call, "plan", &review::Service::plan_belongs);
}

}  // namespace rung::web
