#pragma once

#include <string>
#include <vector>

#include "rung/auth/viewer.hpp"
#include "rung/html/template.hpp"
#include "rung/review/calibration.hpp"
#include "rung/web/shell/resources.hpp"

// The JSON of calibration sessions for the API and the view models of their pages
// (docs/calibration.md). A session is shown only as review::Service hands it over: votes the
// viewer may not see yet are already left out.
namespace rung::web {

// "/sessions/{id}", the session page.
std::string session_url(store::Id id);

// A session's record for the API: {id, cycle, name, scope, scope_person, scope_track,
// scope_levels, facilitator, calibrators, guideline: [{level, percent}], state, version,
// created_at, opened_at, closed_at, url}. Facilitator and calibrators are logins.
Json session_json(const store::CalibrationSession& session, const std::string& facilitator,
                  const std::vector<std::string>& calibrators);

// The session as the viewer sees it: the record, then min_group, votes_visible, votes_cast,
// actions {vote, open, close, calibrate, edit}, distribution [{level, people, percent, guideline}]
// (people and percent null when withheld), people [{person, name, level, manager, assessment,
// outcome, calibrated_outcome, case: {id, status} | null, vote_count, votes: [{calibrator,
// subject, subject_id, vote, note, version}], decisions: [{id, statement, before, after,
// reason, at}], ratings: [{statement, submitted, calibrated}]}].
Json session_view_json(const review::SessionView& view);

// What a refused form leaves on the session page.
struct SessionFormState {
  std::string error;
  std::string reason;  // the calibrate form's reason, as typed
  std::string note;    // the vote form's note, as typed
};

// The session page's view model: the session in words, the grid of people by level and
// readiness, the distribution against the guideline, each person with their manager's rater
// figures, the votes as visible, and the forms the viewer's actions allow.
Json session_page_view(const Resources& resources, const auth::Viewer& viewer,
                       const review::SessionView& view, const SessionFormState& form);

// The list of sessions (a cycle's, or the viewer's own), each {name, url, state, cycle}.
Json session_list_json(const Resources& resources,
                       const std::vector<store::CalibrationSession>& sessions);

}  // namespace rung::web
