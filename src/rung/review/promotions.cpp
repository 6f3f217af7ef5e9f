// Promotion cases: opening one, and reading cases and their packet (docs/promotions.md).
#include <algorithm>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/review/promotion_frame.hpp"
#include "rung/review/rules.hpp"
#include "rung/review/service.hpp"

namespace rung::review {

namespace {

// Within the person's track, the next level; in another track, a level of a higher grade on
// the general ladder.
Result<void> check_target(const model::Ladder& ladder, const store::Person& person,
                          const std::string& target) {
  const auto* level = ladder.find_level(target);
  if (level == nullptr) {
    return fail(ErrorKind::not_found, "ladder.unknown-level",
                fmt::format("the ladder has no level '{}'", target));
  }
  const auto* track = ladder.track_of(target);
  const auto* current = ladder.find_level(person.level);
  if (current == nullptr) {
    return fail("review.bad-target",
                fmt::format("{}'s level '{}' is not on the ladder, so no level is above it",
                            person.name, person.level));
  }
  if (track != nullptr && track->id == person.track) {
    const auto* next = ladder.next_level(person.level);
    if (next == nullptr || next->id != target) {
      return fail("review.bad-target",
                  next == nullptr
                      ? fmt::format("{} is at the top of their track", person.name)
                      : fmt::format("a promotion within a track is to the next level, {} ({})",
                                    next->title, next->id),
                  {}, "pick the next level, or a level of a higher grade in another track");
    }
    return {};
  }
  const auto from = ladder.grade_index(current->grade);
  const auto to = ladder.grade_index(level->grade);
  if (!from || !to || *to <= *from) {
    return fail("review.bad-target",
                fmt::format("{} ({}) is not above {}'s level {} ({}) on the general ladder",
                            level->title, target, person.name, current->title, person.level),
                {}, "a level in another track must have a higher grade");
  }
  return {};
}

Result<void> check_no_open_case(store::Reader& reader, store::Id person) {
  const std::vector<store::Id> ids{person};
  RUNG_TRY_ASSIGN(const auto cases, reader.promotion_cases_of_people(ids));
  for (const auto& c : cases) {
    if (c.status != store::CaseStatus::decided) {
      return fail(ErrorKind::conflict, "review.case-open",
                  "this person already has an open promotion case", {},
                  "finish or withdraw that case first");
    }
  }
  return {};
}

}  // namespace

std::vector<std::string> promotion_targets(const model::Ladder& ladder,
                                           const store::Person& person) {
  std::vector<std::string> out;
  for (const auto& id : ladder.level_ids()) {
    if (check_target(ladder, person, id)) {
      out.push_back(id);
    }
  }
  return out;
}

Result<store::PromotionCase> Service::open_case(const auth::Viewer& viewer,
                                                const CaseRequest& request) {
  RUNG_TRY(check_case_text(request.manager_case, m_options.max_case_bytes, "the case"));
  store::PromotionCase opened;
  RUNG_TRY(m_store.write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(const auto person, find_person(w, request.person));
    RUNG_TRY(require_case_writer(w, viewer, person.id));
    RUNG_TRY(check_target(m_ladder, person, request.target_level));
    if (request.cycle) {
      RUNG_TRY(check_cycle_open(w, m_ladder, *request.cycle, request.target_level));
    }
    RUNG_TRY(check_no_open_case(w, person.id));
    const auto* track = m_ladder.track_of(request.target_level);
    opened.person = person.id;
    opened.from_track = person.track;
    opened.from_level = person.level;
    opened.target_track = track != nullptr ? track->id : "";
    opened.target_level = request.target_level;
    opened.cycle = request.cycle;
    opened.opened_by_account = viewer.account.id;
    opened.opened_by_person =
        viewer.person ? std::optional<store::Id>(viewer.person->id) : std::nullopt;
    opened.manager_case = request.manager_case;
    opened.created_at = now();
    opened.updated_at = opened.created_at;
    RUNG_TRY_ASSIGN(opened.id, w.insert_promotion_case(opened));
    return w
        .append_audit(audit_entry(viewer, opened.created_at, "promotion.open",
                                  case_subject(opened.id), nullptr, promotion_case_json(opened)))
        .map([](store::Id) {});
  }));
  return opened;
}

namespace {

Result<CaseView> view_of(store::Reader& reader, const auth::Viewer& viewer,
                         const store::PromotionCase& c) {
  CaseView view;
  RUNG_TRY_ASSIGN(view.person, find_person(reader, c.person));
  RUNG_TRY_ASSIGN(const auto account, reader.account(c.opened_by_account));
  view.opened_by_login = account ? account->login : "";
  RUNG_TRY_ASSIGN(const bool above, is_above(reader, viewer, c.person));
  view.decision_visible = decision_visible(viewer, c);
  view.promotion = view.decision_visible ? c : without_decision(c);
  view.actions = case_actions(viewer, above, c);
  return view;
}

// The case when the viewer may read it; "review.not-found" otherwise, so that a case's
// existence is not revealed to anyone who may not read it.
Result<store::PromotionCase> readable_case(store::Reader& reader, const auth::Viewer& viewer,
                                           store::Id id) {
  RUNG_TRY_ASSIGN(auto c, find_case(reader, id));
  RUNG_TRY_ASSIGN(const bool may, may_read_case(reader, viewer, c));
  if (!may) {
    return not_found(fmt::format("no promotion case with id {}", id));
  }
  return c;
}

}  // namespace

Result<CaseView> Service::promotion_case(const auth::Viewer& viewer, store::Id id) {
  RUNG_TRY_ASSIGN(const auto c, readable_case(m_store, viewer, id));
  return view_of(m_store, viewer, c);
}

Result<CasePacket> Service::case_packet(const auth::Viewer& viewer, store::Id id) {
  RUNG_TRY_ASSIGN(const auto c, readable_case(m_store, viewer, id));
  RUNG_TRY_ASSIGN(const auto person, find_person(m_store, c.person));
  CasePacket out;
  // The packet of the level the case started from, so that it reads the same after an approval
  // has moved the person on.
  const std::string level = m_ladder.find_level(c.from_level) != nullptr ? c.from_level : "";
  RUNG_TRY_ASSIGN(out.packet, build_packet(m_store, m_ladder, person.email, level));
  if (m_ladder.find_level(c.target_level) == nullptr) {
    return fail(
        ErrorKind::not_found, "ladder.unknown-level",
        fmt::format("the ladder no longer has the case's target level '{}'", c.target_level));
  }
  RUNG_TRY_ASSIGN(out.target, assess::readiness(m_ladder, c.target_level, out.packet.latest));
  return out;
}

Result<std::vector<CaseView>> Service::cases_of(const auth::Viewer& viewer, store::Id person) {
  RUNG_TRY(find_person(m_store, person));
  RUNG_TRY(require_reader(m_store, viewer, person));
  const std::vector<store::Id> ids{person};
  RUNG_TRY_ASSIGN(const auto cases, m_store.promotion_cases_of_people(ids));
  std::vector<CaseView> out;
  for (const auto& c : cases) {
    RUNG_TRY_ASSIGN(auto view, view_of(m_store, viewer, c));
    out.push_back(std::move(view));
  }
  return out;
}

Result<std::vector<CaseView>> Service::cases_in_cycle(const auth::Viewer& viewer, store::Id cycle) {
  if (!viewer.admin()) {
    return forbidden(fmt::format("only admins list a cycle's cases, not {}", viewer.account.login));
  }
  RUNG_TRY_ASSIGN(const auto found, m_store.cycle(cycle));
  if (!found) {
    return not_found(fmt::format("no review cycle with id {}", cycle));
  }
  RUNG_TRY_ASSIGN(const auto cases, m_store.promotion_cases_in_cycle(cycle));
  std::vector<CaseView> out;
  for (const auto& c : cases) {
    RUNG_TRY_ASSIGN(auto view, view_of(m_store, viewer, c));
    out.push_back(std::move(view));
  }
  return out;
}

Result<bool> Service::case_belongs(store::Id person, store::Id id) {
  RUNG_TRY_ASSIGN(const auto c, m_store.promotion_case(id));
  return c && c->person == person;
}

}  // namespace rung::review
