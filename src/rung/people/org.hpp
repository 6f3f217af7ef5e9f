#pragma once

#include <cstddef>
#include <unordered_map>
#include <vector>

#include "rung/store/store.hpp"

namespace rung::people {

// The reporting line, built once from a snapshot of the people (Reader::people()) and then
// read-only: safe to share between threads. Build cost O(n); lookups O(1) by id.
//
// Only active people count as managers: a person whose manager has left (or is missing from
// the snapshot) has no manager as far as the Org is concerned, and a person who has left
// manages nobody. Reports that have left are not listed under anyone. A manager cycle in the
// data (which the importer refuses, but hand-edited data might hold) is cut where it closes,
// visiting people by id: the link back to the first one seen of the cycle is ignored.
class Org {
 public:
  explicit Org(std::vector<store::Person> people);

  // nullptr when no person has this id.
  const store::Person* find(store::Id id) const;

  // The person's manager, their manager, ... up to the top, nearest first. Empty for an
  // unknown id or someone without an (active) manager.
  std::vector<store::Id> chain(store::Id id) const;

  // The active people whose manager is `id`, ordered by id. Empty when `id` has left.
  std::vector<store::Id> direct_reports(store::Id id) const;

  // Every active person below `id` in the reporting line (reports, their reports, ...),
  // breadth first (nearest level first, each level ordered by id).
  std::vector<store::Id> all_below(store::Id id) const;

  // Whether `manager` is above `person` in the reporting line (transitively; a person is not
  // above themselves). O(depth).
  bool is_above(store::Id manager, store::Id person) const;

  // Every person of the snapshot, ordered by id.
  const std::vector<store::Person>& people() const { return m_people; }

 private:
  void link_managers();
  void cut_cycles();

  std::vector<store::Person> m_people;
  std::vector<std::size_t> m_manager;  // by index: index of the active manager, or SIZE_MAX
  std::unordered_map<store::Id, std::size_t> m_index;
  std::vector<std::vector<std::size_t>> m_reports;  // by index: indexes of active reports
};

}  // namespace rung::people
