#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "rung/store/store.hpp"

// The assessment tables of the in-memory store (memory_store.cpp), kept apart so that each
// file stays small. Same rules as the SQLite schema 2: references must exist, a snapshot is
// written once.
namespace rung::store::memory {

struct ReviewState {
  std::map<Id, ReviewCycle> cycles;
  std::map<Id, Assessment> assessments;
  std::map<std::pair<Id, std::string>, Rating> ratings;
  std::map<Id, Evidence> evidence;
  std::map<Id, Snapshot> snapshots;
  std::map<std::string, FrozenLadder, std::less<>> frozen_ladders;
  std::map<Id, GrowthPlanRecord> plans;
  std::map<std::pair<Id, std::string>, PlanItem> items;
  Id next_cycle = 1;
  Id next_assessment = 1;
  Id next_evidence = 1;
  Id next_plan = 1;
};

// Whether a person / an account exists (the people and accounts live in the main state).
struct Refs {
  std::function<bool(Id)> person;
  std::function<bool(Id)> account;
};

// The review operations of Reader and Writer over one ReviewState.
class ReviewTables {
 public:
  ReviewTables(ReviewState& state, Refs refs) : m_state(state), m_refs(std::move(refs)) {}

  std::vector<ReviewCycle> cycles() const;
  std::optional<ReviewCycle> cycle(Id id) const;
  std::optional<Assessment> assessment(Id id) const;
  std::vector<Assessment> assessments_of(Id person) const;
  std::vector<Rating> ratings(Id assessment) const;
  std::vector<Evidence> evidence(Id assessment) const;
  std::optional<Snapshot> snapshot(Id assessment) const;
  std::optional<FrozenLadder> frozen_ladder(std::string_view digest) const;
  std::vector<GrowthPlanRecord> growth_plans_of(Id person) const;
  std::optional<GrowthPlanRecord> growth_plan(Id id) const;
  std::vector<PlanItem> plan_items(Id plan) const;

  Result<Id> insert_cycle(const ReviewCycle& cycle);
  Result<void> update_cycle(const ReviewCycle& cycle);
  Result<Id> insert_assessment(const Assessment& assessment);
  Result<void> update_assessment(const Assessment& assessment);
  Result<void> put_rating(const Rating& rating);
  Result<Id> insert_evidence(const Evidence& evidence);
  Result<void> insert_snapshot(const Snapshot& snapshot);
  Result<void> put_frozen_ladder(const FrozenLadder& ladder);
  Result<Id> insert_growth_plan(const GrowthPlanRecord& plan);
  Result<void> put_plan_item(const PlanItem& item);

 private:
  Result<void> check_assessment(const Assessment& assessment) const;
  Result<void> check_assessment_exists(Id id) const;

  ReviewState& m_state;
  Refs m_refs;
};

}  // namespace rung::store::memory
