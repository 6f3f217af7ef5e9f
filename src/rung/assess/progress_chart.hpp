#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rung::assess {

// Whose assessment a point of the progress chart comes from.
enum class ProgressSeries { self, manager };

// One submitted assessment on the progress chart: how many statements of its level were met.
struct ProgressChartPoint {
  std::string label;  // where on the time axis: the cycle's name ("2026 H1")
  std::size_t met = 0;
  std::size_t total = 0;  // statements of the assessed level; 0 draws as 0%
  ProgressSeries series = ProgressSeries::self;
};

struct ProgressOptions {
  // Text of the chart's <title>. Default "Progress over cycles".
  std::string title = "Progress over cycles";
  // Prefix of every id inside the SVG, so several charts can be inlined in one HTML page; must
  // be a valid XML name. Default "progress".
  std::string id_prefix = "progress";
};

// The share of statements met over time as a self-contained SVG document (no scripts, styles or
// external references): one column per distinct label, in the order the labels first appear in
// `points` (callers pass them oldest first), a 0–100% axis with grid lines at every quarter,
// and two series: self-assessments as circles joined by a solid line, manager assessments as
// squares joined by a dashed line. Several points of one series under one label (two levels
// assessed in one cycle) are all drawn; the line joins them in the order given.
//
// Accessible: role="img" labelled by its <title> and a <desc> that states every point's figure
// ("2026 H1, self-assessment: 12 of 20 met (60%)."), so the chart holds nothing that is only
// visual; every marker also carries its figure as a tooltip. Prints in black and white: the
// series differ by marker shape and dash, and a legend names both. No points draws the empty
// frame with a note saying so. Every label is XML-escaped. Deterministic.
std::string progress_svg(const std::vector<ProgressChartPoint>& points,
                         const ProgressOptions& options = {});

// "12 of 20 met (60%)", the percentage rounded down.
std::string progress_figure(std::size_t met, std::size_t total);

}  // namespace rung::assess
