#include "rung/assess/svg_canvas.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "rung/core/xml.hpp"

namespace rung::assess {

namespace {

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace

std::string svg_num(double value) {
  const double rounded = std::round(value * 10.0) / 10.0;
  return fmt::format("{:.1f}", rounded == 0.0 ? 0.0 : rounded);
}

double text_width(std::string_view text, double font_size) {
  return static_cast<double>(code_points(text)) * font_size * 0.6;
}

std::vector<std::string> wrap_words(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string current;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const std::string_view word = text.substr(start, end - start);
    if (!word.empty()) {
      if (!current.empty() && code_points(current) + 1 + code_points(word) > width) {
        lines.push_back(std::move(current));
        current.clear();
      }
      current += current.empty() ? std::string(word) : " " + std::string(word);
    }
    start = end + 1;
  }
  if (!current.empty() || lines.empty()) {
    lines.push_back(std::move(current));
  }
  return lines;
}

void Bounds::include(double x, double y) {
  min_x = std::min(min_x, x);
  max_x = std::max(max_x, x);
  min_y = std::min(min_y, y);
  max_y = std::max(max_y, y);
}

void Bounds::include_text(const std::vector<std::string>& lines, double x, double top,
                          std::string_view anchor, double font_size, double line_height) {
  double width = 0;
  for (const std::string& line : lines) {
    width = std::max(width, text_width(line, font_size));
  }
  const double left = anchor == "start" ? x : anchor == "end" ? x - width : x - width / 2;
  include(left, top);
  include(left + width, top + line_height * static_cast<double>(lines.size()));
}

std::string text_block(const std::vector<std::string>& lines, double x, double top,
                       std::string_view anchor, double font_size, double line_height,
                       std::string_view extra_attributes) {
  std::string out = fmt::format(R"(<text x="{}" text-anchor="{}" font-size="{}"{}>)", svg_num(x),
                                anchor, svg_num(font_size), extra_attributes);
  // A baseline sits about 0.8 em below the top of its line box.
  double baseline = top + (line_height - font_size) / 2 + font_size * 0.8;
  for (const std::string& line : lines) {
    out += fmt::format(R"(<tspan x="{}" y="{}">{}</tspan>)", svg_num(x), svg_num(baseline),
                       escape_xml(line));
    baseline += line_height;
  }
  return out + "</text>\n";
}

}  // namespace rung::assess
