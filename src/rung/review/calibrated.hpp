#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/store/store.hpp"

// The calibrated layer over submitted manager assessments (docs/calibration.md): what the
// decision records of every calibration session changed, read once for any number of
// assessments. Side by side, team readiness, the promotion packet and `rung assess export`
// show these beside the submitted figures, which never change.
namespace rung::review {

// One figure a session changed: a rating (a scale point id) or the outcome ("below", "meets",
// "ready"), as submitted and as calibrated, with the last decision's reason.
struct CalibratedFigure {
  std::string submitted;   // the value before the first decision
  std::string calibrated;  // after the last one
  std::string reason;      // of the last decision
  std::string session;     // the name of the session that made it
  store::Millis at = 0;    // when

  friend bool operator==(const CalibratedFigure&, const CalibratedFigure&) = default;
};

// The calibrated figures of one submitted manager assessment. Figures that decisions changed
// and then changed back are left out.
struct Calibration {
  store::Id assessment = 0;
  std::map<std::string, CalibratedFigure> ratings;  // by statement id
  std::optional<CalibratedFigure> outcome;

  bool empty() const { return ratings.empty() && !outcome; }
  // The calibrated rating of `statement`, or nullptr when no session changed it.
  const CalibratedFigure* rating(const std::string& statement) const;

  friend bool operator==(const Calibration&, const Calibration&) = default;
};

// By assessment id; an assessment no decision changed is absent.
using Calibrations = std::map<store::Id, Calibration>;

// The one read of the layer: every session's decisions (a handful of sessions per cycle, one
// read each), applied in decision order, kept for `assessments` only.
Result<Calibrations> read_calibrations(store::Reader& reader,
                                       const std::vector<store::Id>& assessments);

// "Below their level" / "Meets their level" / "Ready for the next level" ("" for others).
std::string calibration_outcome_name(const std::string& outcome);

}  // namespace rung::review
