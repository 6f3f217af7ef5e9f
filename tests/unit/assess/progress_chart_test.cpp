// The progress chart: an accessible image whose description states every point's figure, two
// series told apart by marker shape and dash, labels escaped, and 0, 1 or many points.
#include "rung/assess/progress_chart.hpp"

#include <gtest/gtest.h>

#include "support/text.hpp"

namespace rung::assess {
namespace {

using test_support::occurrences;

std::string desc_of(const std::string& svg) {
  const auto start = svg.find("<desc id=\"progress-desc\">");
  const auto end = svg.find("</desc>");
  EXPECT_NE(start, std::string::npos);
  EXPECT_NE(end, std::string::npos);
  const std::size_t from = start + std::string("<desc id=\"progress-desc\">").size();
  return svg.substr(from, end - from);
}

TEST(ProgressChart, IsAnImageLabelledByItsTitleAndDescription) {
  const std::string svg = progress_svg({{"2026 H1", 12, 20, ProgressSeries::self}});
  EXPECT_EQ(svg.rfind(R"(<svg xmlns="http://www.w3.org/2000/svg")", 0), 0U);
  EXPECT_NE(svg.find(R"(role="img" aria-labelledby="progress-title progress-desc")"),
            std::string::npos);
  EXPECT_NE(svg.find(R"(<title id="progress-title">Progress over cycles</title>)"),
            std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("<style"), std::string::npos);
}

TEST(ProgressChart, TheDescriptionStatesEveryFigure) {
  const std::string svg = progress_svg({{"2025 H2", 9, 20, ProgressSeries::self},
                                        {"2025 H2", 10, 20, ProgressSeries::manager},
                                        {"2026 H1", 15, 20, ProgressSeries::self},
                                        {"2026 H1", 2, 3, ProgressSeries::self}});
  EXPECT_EQ(desc_of(svg),
            "Share of the assessed level&#39;s statements met, per review cycle. "
            "2025 H2, Self-assessment: 9 of 20 met (45%). "
            "2025 H2, Manager assessment: 10 of 20 met (50%). "
            "2026 H1, Self-assessment: 15 of 20 met (75%). "
            "2026 H1, Self-assessment: 2 of 3 met (66%).");
}

TEST(ProgressChart, SeriesDifferByShapeAndDashNotColourAlone) {
  const std::string svg = progress_svg({{"A", 1, 2, ProgressSeries::self},
                                        {"B", 2, 2, ProgressSeries::self},
                                        {"A", 0, 2, ProgressSeries::manager},
                                        {"B", 1, 2, ProgressSeries::manager}});
  // Two points of each series, plus one legend marker each.
  EXPECT_EQ(occurrences(svg, "<circle "), 3U);
  EXPECT_EQ(occurrences(svg, "<rect ") - 2, 3U) << "background and frame are rects too";
  EXPECT_EQ(occurrences(svg, "<polyline "), 2U);
  EXPECT_EQ(occurrences(svg, R"(<polyline points="50.0,80.0 150.0,0.0" fill="none")"), 1U);
  EXPECT_EQ(occurrences(svg, R"(stroke-dasharray="6 4")"), 2U) << "the manager line and its legend";
  EXPECT_NE(svg.find(">Self-assessment</tspan>"), std::string::npos);
  EXPECT_NE(svg.find(">Manager assessment</tspan>"), std::string::npos);
}

TEST(ProgressChart, NoPointsDrawsTheFrameWithANote) {
  const std::string svg = progress_svg({});
  EXPECT_EQ(desc_of(svg), "No submitted assessment in a review cycle yet.");
  EXPECT_NE(svg.find(">No assessments yet</tspan>"), std::string::npos);
  EXPECT_EQ(occurrences(svg, "<polyline "), 0U);
  EXPECT_EQ(occurrences(svg, "<circle "), 1U) << "only the legend's";
}

TEST(ProgressChart, OnePointHasAMarkerAndNoLine) {
  const std::string svg = progress_svg({{"2026 H1", 12, 20, ProgressSeries::manager}});
  EXPECT_EQ(occurrences(svg, "<polyline "), 0U);
  EXPECT_NE(svg.find("<title>2026 H1, Manager assessment: 12 of 20 met (60%)</title>"),
            std::string::npos);
}

TEST(ProgressChart, LabelsAreEscapedEverywhere) {
  ProgressOptions options;
  options.title = "Ed's <progress>";
  options.id_prefix = "p2";
  const std::string svg = progress_svg({{"<b>&\"x\"", 1, 2, ProgressSeries::self}}, options);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;b&gt;&amp;&quot;x&quot;, Self-assessment: 1 of 2 met (50%)"),
            std::string::npos);
  EXPECT_NE(svg.find(R"(<title id="p2-title">Ed&#39;s &lt;progress&gt;</title>)"),
            std::string::npos);
  EXPECT_NE(svg.find(R"(aria-labelledby="p2-title p2-desc")"), std::string::npos);
}

TEST(ProgressChart, AnEmptyLevelDrawsAtZeroAndManyColumnsWidenTheChart) {
  const std::string zero = progress_svg({{"A", 0, 0, ProgressSeries::self}});
  EXPECT_NE(zero.find(R"(<circle cx="50.0" cy="160.0")"), std::string::npos);
  std::vector<ProgressChartPoint> many;
  for (int i = 0; i < 12; ++i) {
    many.push_back(
        {"Cycle " + std::to_string(i), static_cast<std::size_t>(i), 11, ProgressSeries::self});
  }
  const std::string wide = progress_svg(many);
  EXPECT_NE(wide.find(R"(<circle cx="1150.0" cy="0.0")"), std::string::npos);
  EXPECT_EQ(occurrences(wide, "<circle "), 13U);
}

}  // namespace
}  // namespace rung::assess
