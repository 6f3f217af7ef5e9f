// The service's construction and review cycles.
#include "rung/review/service.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rung/core/clock.hpp"
#include "rung/core/utc.hpp"
#include "rung/review/rules.hpp"

namespace rung::review {

namespace {

nlohmann::json cycle_json(const store::ReviewCycle& cycle) {
  return {{"id", cycle.id},         {"name", cycle.name},
          {"starts", cycle.starts}, {"ends", cycle.ends},
          {"tracks", cycle.tracks}, {"status", store::to_string(cycle.status)}};
}

bool is_date(const std::string& text) {
  return text.size() == 10 && parse_utc(text).has_value();
}

Result<void> check_cycle(const model::Ladder& ladder, const store::ReviewCycle& cycle) {
  if (cycle.name.empty()) {
    return fail("review.bad-cycle", "a review cycle needs a name");
  }
  if (!is_date(cycle.starts) || !is_date(cycle.ends) || cycle.ends < cycle.starts) {
    return fail("review.bad-cycle",
                fmt::format("the cycle '{}' needs a start date and an end date on or after it "
                            "(as 2026-07-01); it was given '{}' to '{}'",
                            cycle.name, cycle.starts, cycle.ends));
  }
  for (const auto& track : cycle.tracks) {
    if (ladder.find_track(track) == nullptr) {
      return fail("review.bad-cycle", fmt::format("the ladder has no track '{}'", track));
    }
  }
  return {};
}

Result<void> require_admin(const auth::Viewer& viewer) {
  if (!viewer.admin()) {
    return forbidden(
        fmt::format("only admins open and close review cycles, not {}", viewer.account.login));
  }
  return {};
}

}  // namespace

Service::Service(store::Store& store, const model::Ladder& ladder, Options options)
    : m_store(store),
      m_ladder(ladder),
      m_options(std::move(options)),
      m_version(ladder_version(ladder)),
      m_figures(m_options.max_kept_figures) {
  if (!m_options.clock) {
    m_options.clock = system_now;
  }
}

store::Millis Service::now() const {
  return m_options.clock();
}

Result<store::ReviewCycle> Service::open_cycle(const auth::Viewer& viewer,
                                               store::ReviewCycle cycle) {
  RUNG_TRY(require_admin(viewer));
  cycle.status = store::CycleStatus::open;
  RUNG_TRY(check_cycle(m_ladder, cycle));
  RUNG_TRY(m_store.write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(cycle.id, w.insert_cycle(cycle));
    return w
        .append_audit(audit_entry(viewer, now(), "cycle.open", fmt::format("cycle:{}", cycle.id),
                                  nullptr, cycle_json(cycle)))
        .map([](store::Id) {});
  }));
  return cycle;
}

Result<store::ReviewCycle> Service::close_cycle(const auth::Viewer& viewer, store::Id id) {
  RUNG_TRY(require_admin(viewer));
  store::ReviewCycle closed;
  RUNG_TRY(m_store.write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(auto cycle, w.cycle(id));
    if (!cycle) {
      return not_found(fmt::format("no review cycle with id {}", id));
    }
    closed = *cycle;
    if (cycle->status == store::CycleStatus::closed) {
      return {};
    }
    closed.status = store::CycleStatus::closed;
    RUNG_TRY(w.update_cycle(closed));
    return w
        .append_audit(audit_entry(viewer, now(), "cycle.close", fmt::format("cycle:{}", id),
                                  cycle_json(*cycle), cycle_json(closed)))
        .map([](store::Id) {});
  }));
  return closed;
}

}  // namespace rung::review
