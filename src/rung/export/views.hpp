#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rung/model/ladder.hpp"

// Internal to rung::exports: the ladder arranged the way tabular exports show it. Pointers
// point into the Ladder passed in and live as long as it does.
namespace rung::exports {

// One statement as a row of a table: which level shows it, in which area.
struct StatementRow {
  const model::Track* track = nullptr;
  const model::Level* level = nullptr;  // the level the row belongs to
  std::string_view area_id;             // the area block's id
  const model::Area* area = nullptr;    // nullptr only for an area id the ladder does not declare
  const model::Statement* statement = nullptr;
  // The level whose description holds the statement: `level` itself, or the level it shares.
  const model::Level* holder = nullptr;

  bool shared() const { return holder != level; }
};

// Every statement of every level in document order (tracks, levels, areas, statements). A level
// that shares another's description gets rows of its own for those statements, with the same
// statement ids and `holder` set to the level that holds them.
std::vector<StatementRow> statement_rows(const model::Ladder& ladder);

// The levels of each track at each grade of the general ladder.
struct GradeGrid {
  // cells[grade][track]: the levels of tracks()[track] mapped to general.grades[grade], in
  // track order (usually one; two when a track places two levels at one grade).
  std::vector<std::vector<std::vector<const model::Level*>>> cells;
  // Levels with no grade or a grade not on the general ladder, in document order.
  std::vector<const model::Level*> ungraded;
};

GradeGrid grade_grid(const model::Ladder& ladder);

// The area's display name, or its id when the ladder does not declare it.
std::string area_name(const model::Ladder& ladder, const std::string& area_id);

// "0-3 years", "8+ years"; empty when there is no experience.
std::string experience_label(const model::Level& level);

}  // namespace rung::exports
