#pragma once

#include <optional>
#include <string_view>

#include "rung/store/store.hpp"
#include "rung/web/http/router.hpp"
#include "rung/web/shell/body.hpp"
#include "rung/web/shell/resources.hpp"

// Reading the ids of the assessment routes (/people/{id}/assessments/{aid}, .../plans/{plan}),
// shared by the pages and the API.
namespace rung::web {

// What a URL names: a record's id and the person it belongs to. Nothing more is read here;
// the handler asks review::Service, which checks the viewer.
struct Located {
  store::Id person = 0;
  store::Id id = 0;
};

// The assessment named by {aid} when it exists and belongs to the person named by {id};
// nullopt otherwise, so an assessment of someone else answers as not found (the access rule
// has only checked {id}). Throws when the store cannot be read.
std::optional<Located> assessment_of_person(const Resources& resources, const Call& call);

// Likewise the growth plan named by {plan}.
std::optional<Located> plan_of_person(const Resources& resources, const Call& call);

}  // namespace rung::web
