// The review operations of StateWriter (writer.hpp): cycles, assessments, growth plans.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "rung/store/memory/writer.hpp"

namespace rung::store::memory {

namespace {

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

std::set<Id> id_set(std::span<const Id> ids) {
  return {ids.begin(), ids.end()};
}

}  // namespace

Result<std::vector<ReviewCycle>> StateWriter::cycles() {
  return select(m_state.cycles, [](const ReviewCycle&) { return true; });
}

Result<std::optional<ReviewCycle>> StateWriter::cycle(Id id) {
  return find_in(m_state.cycles, id);
}

Result<std::optional<Assessment>> StateWriter::assessment(Id id) {
  return find_in(m_state.assessments, id);
}

Result<std::vector<Assessment>> StateWriter::assessments_of(Id person) {
  return select(m_state.assessments, [&](const Assessment& a) { return a.person == person; });
}

Result<std::vector<Assessment>> StateWriter::assessments_of_people(std::span<const Id> people) {
  const auto wanted = id_set(people);
  return select(m_state.assessments,
                [&](const Assessment& a) { return wanted.contains(a.person); });
}

Result<std::vector<Rating>> StateWriter::ratings_of_assessments(std::span<const Id> assessments) {
  const auto wanted = id_set(assessments);
  return select(m_state.ratings, [&](const Rating& r) { return wanted.contains(r.assessment); });
}

Result<std::vector<Rating>> StateWriter::ratings(Id assessment) {
  return select(m_state.ratings, [&](const Rating& r) { return r.assessment == assessment; });
}

Result<std::vector<Evidence>> StateWriter::evidence(Id assessment) {
  return select(m_state.evidence, [&](const Evidence& e) { return e.assessment == assessment; });
}

Result<std::optional<Snapshot>> StateWriter::snapshot(Id assessment) {
  return find_in(m_state.snapshots, assessment);
}

Result<std::optional<FrozenLadder>> StateWriter::frozen_ladder(std::string_view digest) {
  return find_in(m_state.frozen_ladders, digest);
}

Result<std::vector<FrozenLadder>> StateWriter::frozen_ladders() {
  std::vector<FrozenLadder> out;
  for (const auto& [digest, ladder] : m_state.frozen_ladders) {
    out.push_back(ladder);
  }
  std::stable_sort(out.begin(), out.end(), [](const FrozenLadder& a, const FrozenLadder& b) {
    return a.created_at < b.created_at;
  });
  return out;
}

Result<std::optional<Withdrawal>> StateWriter::withdrawal(Id assessment) {
  return find_in(m_state.withdrawals, assessment);
}

Result<std::vector<Agreement>> StateWriter::agreements(Id self_assessment, Id manager_assessment) {
  return select(m_state.agreements, [&](const Agreement& a) {
    return a.self_assessment == self_assessment && a.manager_assessment == manager_assessment;
  });
}

Result<std::vector<GrowthPlanRecord>> StateWriter::growth_plans_of(Id person) {
  return select(m_state.plans, [&](const GrowthPlanRecord& p) { return p.person == person; });
}

Result<std::optional<GrowthPlanRecord>> StateWriter::growth_plan(Id id) {
  return find_in(m_state.plans, id);
}

Result<std::vector<PlanItem>> StateWriter::plan_items(Id plan) {
  return select(m_state.items, [&](const PlanItem& i) { return i.plan == plan; });
}

Result<std::vector<GrowthPlanRecord>> StateWriter::growth_plans_of_people(
    std::span<const Id> people) {
  const auto wanted = id_set(people);
  return select(m_state.plans,
                [&](const GrowthPlanRecord& p) { return wanted.contains(p.person); });
}

Result<std::vector<PlanItem>> StateWriter::plan_items_of_plans(std::span<const Id> plans) {
  const auto wanted = id_set(plans);
  return select(m_state.items, [&](const PlanItem& i) { return wanted.contains(i.plan); });
}

Result<Id> StateWriter::insert_cycle(const ReviewCycle& cycle) {
  ReviewCycle stored = cycle;
  stored.id = m_state.next_cycle++;
  m_state.cycles[stored.id] = stored;
  return stored.id;
}

Result<void> StateWriter::update_cycle(const ReviewCycle& cycle) {
  if (!m_state.cycles.contains(cycle.id)) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no review cycle with id {}", cycle.id));
  }
  m_state.cycles[cycle.id] = cycle;
  return {};
}

Result<void> StateWriter::check_assessment(const Assessment& assessment) const {
  if (!m_state.people.contains(assessment.person)) {
    return missing("person", assessment.person);
  }
  if (!m_state.accounts.contains(assessment.author_account)) {
    return missing("account", assessment.author_account);
  }
  if (assessment.author_person && !m_state.people.contains(*assessment.author_person)) {
    return missing("person", *assessment.author_person);
  }
  if (assessment.cycle && !m_state.cycles.contains(*assessment.cycle)) {
    return missing("review cycle", *assessment.cycle);
  }
  return {};
}

Result<void> StateWriter::check_assessment_exists(Id id) const {
  if (!m_state.assessments.contains(id)) {
    return missing("assessment", id);
  }
  return {};
}

Result<Id> StateWriter::insert_assessment(const Assessment& assessment) {
  RUNG_TRY(check_assessment(assessment));
  Assessment stored = assessment;
  stored.id = m_state.next_assessment++;
  m_state.assessments[stored.id] = stored;
  return stored.id;
}

Result<void> StateWriter::update_assessment(const Assessment& assessment) {
  if (!m_state.assessments.contains(assessment.id)) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no assessment with id {}", assessment.id));
  }
  RUNG_TRY(check_assessment(assessment));
  m_state.assessments[assessment.id] = assessment;
  return {};
}

Result<void> StateWriter::put_rating(const Rating& rating) {
  RUNG_TRY(check_assessment_exists(rating.assessment));
  m_state.ratings[{rating.assessment, rating.statement}] = rating;
  return {};
}

Result<Id> StateWriter::insert_evidence(const Evidence& evidence) {
  RUNG_TRY(check_assessment_exists(evidence.assessment));
  Evidence stored = evidence;
  stored.id = m_state.next_evidence++;
  m_state.evidence[stored.id] = stored;
  return stored.id;
}

Result<void> StateWriter::put_frozen_ladder(const FrozenLadder& ladder) {
  const auto [at, inserted] = m_state.frozen_ladders.emplace(ladder.digest, ladder);
  if (!inserted && at->second.content != ladder.content) {
    return fail(ErrorKind::conflict, "store.conflict",
                fmt::format("ladder {} is stored with other content", ladder.digest));
  }
  return {};
}

Result<void> StateWriter::insert_snapshot(const Snapshot& snapshot) {
  RUNG_TRY(check_assessment_exists(snapshot.assessment));
  if (!m_state.snapshots.emplace(snapshot.assessment, snapshot).second) {
    return fail(ErrorKind::conflict, "store.conflict",
                fmt::format("assessment {} already has a snapshot", snapshot.assessment));
  }
  return {};
}

Result<void> StateWriter::insert_withdrawal(const Withdrawal& withdrawal) {
  RUNG_TRY(check_assessment_exists(withdrawal.assessment));
  if (!m_state.withdrawals.emplace(withdrawal.assessment, withdrawal).second) {
    return fail(ErrorKind::conflict, "store.conflict",
                fmt::format("assessment {} was already withdrawn", withdrawal.assessment));
  }
  return {};
}

Result<void> StateWriter::put_agreement(const Agreement& agreement) {
  RUNG_TRY(check_assessment_exists(agreement.self_assessment));
  RUNG_TRY(check_assessment_exists(agreement.manager_assessment));
  if (!m_state.accounts.contains(agreement.account)) {
    return missing("account", agreement.account);
  }
  m_state.agreements.insert_or_assign(
      std::tuple{agreement.self_assessment, agreement.manager_assessment, agreement.statement},
      agreement);
  return {};
}

Result<Id> StateWriter::insert_growth_plan(const GrowthPlanRecord& plan) {
  if (!m_state.people.contains(plan.person)) {
    return missing("person", plan.person);
  }
  GrowthPlanRecord stored = plan;
  stored.id = m_state.next_plan++;
  m_state.plans[stored.id] = stored;
  return stored.id;
}

Result<void> StateWriter::put_plan_item(const PlanItem& item) {
  if (!m_state.plans.contains(item.plan)) {
    return missing("growth plan", item.plan);
  }
  m_state.items[{item.plan, item.statement}] = item;
  return {};
}

Result<void> StateWriter::delete_rating(Id assessment, std::string_view statement) {
  m_state.ratings.erase({assessment, std::string(statement)});
  return {};
}

Result<void> StateWriter::update_evidence(const Evidence& evidence) {
  const auto found = m_state.evidence.find(evidence.id);
  if (found == m_state.evidence.end()) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no evidence with id {}", evidence.id));
  }
  found->second.statement = evidence.statement;
  found->second.text = evidence.text;
  found->second.date = evidence.date;
  return {};
}

Result<void> StateWriter::delete_plan_item(Id plan, std::string_view statement) {
  m_state.items.erase({plan, std::string(statement)});
  return {};
}

}  // namespace rung::store::memory
