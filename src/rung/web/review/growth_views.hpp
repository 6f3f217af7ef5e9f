#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "rung/auth/viewer.hpp"
#include "rung/html/views.hpp"
#include "rung/review/records.hpp"
#include "rung/store/store.hpp"
#include "rung/web/shell/resources.hpp"

// View models of the growth-plan pages (growth_pages.cpp) and the progress chart that the
// person's assessments hub shows too. Every figure comes from review::Service; nothing here
// decides who may see what beyond what the service already answered.
namespace rung::web {

// The progress chart of the person's submitted assessments in review cycles
// (review::Service::progress, as `viewer` may read it) as an SVG for a page's {{{progress}}}
// fragment; "" when there is no point yet or the viewer may not read them. The SVG's ids start
// with "progress". Throws when the store cannot be read.
std::string progress_svg(const Resources& resources, const auth::Viewer& viewer, store::Id person);

// The growth plans page of `person`: {person, plans: [{id, url, level, title, created, done,
// total}],
// tracks: [{name, levels: [{id, title, selected}]}] for the target form (`chosen` selected, else
// the person's next level, else their own), csrf}.
Json plans_view(const Resources& resources, const auth::Viewer& viewer, const store::Person& person,
                std::string_view chosen);

// What the plan form sent, per statement: kept on the page when saving failed.
using PlanSent = std::map<std::string, review::PlanItemChange, std::less<>>;

// One plan's page: {person, plan: {id, title, level, url}, done, total, areas: [{id, name,
// items: [{statement, anchor, text, rating, done, status, note, target_date, target_words,
// open, evidence: [...], choices: [...]}]}], csrf}: one form for the whole checklist. Items in
// `sent` show what the user sent instead of what is stored (open, so the user sees it).
Json plan_view(const Resources& resources, const auth::Viewer& viewer, const store::Person& person,
               const review::Checklist& checklist, const PlanSent& sent);

// The status of a page that shows a review service error: http_status(error). A 500
// (the store failed) throws instead, for App::handle to answer.
int review_page_status(const Error& error);

// "/people/3/plans", "/people/3/plans/1".
std::string plans_url(store::Id person);
std::string plan_url(store::Id person, store::Id plan);

}  // namespace rung::web
