#include "rung/export/views.hpp"

#include "rung/render/text.hpp"

namespace rung::exports {

std::vector<StatementRow> statement_rows(const model::Ladder& ladder) {
  std::vector<StatementRow> rows;
  rows.reserve(ladder.statement_count());
  for (const model::Track& track : ladder.tracks()) {
    for (const model::Level& level : track.levels) {
      const model::Level* holder = level.shares.empty() ? &level : ladder.find_level(level.shares);
      for (const model::AreaStatements& block : ladder.content_of(level)) {
        const model::Area* area = ladder.find_area(block.area);
        for (const model::Statement& statement : block.statements) {
          rows.push_back(
              {&track, &level, block.area, area, &statement, holder != nullptr ? holder : &level});
        }
      }
    }
  }
  return rows;
}

GradeGrid grade_grid(const model::Ladder& ladder) {
  const std::size_t track_count = ladder.tracks().size();
  GradeGrid grid;
  grid.cells.assign(ladder.data().general.grades.size(),
                    std::vector<std::vector<const model::Level*>>(track_count));
  for (std::size_t t = 0; t < track_count; ++t) {
    for (const model::Level& level : ladder.tracks()[t].levels) {
      if (auto row = ladder.grade_index(level.grade)) {
        grid.cells[*row][t].push_back(&level);
      } else {
        grid.ungraded.push_back(&level);
      }
    }
  }
  return grid;
}

std::string area_name(const model::Ladder& ladder, const std::string& area_id) {
  const model::Area* area = ladder.find_area(area_id);
  return area != nullptr ? area->name : area_id;
}

std::string experience_label(const model::Level& level) {
  return level.experience ? render::experience_text(*level.experience) : std::string();
}

}  // namespace rung::exports
