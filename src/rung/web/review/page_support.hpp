#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rung/auth/viewer.hpp"
#include "rung/core/error.hpp"
#include "rung/html/template.hpp"
#include "rung/store/store.hpp"
#include "rung/web/http/router.hpp"
#include "rung/web/shell/resources.hpp"

namespace rung::web {

// The progress chart of `person` as seen by `viewer`: an SVG drawn by assess/ for the hub's
// {{{progress}}} slot, "" when there is nothing to draw. Defined in growth_views.cpp.
std::string progress_svg(const Resources& resources, const auth::Viewer& viewer, store::Id person);

}  // namespace rung::web

// What the assessment pages share (review_pages.cpp, review_assessment_pages.cpp).
namespace rung::web::review_pages {

// The person named by {id}; nullopt when there is none (access.cpp has let the viewer see it).
// Throws when the store cannot be read.
std::optional<store::Person> person_of(const Resources& resources, const Call& call);

// {id, name, url, assessments_url, side_url, plans_url} of the person, for every page's head.
Json person_head(const store::Person& person);

// The "page" object of a view: title, "assessments" current in the navigation, and with
// `enhanced` the CSRF token and script the layout adds for static/assess.js.
Json page_json(std::string title, const Call& call, bool enhanced);

// The page for a review error: its review_status and the message. Throws for a 500.
Response error_page(const Resources& resources, const Error& error);

// The site and session of a view, then the page: page() with the view's "site" filled in.
Response review_page(const Resources& resources, const Call& call, int status,
                     std::string_view name, Json view, html::Fragments fragments = {});

// The integer in a form field; nullopt when it is not one.
std::optional<std::int64_t> int_field(const Call& call, std::string_view name);

}  // namespace rung::web::review_pages
