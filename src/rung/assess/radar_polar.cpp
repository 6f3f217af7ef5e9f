#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "rung/assess/radar_charts.hpp"

namespace rung::assess {

namespace {

struct Point {
  double x = 0;
  double y = 0;
};

// Axis i of n at distance r: the first axis points up, the others follow clockwise.
Point on_axis(std::size_t i, std::size_t n, double r) {
  const double angle = -std::numbers::pi / 2 +
                       2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
  return Point{r * std::cos(angle), r * std::sin(angle)};
}

std::string polygon(const std::vector<Point>& points, std::string_view attributes) {
  std::string list;
  for (const Point& p : points) {
    list += fmt::format("{}{},{}", list.empty() ? "" : " ", svg_num(p.x), svg_num(p.y));
  }
  return fmt::format(R"(<polygon points="{}"{}{}/>)", list, attributes.empty() ? "" : " ",
                     attributes) +
         "\n";
}

std::string ring(std::size_t n, double r, std::string_view attributes) {
  std::vector<Point> points;
  for (std::size_t i = 0; i < n; ++i) {
    points.push_back(on_axis(i, n, r));
  }
  return polygon(points, attributes);
}

std::string grid(std::size_t n, double radius) {
  std::string out = R"(<g fill="none" stroke="#8c8c8c" stroke-width="0.75">)"
                    "\n";
  for (double step : {0.25, 0.5, 0.75}) {
    out += ring(n, radius * step, "");
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Point end = on_axis(i, n, radius);
    out += fmt::format(R"(<line x1="0.0" y1="0.0" x2="{}" y2="{}"/>)", svg_num(end.x),
                       svg_num(end.y)) +
           "\n";
  }
  return out + "</g>\n";
}

std::string label(const ChartArea& area, std::size_t i, std::size_t n, double radius,
                  Bounds& bounds) {
  const Point at = on_axis(i, n, radius + 10);
  const double unit_x = at.x / (radius + 10);
  const double unit_y = at.y / (radius + 10);
  const char* anchor = unit_x > 0.25 ? "start" : unit_x < -0.25 ? "end" : "middle";
  std::vector<std::string> lines = area.name_lines;
  lines.push_back(area.figure);
  const double height = k_line_height * static_cast<double>(lines.size());
  const double top = unit_y < -0.3 ? at.y - height : unit_y > 0.3 ? at.y : at.y - height / 2;
  bounds.include_text(lines, at.x, top, anchor, k_font_size, k_line_height);
  return text_block(lines, at.x, top, anchor, k_font_size, k_line_height);
}

}  // namespace

ChartBody polar_chart(const std::vector<ChartArea>& areas, const ChartStyle& style) {
  const std::size_t n = areas.size();
  const double r = style.radius;
  ChartBody body;
  body.bounds.include(-r, -r);
  body.bounds.include(r, r);
  body.svg += grid(n, r);
  body.svg += ring(n, r, R"(fill="none" stroke="#000" stroke-width="1.5")");
  std::vector<Point> met;
  for (std::size_t i = 0; i < n; ++i) {
    met.push_back(on_axis(i, n, r * areas[i].share));
  }
  body.svg +=
      polygon(met, fmt::format(R"(fill="{}" stroke="#0b2e59" stroke-width="2")", style.fill));
  // The threshold goes over the met polygon so that it stays visible where the two are close.
  body.svg += ring(n, r * style.threshold,
                   R"(fill="none" stroke="#000" stroke-width="1.5" stroke-dasharray="6 4")");
  for (const Point& p : met) {
    body.svg += fmt::format(R"(<circle cx="{}" cy="{}" r="3" fill="#0b2e59"/>)", svg_num(p.x),
                            svg_num(p.y)) +
                "\n";
  }
  for (std::size_t i = 0; i < n; ++i) {
    body.svg += label(areas[i], i, n, r, body.bounds);
  }
  return body;
}

}  // namespace rung::assess
