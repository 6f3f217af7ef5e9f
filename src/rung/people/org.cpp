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
  link_managers();
  cut_cycles();
  m_reports.resize(m_people.size());
  // People are visited in id order, so every list of reports comes out ordered by id.
  for (std::size_t i = 0; i < m_people.size(); ++i) {
    if (m_manager[i] != k_none && is_active(m_people[i])) {
      m_reports[m_manager[i]].push_back(i);
    }
  }
}

void Org::link_managers() {
  m_manager.assign(m_people.size(), k_none);
  for (std::size_t i = 0; i < m_people.size(); ++i) {
    const auto& manager = m_people[i].manager;
    if (!manager) {
      continue;
    }
    auto it = m_index.find(*manager);
    if (it != m_index.end() && it->second != i && is_active(m_people[it->second])) {
      m_manager[i] = it->second;
    }
  }
}

void Org::cut_cycles() {
  enum class Mark : unsigned char { unseen, on_path, done };
  std::vector<Mark> marks(m_people.size(), Mark::unseen);
  std::vector<std::size_t> path;
  for (std::size_t start = 0; start < m_people.size(); ++start) {
    path.clear();
    std::size_t at = start;
    while (at != k_none && marks[at] == Mark::unseen) {
      marks[at] = Mark::on_path;
      path.push_back(at);
      at = m_manager[at];
    }
    if (at != k_none && marks[at] == Mark::on_path) {
      m_manager[path.back()] = k_none;
    }
    for (std::size_t done : path) {
      marks[done] = Mark::done;
    }
  }
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
  for (std::size_t at = m_manager[it->second]; at != k_none; at = m_manager[at]) {
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
  // The links form a forest (cycles are cut), so each person is reached once.
  std::vector<std::size_t> level{it->second};
  while (!level.empty()) {
    std::vector<std::size_t> next;
    for (std::size_t at : level) {
      for (std::size_t report : m_reports[at]) {
        next.push_back(report);
        out.push_back(m_people[report].id);
      }
    }
    level = std::move(next);
  }
  return out;
}

bool Org::is_above(store::Id manager, store::Id person) const {
  auto it = m_index.find(person);
  if (it == m_index.end()) {
    return false;
  }
  for (std::size_t at = m_manager[it->second]; at != k_none; at = m_manager[at]) {
    if (m_people[at].id == manager) {
      return true;
    }
  }
  return false;
}

}  // namespace rung::people
