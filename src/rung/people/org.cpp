#include "rung/people/org.hpp"

#include <algorithm>
#include <limits>

namespace rung::people {

namespace {

constexpr std::size_t k_none = std::numeric_limits<std::size_t>::max();

bool is_active(const store::Person& person) {
  return person.status == store::PersonStatus::active;
}

}  // namespace

Org::Org(std::vector<store::Person> people) : m_people(std::move(people)) {
  std::sort(m_people.begin(), m_people.end(),
            [](const store::Person& a, const store::Person& b) { return a.id < b.id; });
  m_index.reserve(m_people.size());
  for (std::size_t i = 0; i < m_people.size(); ++i) {
    m_index.emplace(m_people[i].id, i);
  }
  m_reports.resize(m_people.size());
  // People are visited in id order, so every list of reports comes out ordered by id.
  for (std::size_t i = 0; i < m_people.size(); ++i) {
    const std::size_t manager = manager_index(i);
    if (manager != k_none && is_active(m_people[i])) {
      m_reports[manager].push_back(i);
    }
  }
}

std::size_t Org::manager_index(std::size_t index) const {
  const auto& manager = m_people[index].manager;
  if (!manager || *manager == m_people[index].id) {
    return k_none;
  }
  auto it = m_index.find(*manager);
  if (it == m_index.end() || !is_active(m_people[it->second])) {
    return k_none;
  }
  return it->second;
}

const store::Person* Org::find(store::Id id) const {
  auto it = m_index.find(id);
  return it == m_index.end() ? nullptr : &m_people[it->second];
}

std::vector<store::Id> Org::chain(store::Id id) const {
  std::vector<store::Id> out;
  auto it = m_index.find(id);
  if (it == m_index.end()) {
    return out;
  }
  // A chain longer than the number of people repeats someone: stop there.
  for (std::size_t at = manager_index(it->second); at != k_none && out.size() < m_people.size();
       at = manager_index(at)) {
    if (m_people[at].id == id || std::find(out.begin(), out.end(), m_people[at].id) != out.end()) {
      break;
    }
    out.push_back(m_people[at].id);
  }
  return out;
}

std::vector<store::Id> Org::direct_reports(store::Id id) const {
  std::vector<store::Id> out;
  auto it = m_index.find(id);
  if (it == m_index.end()) {
    return out;
  }
  for (std::size_t report : m_reports[it->second]) {
    out.push_back(m_people[report].id);
  }
  return out;
}

std::vector<store::Id> Org::all_below(store::Id id) const {
  std::vector<store::Id> out;
  auto it = m_index.find(id);
  if (it == m_index.end()) {
    return out;
  }
  std::vector<bool> seen(m_people.size(), false);
  seen[it->second] = true;
  std::vector<std::size_t> level{it->second};
  while (!level.empty()) {
    std::vector<std::size_t> next;
    for (std::size_t at : level) {
      for (std::size_t report : m_reports[at]) {
        if (!seen[report]) {
          seen[report] = true;
          next.push_back(report);
          out.push_back(m_people[report].id);
        }
      }
    }
    level = std::move(next);
  }
  return out;
}

bool Org::is_above(store::Id manager, store::Id person) const {
  auto it = m_index.find(person);
  if (it == m_index.end() || manager == person) {
    return false;
  }
  std::size_t steps = 0;
  for (std::size_t at = manager_index(it->second); at != k_none && steps < m_people.size();
       at = manager_index(at), ++steps) {
    if (m_people[at].id == manager) {
      return true;
    }
  }
  return false;
}

}  // namespace rung::people
