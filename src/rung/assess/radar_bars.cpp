#include <algorithm>

#include <fmt/format.h>

#include "rung/assess/radar_charts.hpp"

namespace rung::assess {

namespace {

constexpr double k_bar_height = 20;
constexpr double k_row_gap = 14;
constexpr double k_label_gap = 10;

double block_height(const ChartArea& area) {
  const double text = k_line_height * static_cast<double>(area.name_lines.size() + 1);
  return std::max(text, k_bar_height);
}

std::string bar(const ChartArea& area, double top, double width, const ChartStyle& style) {
  const double y = top + (block_height(area) - k_bar_height) / 2;
  std::string out = fmt::format(
      R"(<rect x="0.0" y="{}" width="{}" height="{}" fill="{}" stroke="#0b2e59" stroke-width="1"/>)",
      svg_num(y), svg_num(width * area.share), svg_num(k_bar_height), style.fill);
  out += "\n";
  out += fmt::format(
      R"(<rect x="0.0" y="{}" width="{}" height="{}" fill="none" stroke="#000" stroke-width="1.5"/>)",
      svg_num(y), svg_num(width), svg_num(k_bar_height));
  return out + "\n";
}

std::string ticks(double width, double y, Bounds& bounds) {
  std::string out;
  for (int percent : {0, 50, 100}) {
    const double x = width * percent / 100.0;
    const std::vector<std::string> line{fmt::format("{}%", percent)};
    bounds.include_text(line, x, y, "middle", k_font_size, k_line_height);
    out += text_block(line, x, y, "middle", k_font_size, k_line_height);
  }
  return out;
}

}  // namespace

ChartBody bar_chart(const std::vector<ChartArea>& areas, const ChartStyle& style) {
  const double width = 2 * style.radius;
  ChartBody body;
  double top = 0;
  for (const ChartArea& area : areas) {
    std::vector<std::string> lines = area.name_lines;
    lines.push_back(area.figure);
    body.bounds.include_text(lines, -k_label_gap, top, "end", k_font_size, k_line_height);
    body.svg += text_block(lines, -k_label_gap, top, "end", k_font_size, k_line_height);
    body.svg += bar(area, top, width, style);
    top += block_height(area) + k_row_gap;
  }
  const double bottom = std::max(top - k_row_gap, k_bar_height);
  const double x = width * style.threshold;
  body.svg += fmt::format(
      R"(<line x1="{0}" y1="-6.0" x2="{0}" y2="{1}" stroke="#000" stroke-width="1.5" stroke-dasharray="6 4"/>)",
      svg_num(x), svg_num(bottom + 6));
  body.svg += "\n";
  body.bounds.include(width, bottom + 6);
  body.bounds.include(0, -6);
  body.svg += ticks(width, bottom + 8, body.bounds);
  return body;
}

}  // namespace rung::assess
