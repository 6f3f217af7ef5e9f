// The calibrated layer over submitted manager assessments (calibrated.hpp).
#include "rung/review/calibrated.hpp"

#include <algorithm>
#include <set>

namespace rung::review {

const CalibratedFigure* Calibration::rating(const std::string& statement) const {
  const auto it = ratings.find(statement);
  return it == ratings.end() ? nullptr : &it->second;
}

Result<Calibrations> read_calibrations(store::Reader& reader,
                                       const std::vector<store::Id>& assessments) {
  Calibrations out;
  if (assessments.empty()) {
    return out;
  }
  const std::set<store::Id> wanted(assessments.begin(), assessments.end());
  RUNG_TRY_ASSIGN(const auto sessions, reader.calibration_sessions());
  std::vector<std::pair<store::CalibrationDecision, std::string>> decisions;
  for (const auto& session : sessions) {
    RUNG_TRY_ASSIGN(const auto made, reader.calibration_decisions(session.id));
    for (const auto& d : made) {
      if (wanted.contains(d.assessment)) {
        decisions.emplace_back(d, session.name);
      }
    }
  }
  // In the order they were made, across sessions.
  std::stable_sort(decisions.begin(), decisions.end(), [](const auto& a, const auto& b) {
    return std::pair(a.first.at, a.first.id) < std::pair(b.first.at, b.first.id);
  });
  for (const auto& entry : decisions) {
    // Named, not structured bindings: clang before 16 cannot capture a binding in a lambda.
    const auto& d = entry.first;
    const auto& session = entry.second;
    auto& calibration = out[d.assessment];
    calibration.assessment = d.assessment;
    auto apply = [&](std::optional<CalibratedFigure>& figure) {
      if (!figure) {
        figure = CalibratedFigure{d.before, d.after, d.reason, session, d.at};
        return;
      }
      figure->calibrated = d.after;
      figure->reason = d.reason;
      figure->session = session;
      figure->at = d.at;
    };
    if (d.statement.empty()) {
      apply(calibration.outcome);
    } else {
      std::optional<CalibratedFigure> figure;
      if (const auto* found = calibration.rating(d.statement)) {
        figure = *found;
      }
      apply(figure);
      calibration.ratings[d.statement] = *figure;
    }
  }
  // A figure changed back to what was submitted is not calibrated.
  for (auto it = out.begin(); it != out.end();) {
    auto& c = it->second;
    std::erase_if(c.ratings, [](const auto& entry) {
      return entry.second.submitted == entry.second.calibrated;
    });
    if (c.outcome && c.outcome->submitted == c.outcome->calibrated) {
      c.outcome.reset();
    }
    it = c.empty() ? out.erase(it) : std::next(it);
  }
  return out;
}

std::string calibration_outcome_name(const std::string& outcome) {
  if (outcome == "below") {
    return "Below their level";
  }
  if (outcome == "meets") {
    return "Meets their level";
  }
  if (outcome == "ready") {
    return "Ready for the next level";
  }
  return "";
}

}  // namespace rung::review
