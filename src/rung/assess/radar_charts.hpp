#pragma once

#include <string>
#include <vector>

#include "rung/assess/svg_canvas.hpp"

namespace rung::assess {

// The two chart bodies radar_svg chooses between. Internal to assess/.

// One area as a chart draws it.
struct ChartArea {
  std::vector<std::string> name_lines;  // the area's name, wrapped
  std::string figure;                   // "4 of 5 met (80%)"
  double share = 0;                     // met / total, in [0, 1]
};

// What a chart shares with the document around it.
struct ChartStyle {
  double radius = 120;   // the 100% ring's radius; a bar's full length is twice this
  double threshold = 0;  // the readiness share, in [0, 1]
  std::string fill;      // the met share's fill, e.g. "url(#radar-met)"
};

inline constexpr double k_font_size = 12;
inline constexpr double k_line_height = 15;

// SVG elements drawn around the origin, and the region they cover.
struct ChartBody {
  std::string svg;
  Bounds bounds;
};

// A radar with one axis per area; needs at least 3 areas.
ChartBody polar_chart(const std::vector<ChartArea>& areas, const ChartStyle& style);

// Horizontal bars, one per area (any number, including none).
ChartBody bar_chart(const std::vector<ChartArea>& areas, const ChartStyle& style);

}  // namespace rung::assess
