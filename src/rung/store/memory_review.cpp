#include "rung/store/memory_review.hpp"

#include <fmt/format.h>

namespace rung::store::memory {

namespace {

template <class Key, class T>
std::optional<T> find_in(const std::map<Key, T>& items, const Key& key) {
  auto it = items.find(key);
  return it == items.end() ? std::nullopt : std::optional<T>(it->second);
}

template <class Key, class T, class Keep>
std::vector<T> select(const std::map<Key, T>& items, Keep keep) {
  std::vector<T> out;
  for (const auto& [key, item] : items) {
    if (keep(item)) {
      out.push_back(item);
    }
  }
  return out;
}

tl::unexpected<Error> missing(std::string_view what, Id id) {
  return fail(ErrorKind::conflict, "store.conflict", fmt::format("no {} with id {}", what, id));
}

}  // namespace

std::vector<ReviewCycle> ReviewTables::cycles() const {
  return select(m_state.cycles, [](const ReviewCycle&) { return true; });
}

std::optional<ReviewCycle> ReviewTables::cycle(Id id) const {
  return find_in(m_state.cycles, id);
}

std::optional<Assessment> ReviewTables::assessment(Id id) const {
  return find_in(m_state.assessments, id);
}

std::vector<Assessment> ReviewTables::assessments_of(Id person) const {
  return select(m_state.assessments, [&](const Assessment& a) { return a.person == person; });
}

std::vector<Rating> ReviewTables::ratings(Id assessment) const {
  return select(m_state.ratings, [&](const Rating& r) { return r.assessment == assessment; });
}

std::vector<Evidence> ReviewTables::evidence(Id assessment) const {
  return select(m_state.evidence, [&](const Evidence& e) { return e.assessment == assessment; });
}

std::optional<Snapshot> ReviewTables::snapshot(Id assessment) const {
  return find_in(m_state.snapshots, assessment);
}

std::optional<FrozenLadder> ReviewTables::frozen_ladder(std::string_view digest) const {
  const auto found = m_state.frozen_ladders.find(digest);
  if (found == m_state.frozen_ladders.end()) {
    return std::nullopt;
  }
  return found->second;
}

std::vector<GrowthPlanRecord> ReviewTables::growth_plans_of(Id person) const {
  return select(m_state.plans, [&](const GrowthPlanRecord& p) { return p.person == person; });
}

std::optional<GrowthPlanRecord> ReviewTables::growth_plan(Id id) const {
  return find_in(m_state.plans, id);
}

std::vector<PlanItem> ReviewTables::plan_items(Id plan) const {
  return select(m_state.items, [&](const PlanItem& i) { return i.plan == plan; });
}

Result<Id> ReviewTables::insert_cycle(const ReviewCycle& cycle) {
  ReviewCycle stored = cycle;
  stored.id = m_state.next_cycle++;
  m_state.cycles[stored.id] = stored;
  return stored.id;
}

Result<void> ReviewTables::update_cycle(const ReviewCycle& cycle) {
  if (!m_state.cycles.contains(cycle.id)) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no review cycle with id {}", cycle.id));
  }
  m_state.cycles[cycle.id] = cycle;
  return {};
}

Result<void> ReviewTables::check_assessment(const Assessment& assessment) const {
  if (!m_refs.person(assessment.person)) {
    return missing("person", assessment.person);
  }
  if (!m_refs.account(assessment.author_account)) {
    return missing("account", assessment.author_account);
  }
  if (assessment.author_person && !m_refs.person(*assessment.author_person)) {
    return missing("person", *assessment.author_person);
  }
  if (assessment.cycle && !m_state.cycles.contains(*assessment.cycle)) {
    return missing("review cycle", *assessment.cycle);
  }
  return {};
}

Result<void> ReviewTables::check_assessment_exists(Id id) const {
  if (!m_state.assessments.contains(id)) {
    return missing("assessment", id);
  }
  return {};
}

Result<Id> ReviewTables::insert_assessment(const Assessment& assessment) {
  RUNG_TRY(check_assessment(assessment));
  Assessment stored = assessment;
  stored.id = m_state.next_assessment++;
  m_state.assessments[stored.id] = stored;
  return stored.id;
}

Result<void> ReviewTables::update_assessment(const Assessment& assessment) {
  if (!m_state.assessments.contains(assessment.id)) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no assessment with id {}", assessment.id));
  }
  RUNG_TRY(check_assessment(assessment));
  m_state.assessments[assessment.id] = assessment;
  return {};
}

Result<void> ReviewTables::put_rating(const Rating& rating) {
  RUNG_TRY(check_assessment_exists(rating.assessment));
  m_state.ratings[{rating.assessment, rating.statement}] = rating;
  return {};
}

Result<Id> ReviewTables::insert_evidence(const Evidence& evidence) {
  RUNG_TRY(check_assessment_exists(evidence.assessment));
  Evidence stored = evidence;
  stored.id = m_state.next_evidence++;
  m_state.evidence[stored.id] = stored;
  return stored.id;
}

Result<void> ReviewTables::put_frozen_ladder(const FrozenLadder& ladder) {
  const auto [at, inserted] = m_state.frozen_ladders.emplace(ladder.digest, ladder);
  if (!inserted && at->second.content != ladder.content) {
    return fail(ErrorKind::conflict, "store.conflict",
                fmt::format("ladder {} is stored with other content", ladder.digest));
  }
  return {};
}

Result<void> ReviewTables::insert_snapshot(const Snapshot& snapshot) {
  RUNG_TRY(check_assessment_exists(snapshot.assessment));
  if (!m_state.snapshots.emplace(snapshot.assessment, snapshot).second) {
    return fail(ErrorKind::conflict, "store.conflict",
                fmt::format("assessment {} already has a snapshot", snapshot.assessment));
  }
  return {};
}

Result<Id> ReviewTables::insert_growth_plan(const GrowthPlanRecord& plan) {
  if (!m_refs.person(plan.person)) {
    return missing("person", plan.person);
  }
  GrowthPlanRecord stored = plan;
  stored.id = m_state.next_plan++;
  m_state.plans[stored.id] = stored;
  return stored.id;
}

Result<void> ReviewTables::put_plan_item(const PlanItem& item) {
  if (!m_state.plans.contains(item.plan)) {
    return missing("growth plan", item.plan);
  }
  m_state.items[{item.plan, item.statement}] = item;
  return {};
}

}  // namespace rung::store::memory
