#include "rung/review/raters.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

namespace rung::review {

namespace {

constexpr double k_z95 = 1.959963984540054;  // the 97.5% point of the standard normal

// A rating with its statement interned; `order` is its place in the input (later wins).
struct Row {
  std::int64_t rater = 0;
  std::int64_t person = 0;
  std::uint32_t statement = 0;
  std::uint32_t position = 0;
  std::size_t order = 0;
};

auto manager_key(const Row& r) {
  return std::tie(r.rater, r.person, r.statement);
}

auto self_key(const Row& r) {
  return std::tie(r.person, r.statement);
}

// Sorts by `key` then input order and keeps the last row of each key.
template <class Key>
void keep_last(std::vector<Row>& rows, Key key) {
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    return std::tuple_cat(key(a), std::tie(a.order)) < std::tuple_cat(key(b), std::tie(b.order));
  });
  std::vector<Row> kept;
  kept.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i + 1 == rows.size() || key(rows[i]) != key(rows[i + 1])) {
      kept.push_back(rows[i]);
    }
  }
  rows = std::move(kept);
}

// Mean and population variance of values, two passes.
struct Moments {
  double mean = 0;
  double sum_squares = 0;  // sum of squared deviations from the mean
  std::size_t n = 0;

  double variance() const { return n == 0 ? 0 : sum_squares / static_cast<double>(n); }
};

template <class It, class Value>
Moments moments(It first, It last, Value value) {
  Moments out;
  double sum = 0;
  for (It i = first; i != last; ++i) {
    sum += value(*i);
    ++out.n;
  }
  if (out.n == 0) {
    return out;
  }
  out.mean = sum / static_cast<double>(out.n);
  for (It i = first; i != last; ++i) {
    const double d = value(*i) - out.mean;
    out.sum_squares += d * d;
  }
  return out;
}

// Cohen's kappa with quadratic weights from a K x K table of (manager, self) counts: 1 - the
// observed weighted disagreement over the one expected from the margins. Null when no
// disagreement could be expected (both sides at one and the same point).
std::optional<double> quadratic_kappa(const std::vector<std::size_t>& table, std::size_t k,
                                      std::size_t n) {
  std::vector<double> rows(k, 0.0);
  std::vector<double> cols(k, 0.0);
  double observed = 0;
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      const auto count = static_cast<double>(table[i * k + j]);
      const auto d = static_cast<double>(i) - static_cast<double>(j);
      observed += d * d * count;
      rows[i] += count;
      cols[j] += count;
    }
  }
  double expected = 0;
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      const auto d = static_cast<double>(i) - static_cast<double>(j);
      expected += d * d * rows[i] * cols[j];
    }
  }
  expected /= static_cast<double>(n);
  if (expected <= 0) {
    return std::nullopt;
  }
  return 1.0 - observed / expected;
}

// What one rater's rows give before shrinkage.
struct Group {
  std::size_t begin = 0;  // [begin, end) in the manager rows
  std::size_t end = 0;
  double mean_residual = 0;
  double residual_squares = 0;  // sum of squared deviations of residuals from mean_residual
  double person_sd_sum = 0;     // the SDs of the people with two ratings or more, summed
  std::size_t person_sd_count = 0;
  RaterStats stats;
};

class Computation {
 public:
  Computation(std::vector<Row> managers, std::vector<Row> selves, std::size_t statements,
              std::size_t scale_size, const RaterOptions& options)
      : m_managers(std::move(managers)),
        m_selves(std::move(selves)),
        m_statements(statements),
        m_k(scale_size),
        m_options(options) {}

  RaterReport run() {
    residuals();
    RaterReport report;
    report.scale_size = m_k;
    report.options = m_options;
    report.ratings = m_managers.size();
    std::vector<Group> groups;
    for (std::size_t begin = 0; begin < m_managers.size();) {
      std::size_t end = begin;
      while (end < m_managers.size() && m_managers[end].rater == m_managers[begin].rater) {
        ++end;
      }
      groups.push_back(group(begin, end));
      begin = end;
    }
    report.raters = groups.size();
    report.people = distinct_people();
    report.shrinkage = shrinkage(groups);
    shrink(groups, report.shrinkage);
    organisation(report, groups);
    for (Group& g : groups) {
      if (g.stats.people < m_options.min_people) {
        RaterStats hidden;
        hidden.rater = g.stats.rater;
        hidden.people = g.stats.people;
        hidden.ratings = g.stats.ratings;
        hidden.hidden = true;
        g.stats = hidden;
      }
      report.by_rater.push_back(std::move(g.stats));
    }
    return report;
  }

 private:
  void residuals() {
    std::vector<double> sum(m_statements, 0.0);
    std::vector<std::size_t> count(m_statements, 0);
    for (const Row& r : m_managers) {
      sum[r.statement] += r.position;
      ++count[r.statement];
    }
    m_residual.reserve(m_managers.size());
    for (const Row& r : m_managers) {
      m_residual.push_back(r.position - sum[r.statement] / static_cast<double>(count[r.statement]));
    }
  }

  std::size_t distinct_people() const {
    std::vector<std::int64_t> people;
    people.reserve(m_managers.size());
    for (const Row& r : m_managers) {
      people.push_back(r.person);
    }
    std::sort(people.begin(), people.end());
    return static_cast<std::size_t>(std::unique(people.begin(), people.end()) - people.begin());
  }

  const Row* self_of(const Row& manager) const {
    const auto found =
        std::lower_bound(m_selves.begin(), m_selves.end(), manager,
                         [](const Row& a, const Row& b) { return self_key(a) < self_key(b); });
    return found != m_selves.end() && self_key(*found) == self_key(manager) ? &*found : nullptr;
  }

  Group group(std::size_t begin, std::size_t end) {
    Group g;
    g.begin = begin;
    g.end = end;
    RaterStats& s = g.stats;
    s.rater = m_managers[begin].rater;
    s.ratings = end - begin;
    const auto first = m_residual.begin() + static_cast<std::ptrdiff_t>(begin);
    const auto last = m_residual.begin() + static_cast<std::ptrdiff_t>(end);
    const Moments residual = moments(first, last, [](double e) { return e; });
    g.mean_residual = residual.mean;
    g.residual_squares = residual.sum_squares;
    s.mean_difference = residual.mean;
    const auto rows_first = m_managers.begin() + static_cast<std::ptrdiff_t>(begin);
    const auto rows_last = m_managers.begin() + static_cast<std::ptrdiff_t>(end);
    s.spread = std::sqrt(
        moments(rows_first, rows_last, [](const Row& r) { return double(r.position); }).variance());
    halo(g);
    self_agreement(g);
    return g;
  }

  // Per person rated (rows are sorted by person within the rater): people, and the mean SD.
  void halo(Group& g) {
    double sum = 0;
    std::size_t counted = 0;
    for (std::size_t begin = g.begin; begin < g.end;) {
      std::size_t end = begin;
      while (end < g.end && m_managers[end].person == m_managers[begin].person) {
        ++end;
      }
      ++g.stats.people;
      if (end - begin >= 2) {
        const auto first = m_managers.begin() + static_cast<std::ptrdiff_t>(begin);
        const auto last = m_managers.begin() + static_cast<std::ptrdiff_t>(end);
        sum += std::sqrt(
            moments(first, last, [](const Row& r) { return double(r.position); }).variance());
        ++counted;
      }
      begin = end;
    }
    g.person_sd_sum = sum;
    g.person_sd_count = counted;
    if (counted > 0) {
      g.stats.halo = sum / static_cast<double>(counted);
    }
  }

  void self_agreement(Group& g) {
    std::vector<std::size_t> table(m_k * m_k, 0);
    double gap = 0;
    std::int64_t last_person = 0;
    RaterStats& s = g.stats;
    for (std::size_t i = g.begin; i < g.end; ++i) {
      const Row& manager = m_managers[i];
      const Row* self = self_of(manager);
      if (self == nullptr) {
        continue;
      }
      if (s.self_pairs == 0 || manager.person != last_person) {
        ++s.self_people;
        last_person = manager.person;
      }
      ++s.self_pairs;
      ++table[manager.position * m_k + self->position];
      gap += static_cast<double>(manager.position) - static_cast<double>(self->position);
    }
    if (s.self_pairs == 0 || s.self_people < m_options.min_people) {
      return;
    }
    s.gap_self = gap / static_cast<double>(s.self_pairs);
    if (s.self_pairs >= m_options.min_kappa_pairs) {
      s.kappa_self = quadratic_kappa(table, m_k, s.self_pairs);
    }
  }

  // One-way random-effects ANOVA on the residuals, raters as groups (method of moments for
  // unbalanced groups: Searle, Casella & McCulloch, Variance Components, 3.5).
  Shrinkage shrinkage(const std::vector<Group>& groups) const {
    const auto raters = static_cast<double>(groups.size());
    const auto n = static_cast<double>(m_managers.size());
    if (groups.size() < 2 || m_managers.size() <= groups.size()) {
      return {};
    }
    double grand = 0;
    for (double e : m_residual) {
      grand += e;
    }
    grand /= n;
    double within = 0;
    double between = 0;
    double squares_of_sizes = 0;
    for (const Group& g : groups) {
      const auto size = static_cast<double>(g.end - g.begin);
      within += g.residual_squares;
      between += size * (g.mean_residual - grand) * (g.mean_residual - grand);
      squares_of_sizes += size * size;
    }
    Shrinkage out;
    out.within_variance = within / (n - raters);
    const double mean_square_between = between / (raters - 1);
    const double n0 = (n - squares_of_sizes / n) / (raters - 1);
    out.between_variance = std::max(0.0, (mean_square_between - *out.within_variance) / n0);
    if (*out.between_variance > 0) {
      out.k = *out.within_variance / *out.between_variance;
    }
    return out;
  }

  static void shrink(std::vector<Group>& groups, const Shrinkage& shrinkage) {
    if (!shrinkage.within_variance) {
      return;
    }
    const double sigma2 = *shrinkage.within_variance;
    const double tau2 = *shrinkage.between_variance;
    for (Group& g : groups) {
      RaterStats& s = g.stats;
      const auto n = static_cast<double>(s.ratings);
      // tau2 / (tau2 + sigma2 / n) = n / (n + k); 0 when no rater effect is estimated.
      const double weight = tau2 > 0 ? tau2 / (tau2 + sigma2 / n) : 0.0;
      const double sd = std::sqrt(weight * sigma2 / n);
      s.weight = weight;
      s.leniency = weight * g.mean_residual;
      s.leniency_low = *s.leniency - k_z95 * sd;
      s.leniency_high = *s.leniency + k_z95 * sd;
    }
  }

  void organisation(RaterReport& report, const std::vector<Group>& groups) const {
    if (report.people < m_options.min_people) {
      return;
    }
    report.spread = std::sqrt(moments(m_managers.begin(), m_managers.end(), [](const Row& r) {
                                return double(r.position);
                              }).variance());
    double sum = 0;
    std::size_t counted = 0;
    for (const Group& g : groups) {
      sum += g.person_sd_sum;
      counted += g.person_sd_count;
    }
    if (counted > 0) {
      report.halo = sum / static_cast<double>(counted);
    }
  }

  std::vector<Row> m_managers;     // sorted by (rater, person, statement), one per key
  std::vector<Row> m_selves;       // sorted by (person, statement), one per key
  std::vector<double> m_residual;  // per manager row: position - the statement's mean
  std::size_t m_statements;
  std::size_t m_k;
  RaterOptions m_options;
};

}  // namespace

Result<RaterReport> rater_statistics(std::span<const RaterRating> ratings, std::size_t scale_size,
                                     const RaterOptions& options) {
  if (scale_size < 2) {
    return fail("review.bad-scale",
                fmt::format("a rating scale needs two points or more, not {}", scale_size));
  }
  std::unordered_map<std::string_view, std::uint32_t> statements;
  std::vector<Row> managers;
  std::vector<Row> selves;
  for (std::size_t i = 0; i < ratings.size(); ++i) {
    const RaterRating& r = ratings[i];
    if (r.position >= scale_size) {
      return fail("review.bad-position",
                  fmt::format("the rating of {} by {} is at position {} of a scale of {} points",
                              r.statement, r.rater, r.position, scale_size));
    }
    const auto id = statements.try_emplace(r.statement, statements.size()).first->second;
    const bool self = r.role == RatingRole::self;
    (self ? selves : managers)
        .push_back(Row{self ? r.person : r.rater, r.person, id,
                       static_cast<std::uint32_t>(r.position), i});
  }
  keep_last(managers, manager_key);
  keep_last(selves, self_key);
  return Computation(std::move(managers), std::move(selves), statements.size(), scale_size, options)
      .run();
}

}  // namespace rung::review
