#pragma once

#include "rung/core/json.hpp"
#include "rung/review/calibrated.hpp"

// Parts of the promotion packet's JSON (packet_render.cpp) that other JSON reuses.
namespace rung::review {

// The packet JSON's "calibration" object: what calibration sessions changed of the manager
// assessment (outcome and ratings, each submitted, calibrated, reason, session, when); null
// when nothing was calibrated. The case API (/api/v1/cases/{id}) carries it in its packet.
Json calibration_json(const Calibration& calibration);

}  // namespace rung::review
