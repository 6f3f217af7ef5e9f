// Team readiness: column names, filters and sorting.
#include <algorithm>
#include <array>
#include <numeric>
#include <unordered_map>

#include "rung/review/team_parts.hpp"

namespace rung::review {

namespace {

struct ColumnName {
  TeamColumn column;
  std::string_view name;
};

constexpr std::array k_columns{
    ColumnName{TeamColumn::name, "name"},
    ColumnName{TeamColumn::track, "track"},
    ColumnName{TeamColumn::level, "level"},
    ColumnName{TeamColumn::self, "self"},
    ColumnName{TeamColumn::manager, "manager"},
    ColumnName{TeamColumn::fit, "fit"},
    ColumnName{TeamColumn::readiness, "readiness"},
    ColumnName{TeamColumn::flagged, "flagged"},
    ColumnName{TeamColumn::growth, "growth"},
    ColumnName{TeamColumn::last_assessed, "last_assessed"},
};

// Positions of tracks and levels in the ladder, for sorting in the ladder's own order.
struct LadderOrder {
  std::unordered_map<std::string, double> tracks;
  std::unordered_map<std::string, double> levels;

  explicit LadderOrder(const model::Ladder& ladder) {
    for (const auto& track : ladder.tracks()) {
      tracks.emplace(track.id, static_cast<double>(tracks.size()));
    }
    for (const auto& id : ladder.level_ids()) {
      levels.emplace(id, static_cast<double>(levels.size()));
    }
  }
};

std::optional<double> position(const std::unordered_map<std::string, double>& order,
                               const std::string& id) {
  const auto found = order.find(id);
  return found == order.end() ? std::nullopt : std::optional(found->second);
}

// A stage as one number: not started < draft < submitted, then earlier < later.
double stage_key(const Stage& stage) {
  constexpr double k_rank = 1e14;  // above any time in milliseconds for millennia
  return static_cast<double>(stage.state) * k_rank + static_cast<double>(stage.at);
}

double share(std::size_t part, std::size_t whole) {
  return whole == 0 ? 1.0 : static_cast<double>(part) / static_cast<double>(whole);
}

// The row's value in a column other than the name; nullopt when it has none.
std::optional<double> key_of(const TeamRow& row, TeamColumn column, const LadderOrder& order) {
  switch (column) {
    case TeamColumn::name:
      return 0.0;
    case TeamColumn::track:
      return position(order.tracks, row.person.track);
    case TeamColumn::level:
      return position(order.levels, row.person.level);
    case TeamColumn::self:
      return stage_key(row.self);
    case TeamColumn::manager:
      return stage_key(row.manager);
    case TeamColumn::fit:
      return row.fit ? std::optional(share(row.fit->met, row.fit->total)) : std::nullopt;
    case TeamColumn::readiness:
      // Ready first, then those fewest statements away.
      if (!row.next) {
        return std::nullopt;
      }
      return row.next->ready ? 0.0 : 1.0 + static_cast<double>(row.next->missing);
    case TeamColumn::flagged:
      return row.flagged ? std::optional(static_cast<double>(*row.flagged)) : std::nullopt;
    case TeamColumn::growth:
      return row.growth ? std::optional(share(row.growth->done, row.growth->total)) : std::nullopt;
    case TeamColumn::last_assessed:
      return row.last_assessed ? std::optional(static_cast<double>(*row.last_assessed))
                               : std::nullopt;
  }
  return std::nullopt;
}

// Puts rows[at[i]] at i for every i, following each cycle of the permutation.
void permute(std::vector<TeamRow>& rows, const std::vector<std::size_t>& at) {
  std::vector<bool> placed(rows.size(), false);
  for (std::size_t start = 0; start < rows.size(); ++start) {
    if (placed[start] || at[start] == start) {
      continue;
    }
    TeamRow held = std::move(rows[start]);
    std::size_t to = start;
    while (at[to] != start) {
      rows[to] = std::move(rows[at[to]]);
      placed[to] = true;
      to = at[to];
    }
    rows[to] = std::move(held);
    placed[to] = true;
  }
}

bool by_name(const TeamRow& a, const TeamRow& b) {
  return a.person.name != b.person.name ? a.person.name < b.person.name : a.person.id < b.person.id;
}

}  // namespace

std::string_view to_string(TeamColumn column) {
  for (const auto& entry : k_columns) {
    if (entry.column == column) {
      return entry.name;
    }
  }
  return "name";
}

std::optional<TeamColumn> team_column(std::string_view name) {
  for (const auto& entry : k_columns) {
    if (entry.name == name) {
      return entry.column;
    }
  }
  return std::nullopt;
}

const std::vector<TeamColumn>& team_columns() {
  static const std::vector<TeamColumn> all = [] {
    std::vector<TeamColumn> out;
    for (const auto& entry : k_columns) {
      out.push_back(entry.column);
    }
    return out;
  }();
  return all;
}

std::string_view to_string(StageState state) {
  switch (state) {
    case StageState::not_started:
      return "not_started";
    case StageState::draft:
      return "draft";
    case StageState::submitted:
      return "submitted";
  }
  return "not_started";
}

bool TeamRow::assessed() const {
  return self.state == StageState::submitted || manager.state == StageState::submitted;
}

void filter_rows(std::vector<TeamRow>& rows, const TeamQuery& query) {
  std::erase_if(rows, [&](const TeamRow& row) {
    return (!query.track.empty() && row.person.track != query.track) ||
           (!query.level.empty() && row.person.level != query.level) ||
           (query.ready && !(row.next && row.next->ready)) ||
           (query.not_assessed && row.assessed());
  });
}

void sort_rows(std::vector<TeamRow>& rows, const TeamQuery& query, const model::Ladder& ladder) {
  // Indexes are sorted, then the rows moved once each into place: a row is large, and a team
  // can hold thousands.
  const LadderOrder order(ladder);
  std::vector<std::optional<double>> keys;
  keys.reserve(rows.size());
  for (const TeamRow& row : rows) {
    keys.push_back(key_of(row, query.sort, order));
  }
  std::vector<std::size_t> at(rows.size());
  std::iota(at.begin(), at.end(), 0);
  const bool by_figure = query.sort != TeamColumn::name;
  std::sort(at.begin(), at.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = keys[a];
    const auto& y = keys[b];
    if (by_figure && x.has_value() != y.has_value()) {
      return x.has_value();  // a figure before none, in either direction
    }
    if (by_figure && x && *x != *y) {
      return query.descending ? *x > *y : *x < *y;
    }
    return !by_figure && query.descending ? by_name(rows[b], rows[a]) : by_name(rows[a], rows[b]);
  });
  permute(rows, at);
}

}  // namespace rung::review
