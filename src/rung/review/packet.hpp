#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"
#include "rung/review/records.hpp"
#include "rung/store/store.hpp"

// The promotion packet (`rung assess export`): a person, a level, their latest submitted self
// and manager assessments side by side with the evidence, fit per area from each snapshot, and
// readiness for the next level (under the current ladder, from the person's latest submitted
// rating of each statement) with its blockers. Built for someone who may read everything (the
// command line); the web will check review::Service's rules first.
namespace rung::review {

struct PacketAssessment {
  store::Assessment assessment;
  std::string author_login;  // "" when the account is gone
  std::vector<store::Evidence> evidence;
  Outcome outcome;  // from the snapshot
};

struct Packet {
  store::Person person;
  std::string level_id;
  std::optional<PacketAssessment> self;
  std::optional<PacketAssessment> manager;
  std::vector<SideBySideRow> rows;        // the level's statements (current ladder)
  std::optional<assess::Readiness> next;  // none at the top of the track
  assess::Ratings latest;                 // what `next` was computed from
  // What calibration sessions changed of the manager assessment (calibrated.hpp): shown beside
  // the submitted ratings and outcome, which stay as they were.
  Calibration calibration;
};

// Errors: "review.not-found" for an unknown email, "ladder.unknown-level" for a level not in
// the ladder ("" means the person's level), store errors.
Result<Packet> build_packet(store::Reader& reader, const model::Ladder& ladder,
                            std::string_view email, std::string_view level);

// The packet as Markdown / as JSON (2-space indented). Deterministic; end with '\n'.
std::string packet_markdown(const model::Ladder& ladder, const Packet& packet);
std::string packet_json(const model::Ladder& ladder, const Packet& packet);

}  // namespace rung::review
