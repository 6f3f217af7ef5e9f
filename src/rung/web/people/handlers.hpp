#pragma once

#include "rung/auth/viewer.hpp"
#include "rung/web/http/router.hpp"
#include "rung/web/shell/resources.hpp"

// The handlers of web/people/ (the people directory, a person, a manager's team, and the people
// API). Private to this folder: only its own files include this header; the rest of web/ reaches
// them through people_routes() (routes.hpp).
namespace rung::web::handlers {

Response people(const Resources& resources, const Call& call);
Response person(const Resources& resources, const Call& call);
Response team(const Resources& resources, const Call& call);
Response api_me(const Resources& resources, const Call& call);
Response api_people(const Resources& resources, const Call& call);
Response api_person(const Resources& resources, const Call& call);

}  // namespace rung::web::handlers
