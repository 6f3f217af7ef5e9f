#pragma once

#include <string>

#include "rung/model/ladder.hpp"

namespace rung::render {

struct TextOptions {
  bool show_ids = false;  // print statement ids before each statement (default off)
};

// "0-3 years", "8+ years".
std::string experience_text(const model::Experience& experience);

// Width of UTF-8 text on a terminal, counting one column per code point.
std::size_t display_width(std::string_view text);

// The overview: ladder metadata, then a grid with the general ladder's grades as rows and the
// tracks as columns, each cell the level id and title at that grade; levels without a grade
// are listed below the grid. Ends with a newline.
std::string overview_text(const model::Ladder& ladder);

// One level: title and id, track, grade, experience, next level, then its statements by area
// (a shared description is printed with a line naming the level it belongs to).
std::string level_text(const model::Ladder& ladder, const model::Level& level,
                       const TextOptions& options = {});

// A whole track: a header line, then every level as level_text prints it.
std::string track_text(const model::Ladder& ladder, const model::Track& track,
                       const TextOptions& options = {});

}  // namespace rung::render
