// Growth plans: a target level, its gaps as a checklist, ticks and linked evidence.
#include <algorithm>

#include <fmt/format.h>

#include "rung/assess/gaps.hpp"
#include "rung/review/frozen.hpp"
#include "rung/review/rules.hpp"
#include "rung/review/service.hpp"

namespace rung::review {

namespace {

std::string plan_subject(store::Id plan) {
  return fmt::format("plan:{}", plan);
}

Result<store::GrowthPlanRecord> find_plan(store::Reader& reader, store::Id id) {
  RUNG_TRY_ASSIGN(auto plan, reader.growth_plan(id));
  if (!plan) {
    return not_found(fmt::format("no growth plan with id {}", id));
  }
  return *plan;
}

Result<bool> evidence_belongs_to(store::Reader& reader, store::Id person, store::Id evidence) {
  RUNG_TRY_ASSIGN(const auto all, reader.assessments_of(person));
  for (const auto& a : all) {
    RUNG_TRY_ASSIGN(const auto items, reader.evidence(a.id));
    for (const auto& item : items) {
      if (item.id == evidence) {
        return true;
      }
    }
  }
  return false;
}

Result<store::PlanItem> item_of(store::Reader& reader, store::Id plan, std::string_view statement) {
  RUNG_TRY_ASSIGN(const auto items, reader.plan_items(plan));
  for (const auto& item : items) {
    if (item.statement == statement) {
      return item;
    }
  }
  return store::PlanItem{plan, std::string(statement), false, {}};
}

nlohmann::json item_json(const store::PlanItem& item) {
  return {{"statement", item.statement}, {"done", item.done}, {"evidence", item.evidence}};
}

}  // namespace

Result<store::GrowthPlanRecord> Service::set_target(const auth::Viewer& viewer, store::Id person,
                                                    std::string_view target_level) {
  if (m_ladder.find_level(target_level) == nullptr) {
    return fail(ErrorKind::not_found, "ladder.unknown-level",
                fmt::format("the ladder has no level '{}'", target_level));
  }
  store::GrowthPlanRecord plan{0, person, std::string(target_level), now()};
  RUNG_TRY(m_store.write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY(find_person(w, person));
    RUNG_TRY(require_reader(w, viewer, person));
    RUNG_TRY_ASSIGN(plan.id, w.insert_growth_plan(plan));
    const nlohmann::json after{{"person", person}, {"target_level", plan.target_level}};
    return w
        .append_audit(audit_entry(viewer, plan.created_at, "plan.create", plan_subject(plan.id),
                                  nullptr, after))
        .map([](store::Id) {});
  }));
  return plan;
}

Result<Checklist> Service::checklist(const auth::Viewer& viewer, store::Id id) {
  RUNG_TRY_ASSIGN(auto plan, find_plan(m_store, id));
  RUNG_TRY(require_reader(m_store, viewer, plan.person));
  RUNG_TRY_ASSIGN(const auto ratings, latest_ratings(m_store, plan.person));
  RUNG_TRY_ASSIGN(const auto gaps, assess::gaps(m_ladder, plan.target_level, ratings));
  RUNG_TRY_ASSIGN(const auto items, m_store.plan_items(id));
  Checklist out{std::move(plan), {}};
  for (const auto& area : gaps.areas) {
    for (const auto& gap : area.gaps) {
      const auto* statement = m_ladder.find_statement(gap.statement_id);
      ChecklistItem line{
          area.area_id, gap.statement_id, statement ? statement->text : "", gap.rating, false, {}};
      for (const auto& item : items) {
        if (item.statement == gap.statement_id) {
          line.done = item.done;
          line.evidence = item.evidence;
        }
      }
      out.items.push_back(std::move(line));
    }
  }
  return out;
}

Result<store::PlanItem> Service::tick(const auth::Viewer& viewer, store::Id id,
                                      std::string_view statement, bool done) {
  store::PlanItem stored;
  RUNG_TRY(m_store.write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(const auto plan, find_plan(w, id));
    RUNG_TRY(require_reader(w, viewer, plan.person));
    RUNG_TRY(check_statement(m_ladder, plan.target_level, statement));
    RUNG_TRY_ASSIGN(const auto before, item_of(w, id, statement));
    auto after = before;
    after.done = done;
    RUNG_TRY(w.put_plan_item(after));
    stored = after;
    return w
        .append_audit(audit_entry(viewer, now(), "plan.tick", plan_subject(id), item_json(before),
                                  item_json(after)))
        .map([](store::Id) {});
  }));
  return stored;
}

Result<store::PlanItem> Service::link_evidence(const auth::Viewer& viewer, store::Id id,
                                               std::string_view statement, store::Id evidence) {
  store::PlanItem stored;
  RUNG_TRY(m_store.write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(const auto plan, find_plan(w, id));
    RUNG_TRY(require_reader(w, viewer, plan.person));
    RUNG_TRY(check_statement(m_ladder, plan.target_level, statement));
    RUNG_TRY_ASSIGN(const bool owned, evidence_belongs_to(w, plan.person, evidence));
    if (!owned) {
      return not_found(fmt::format("person {} has no evidence with id {}", plan.person, evidence));
    }
    RUNG_TRY_ASSIGN(const auto before, item_of(w, id, statement));
    auto after = before;
    if (std::find(after.evidence.begin(), after.evidence.end(), evidence) == after.evidence.end()) {
      after.evidence.push_back(evidence);
    }
    RUNG_TRY(w.put_plan_item(after));
    stored = after;
    return w
        .append_audit(audit_entry(viewer, now(), "plan.link-evidence", plan_subject(id),
                                  item_json(before), item_json(after)))
        .map([](store::Id) {});
  }));
  return stored;
}

Result<bool> Service::plan_belongs(store::Id person, store::Id id) {
  RUNG_TRY_ASSIGN(const auto plan, m_store.growth_plan(id));
  return plan && plan->person == person;
}

Result<std::vector<store::GrowthPlanRecord>> Service::plans(const auth::Viewer& viewer,
                                                            store::Id person) {
  RUNG_TRY(find_person(m_store, person));
  RUNG_TRY(require_reader(m_store, viewer, person));
  return m_store.growth_plans_of(person);
}

}  // namespace rung::review
