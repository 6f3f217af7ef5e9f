#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/people/import.hpp"
#include "rung/people/person_json.hpp"

namespace rung::people {

namespace {

std::string action_of(ChangeKind kind) {
  return fmt::format("person.{}", to_string(kind));
}

// The creates of a plan ordered so that every new manager comes before their new reports.
std::vector<const PersonChange*> creates_managers_first(const ImportPlan& plan) {
  std::unordered_map<std::string, const PersonChange*> by_email;
  for (const auto& change : plan.changes) {
    if (change.kind == ChangeKind::create) {
      by_email.emplace(change.after.email, &change);
    }
  }
  std::unordered_map<const PersonChange*, std::size_t> depth;
  auto depth_of = [&](const PersonChange* change) {
    // Walk up through new managers only; a plan without errors has no cycle, and the bound
    // keeps a hand-made plan with one from looping.
    std::size_t steps = 0;
    for (auto it = by_email.find(change->after_manager_email);
         it != by_email.end() && steps <= by_email.size();
         it = by_email.find(it->second->after_manager_email)) {
      if (auto known = depth.find(it->second); known != depth.end()) {
        return steps + 1 + known->second;
      }
      ++steps;
    }
    return steps;
  };
  struct Ranked {
    std::size_t depth;
    int row;
    const PersonChange* change;
  };
  std::vector<Ranked> ranked;
  ranked.reserve(by_email.size());
  for (const auto& [email, change] : by_email) {
    const std::size_t at = depth_of(change);
    depth.emplace(change, at);
    ranked.push_back(Ranked{at, change->row, change});
  }
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    return a.depth != b.depth ? a.depth < b.depth : a.row < b.row;
  });
  std::vector<const PersonChange*> order;
  order.reserve(ranked.size());
  for (const auto& item : ranked) {
    order.push_back(item.change);
  }
  return order;
}

class Applier {
 public:
  Applier(store::Writer& writer, std::string_view actor, store::Millis now)
      : m_writer(writer), m_actor(actor), m_now(now) {}

  Result<void> load(const ImportPlan& plan) {
    RUNG_TRY_ASSIGN(auto people, m_writer.people());
    if (fingerprint(people) != plan.basis) {
      return fail(ErrorKind::conflict, "people.stale-plan",
                  "the people in rung changed since this import was planned", {},
                  "plan the import again and review it before applying");
    }
    for (const auto& person : people) {
      m_ids.emplace(person.email, person.id);
    }
    return {};
  }

  Result<void> apply(const PersonChange& change) {
    store::Person person = change.after;
    person.manager.reset();
    if (!change.after_manager_email.empty()) {
      auto it = m_ids.find(change.after_manager_email);
      if (it == m_ids.end()) {
        return fail(ErrorKind::conflict, "people.stale-plan",
                    fmt::format("the manager '{}' of '{}' is not in rung",
                                change.after_manager_email, change.after.email));
      }
      person.manager = it->second;
    }
    std::string before;
    if (change.kind == ChangeKind::create) {
      person.id = 0;
      RUNG_TRY_ASSIGN(person.id, m_writer.insert_person(person));
      m_ids[person.email] = person.id;
    } else {
      RUNG_TRY(m_writer.update_person(person));
      before = person_json(change.before);
    }
    RUNG_TRY(m_writer.append_audit(store::AuditEntry{0, m_now, m_actor, action_of(change.kind),
                                                     fmt::format("person:{}", person.id),
                                                     std::move(before), person_json(person)}));
    ++count(change.kind);
    return {};
  }

  const ApplySummary& summary() const { return m_summary; }

 private:
  std::size_t& count(ChangeKind kind) {
    switch (kind) {
      case ChangeKind::create:
        return m_summary.created;
      case ChangeKind::update:
        return m_summary.updated;
      case ChangeKind::deactivate:
        return m_summary.deactivated;
      case ChangeKind::reactivate:
        return m_summary.reactivated;
    }
    return m_summary.updated;
  }

  store::Writer& m_writer;
  std::string m_actor;
  store::Millis m_now;
  std::unordered_map<std::string, store::Id> m_ids;
  ApplySummary m_summary;
};

}  // namespace

Result<ApplySummary> apply_import(store::Store& store, const ImportPlan& plan,
                                  std::string_view actor, store::Millis now,
                                  const store::WriteBody& also) {
  if (!plan.errors.empty()) {
    return fail("people.plan-has-errors",
                fmt::format("the import has {} problem{}; nothing was changed", plan.errors.size(),
                            plan.errors.size() == 1 ? "" : "s"),
                {}, "fix the file and plan the import again");
  }
  const auto creates = creates_managers_first(plan);
  ApplySummary summary;
  RUNG_TRY(store.write([&](store::Writer& writer) -> Result<void> {
    if (also) {
      RUNG_TRY(also(writer));
    }
    Applier applier(writer, actor, now);
    RUNG_TRY(applier.load(plan));
    for (const auto* change : creates) {
      RUNG_TRY(applier.apply(*change));
    }
    for (const auto& change : plan.changes) {
      if (change.kind != ChangeKind::create) {
        RUNG_TRY(applier.apply(change));
      }
    }
    // The promotions HR's level overrides, each audited with its case.
    for (const auto& c : plan.accepted) {
      const auto change = std::find_if(plan.changes.begin(), plan.changes.end(),
                                       [&](const PersonChange& p) { return p.row == c.row; });
      const store::Id person = change == plan.changes.end() ? 0 : change->before.id;
      const nlohmann::ordered_json before{{"level", c.stored_level},
                                          {"promotion", c.promotion},
                                          {"effective_date", c.effective_date}};
      const nlohmann::ordered_json after{{"level", c.file_level}};
      RUNG_TRY(writer.append_audit(
          store::AuditEntry{0, now, std::string(actor), "person.level-override",
                            fmt::format("person:{}", person), before.dump(), after.dump()}));
    }
    summary = applier.summary();
    return {};
  }));
  return summary;
}

}  // namespace rung::people
