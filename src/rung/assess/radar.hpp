#pragma once

#include <string>

#include "rung/assess/fit.hpp"
#include "rung/model/ladder.hpp"

namespace rung::assess {

struct RadarOptions {
  // Text of the chart's <title>; empty (the default) gives "Level fit: <title> (<level id>)".
  std::string title;
  // Prefix of every id inside the SVG (title, description, fill pattern), so that several
  // charts can be inlined in one HTML page; must be a valid XML name. Default "radar".
  std::string id_prefix = "radar";
  // Radius of the 100% ring in SVG user units (bar length in the bar chart is twice this).
  // Labels sit outside it and the viewBox grows to hold them. Default 120.
  double radius = 120.0;
};

// The fit as a self-contained SVG document (no scripts, styles or external references):
// a radar chart with one axis per area in the level's order (the first points up, the rest
// clockwise), the share of each area's statements met as a hatched polygon, rings at 25%, 50%
// and 75%, a solid 100% ring and a dashed ring at the ladder's readiness share_per_area.
// With fewer than 3 areas a radar has no area to show, so the chart is horizontal bars instead,
// with the same hatching, frame and dashed threshold line.
//
// Accessible: role="img" labelled by its <title> and a <desc> that states every area's figure
// ("Role Highlights: 4 of 5 met (80%)"), the overall figure and the policy in words, so the
// chart never holds information that is only visual. Prints in black and white: the met share
// is hatched and outlined, the threshold is dashed, a legend names both.
// Every text from the ladder is XML-escaped (escape_xml); area names are wrapped onto short
// lines and the viewBox is computed from estimated label extents so labels are not clipped.
// `ladder` must be the one `fit` came from. Deterministic (same input, same bytes).
std::string radar_svg(const LevelFit& fit, const model::Ladder& ladder,
                      const RadarOptions& options = {});

}  // namespace rung::assess
