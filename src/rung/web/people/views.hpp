#pragma once

#include <string_view>
#include <vector>

#include "rung/auth/viewer.hpp"
#include "rung/html/template.hpp"
#include "rung/model/ladder.hpp"
#include "rung/review/promotions.hpp"
#include "rung/web/shell/people_snapshot.hpp"

// The JSON of people for the API and the view models of the people pages. Each takes the
// snapshot (people + org) and the viewer, and never shows a link to a page the viewer may not
// open (the names in a manager chain above the viewer are shown without links).
namespace rung::web {

// The API form of a person: {id, name, email, manager, track, level, level_title, grade,
// start_date, status}; level_title and grade are null when the ladder has no such level.
Json person_json(const model::Ladder& ladder, const store::Person& person);

// Whom `viewer` may see, ordered by name: everyone for an admin, else themselves and everyone
// below them; nobody for an account without a person. `query` (case-insensitive) narrows to
// people whose name, email, level id or level title contains it.
std::vector<const store::Person*> visible_people(const PeopleSnapshot& snapshot,
                                                 const model::Ladder& ladder,
                                                 const auth::Viewer& viewer,
                                                 std::string_view query);

// The person page: level, track, manager chain (nearest first), direct reports, and the link to
// their growth plans (plans_url).
Json person_view(const PeopleSnapshot& snapshot, const model::Ladder& ladder,
                 const auth::Viewer& viewer, const store::Person& person);

// The team page: the person and everyone below them as a flat pre-order list that the template
// turns into nested lists (each entry says whether it opens a list of reports and how many
// lists close after it), so a deep org needs no recursion in the template.
Json team_view(const PeopleSnapshot& snapshot, const model::Ladder& ladder,
               const store::Person& root);

// The person page's promotion section: the cases the viewer may see (newest first, each with
// its status in words and a link), and when `may_open` and no case is open, the form to open
// one: `targets` (level ids the case may aim at) and the open `cycles` to file it under.
Json promotion_section(const model::Ladder& ladder, const store::Person& person,
                       const std::vector<review::CaseView>& cases, bool may_open,
                       const std::vector<std::string>& targets,
                       const std::vector<store::ReviewCycle>& cycles);

}  // namespace rung::web
