#pragma once

#include <span>
#include <unordered_map>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"
#include "rung/review/team.hpp"
#include "rung/store/store.hpp"

// The steps of Service::team_readiness after the rows are made (team.cpp). Internal to
// rung::review.
namespace rung::review {

// Every person's assessments, oldest first.
using AssessmentsByPerson = std::unordered_map<store::Id, std::vector<const store::Assessment*>>;

// The progress of each person's newest growth plan, counted as Service::checklist counts it:
// the gaps of their latest submitted ratings (latest_ratings' rule) against the plan's target
// under `ladder`, and of them those ticked done. Four reads in all, whatever the number of
// people. A person without a plan, or whose plan's target the ladder no longer has, is absent.
Result<std::unordered_map<store::Id, GrowthProgress>> growth_of(
    store::Reader& reader, const model::Ladder& ladder, std::span<const store::Id> people,
    const AssessmentsByPerson& assessments);

// Drops the rows the query's filters leave out (track, level, ready, not assessed).
void filter_rows(std::vector<TeamRow>& rows, const TeamQuery& query);

// Sorts rows by the query's column and direction (team.hpp TeamQuery); tracks and levels go in
// the ladder's order.
void sort_rows(std::vector<TeamRow>& rows, const TeamQuery& query, const model::Ladder& ladder);

}  // namespace rung::review
