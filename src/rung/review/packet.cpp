#include "rung/review/packet.hpp"

#include <fmt/format.h>

#include "rung/assess/readiness.hpp"
#include "rung/review/frozen.hpp"
#include "rung/review/rules.hpp"

namespace rung::review {

namespace {

Result<std::optional<PacketAssessment>> packet_assessment(
    store::Reader& reader, const LadderVersions& versions,
    const std::optional<store::Assessment>& found) {
  if (!found) {
    return std::nullopt;
  }
  PacketAssessment out;
  out.assessment = *found;
  RUNG_TRY_ASSIGN(const auto account, reader.account(found->author_account));
  out.author_login = account ? account->login : "";
  RUNG_TRY_ASSIGN(out.evidence, reader.evidence(found->id));
  RUNG_TRY_ASSIGN(out.outcome, outcome_of(reader, versions, *found));
  return out;
}

Result<assess::Ratings> ratings_or_empty(store::Reader& reader,
                                         const std::optional<PacketAssessment>& shown) {
  if (!shown) {
    return assess::Ratings{};
  }
  return ratings_of(reader, shown->assessment.id);
}

}  // namespace

Result<Packet> build_packet(store::Reader& reader, const model::Ladder& ladder,
                            std::string_view email, std::string_view level) {
  RUNG_TRY_ASSIGN(const auto person, reader.person_by_email(email));
  if (!person) {
    return not_found(fmt::format("no person with the email '{}'", email));
  }
  Packet packet;
  packet.person = *person;
  packet.level_id = level.empty() ? person->level : std::string(level);
  const auto* found = ladder.find_level(packet.level_id);
  if (found == nullptr) {
    return fail(ErrorKind::not_found, "ladder.unknown-level",
                fmt::format("the ladder has no level '{}'", packet.level_id));
  }
  RUNG_TRY_ASSIGN(const auto all, reader.assessments_of(person->id));
  const LadderVersions versions;
  RUNG_TRY_ASSIGN(packet.self, packet_assessment(reader, versions,
                                                 latest_submitted(all, store::AuthorRole::self,
                                                                  packet.level_id)));
  RUNG_TRY_ASSIGN(
      packet.manager,
      packet_assessment(reader, versions,
                        latest_submitted(all, store::AuthorRole::manager, packet.level_id)));
  RUNG_TRY_ASSIGN(const auto self, ratings_or_empty(reader, packet.self));
  RUNG_TRY_ASSIGN(const auto manager, ratings_or_empty(reader, packet.manager));
  packet.rows = side_by_side_rows(ladder, *found, self, manager);
  if (packet.manager) {
    RUNG_TRY_ASSIGN(const auto layer, read_calibrations(reader, {packet.manager->assessment.id}));
    if (const auto it = layer.find(packet.manager->assessment.id); it != layer.end()) {
      packet.calibration = it->second;
    }
  }
  RUNG_TRY_ASSIGN(packet.latest, latest_ratings(reader, person->id));
  if (const auto* next = ladder.next_level(packet.level_id)) {
    RUNG_TRY_ASSIGN(packet.next, assess::readiness(ladder, next->id, packet.latest));
  }
  return packet;
}

}  // namespace rung::review
