#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rung/auth/viewer.hpp"
#include "rung/html/template.hpp"
#include "rung/review/promotions.hpp"
#include "rung/web/shell/resources.hpp"

// The JSON of promotion cases for the API and the view models of their pages. A case is shown
// only as review::Service hands it over: its outcome is already left out for a viewer who may
// not see it yet.
namespace rung::web {

// "/people/{person}/cases/{id}", the case page.
std::string case_url(store::Id person, store::Id id);

// The case for the API: {id, person, from_track, from_level, target_track, target_level, cycle,
// opened_by, manager_case, statement, status, outcome, rationale, decided_at, effective_date,
// published, published_at, version, created_at, updated_at, url}; outcome, rationale and the
// decision's times are null until the viewer may see the decision.
Json case_json(const review::CaseView& view);

// The packet for the API: {level, self, manager (each {assessment, submitted_at, met, total}
// or null), target: {level, ready, areas: [{area, met, required, total, blocking}]}}.
Json packet_json(const review::CasePacket& packet);

// The case page's view: the case in words, the forms the viewer's actions allow, the packet.
// `text_case` / `text_statement` are what the user typed, kept after a refused save.
struct CaseFormState {
  std::string error;
  std::string text_case;
  std::string text_statement;
  std::string rationale;
  std::string outcome;
  std::string effective_date;
};
Json case_page_view(const Resources& resources, const auth::Viewer& viewer,
                    const review::CaseView& view, const review::CasePacket& packet,
                    const CaseFormState& form);

// The admin's list of a cycle's cases, with a decide form on each undecided one.
Json cycle_cases_view(const Resources& resources, const auth::Viewer& viewer,
                      const store::ReviewCycle& cycle, const std::vector<review::CaseView>& cases);

// A status or outcome in words: "Draft", "In review", "Not now", ...
std::string status_words(store::CaseStatus status);
std::string outcome_words(store::CaseOutcome outcome);

}  // namespace rung::web
