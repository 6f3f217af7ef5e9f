#include "rung/assess/progress_chart.hpp"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "rung/assess/fit.hpp"
#include "rung/assess/svg_canvas.hpp"
#include "rung/core/xml.hpp"

namespace rung::assess {

namespace {

constexpr double k_plot_height = 160;
constexpr double k_column = 100;
constexpr double k_font = 12;
constexpr double k_line = 15;
constexpr double k_padding = 10;
constexpr double k_marker = 5;
constexpr std::size_t k_label_width = 14;

// How each series is drawn: shape and dash tell them apart without colour.
struct SeriesStyle {
  ProgressSeries series;
  std::string_view name;   // for the legend and the description
  std::string_view color;  // dark on white either way, so it prints as black
  std::string_view dash;   // "" for a solid line
};

constexpr SeriesStyle k_self{ProgressSeries::self, "Self-assessment", "#0b2e59", ""};
constexpr SeriesStyle k_manager{ProgressSeries::manager, "Manager assessment", "#5a2d0c", "6 4"};

const SeriesStyle& style_of(ProgressSeries series) {
  return series == ProgressSeries::self ? k_self : k_manager;
}

double share(const ProgressChartPoint& point) {
  return point.total == 0 ? 0.0
                          : static_cast<double>(std::min(point.met, point.total)) /
                                static_cast<double>(point.total);
}

std::vector<std::string> column_labels(const std::vector<ProgressChartPoint>& points) {
  std::vector<std::string> labels;
  for (const ProgressChartPoint& point : points) {
    if (std::find(labels.begin(), labels.end(), point.label) == labels.end()) {
      labels.push_back(point.label);
    }
  }
  return labels;
}

double x_of(const std::vector<std::string>& labels, const std::string& label) {
  const auto at = std::find(labels.begin(), labels.end(), label) - labels.begin();
  return k_column * (static_cast<double>(at) + 0.5);
}

double y_of(double value) {
  return k_plot_height * (1.0 - value);
}

std::string point_title(const ProgressChartPoint& point) {
  return fmt::format("{}, {}: {}", point.label, style_of(point.series).name,
                     progress_figure(point.met, point.total));
}

std::string marker(const SeriesStyle& style, double x, double y, const std::string& title) {
  const std::string tip = "<title>" + escape_xml(title) + "</title>";
  if (style.series == ProgressSeries::self) {
    return fmt::format(R"(<circle cx="{}" cy="{}" r="{}" fill="{}">{}</circle>)", svg_num(x),
                       svg_num(y), svg_num(k_marker), style.color, tip);
  }
  return fmt::format(
      R"(<rect x="{}" y="{}" width="{}" height="{}" fill="#fff" stroke="{}" stroke-width="2">{}</rect>)",
      svg_num(x - k_marker), svg_num(y - k_marker), svg_num(2 * k_marker), svg_num(2 * k_marker),
      style.color, tip);
}

std::string dash_attribute(const SeriesStyle& style) {
  return style.dash.empty() ? std::string() : fmt::format(R"( stroke-dasharray="{}")", style.dash);
}

std::string series_svg(const std::vector<ProgressChartPoint>& points,
                       const std::vector<std::string>& labels, const SeriesStyle& style) {
  std::string line;
  std::string markers;
  std::size_t count = 0;
  for (const ProgressChartPoint& point : points) {
    if (point.series != style.series) {
      continue;
    }
    const double x = x_of(labels, point.label);
    const double y = y_of(share(point));
    line += fmt::format("{}{},{}", count == 0 ? "" : " ", svg_num(x), svg_num(y));
    markers += marker(style, x, y, point_title(point)) + "\n";
    ++count;
  }
  std::string out;
  if (count >= 2) {
    out = fmt::format(R"(<polyline points="{}" fill="none" stroke="{}" stroke-width="2"{}/>)", line,
                      style.color, dash_attribute(style)) +
          "\n";
  }
  return out + markers;
}

std::string grid(double width, Bounds& bounds) {
  std::string out = fmt::format(
      R"(<rect x="0.0" y="0.0" width="{}" height="{}" fill="none" stroke="#000" stroke-width="1"/>)",
      svg_num(width), svg_num(k_plot_height));
  out += "\n";
  for (int percent : {0, 25, 50, 75, 100}) {
    const double y = y_of(percent / 100.0);
    if (percent != 0 && percent != 100) {
      out += fmt::format(
          R"(<line x1="0.0" y1="{0}" x2="{1}" y2="{0}" stroke="#767676" stroke-width="0.5"/>)",
          svg_num(y), svg_num(width));
      out += "\n";
    }
    const std::vector<std::string> text{fmt::format("{}%", percent)};
    bounds.include_text(text, -6, y - k_line / 2, "end", k_font, k_line);
    out += text_block(text, -6, y - k_line / 2, "end", k_font, k_line);
  }
  bounds.include(width, k_plot_height);
  return out;
}

// The column labels under the plot; returns the bottom of the tallest.
double labels_svg(const std::vector<std::string>& labels, std::string& out, Bounds& bounds) {
  double bottom = k_plot_height;
  for (const std::string& label : labels) {
    const std::vector<std::string> lines = wrap_words(label, k_label_width);
    const double x = x_of(labels, label);
    const double top = k_plot_height + 6;
    bounds.include_text(lines, x, top, "middle", k_font, k_line);
    out += text_block(lines, x, top, "middle", k_font, k_line);
    bottom = std::max(bottom, top + k_line * static_cast<double>(lines.size()));
  }
  return bottom;
}

std::string legend_entry(const SeriesStyle& style, double top, Bounds& bounds) {
  const double middle = top + k_line / 2;
  std::string out = fmt::format(
      R"(<line x1="0.0" y1="{0}" x2="30.0" y2="{0}" stroke="{1}" stroke-width="2"{2}/>)",
      svg_num(middle), style.color, dash_attribute(style));
  out += "\n" + marker(style, 15, middle, std::string(style.name)) + "\n";
  const std::vector<std::string> text{std::string(style.name)};
  bounds.include_text(text, 38, top, "start", k_font, k_line);
  return out + text_block(text, 38, top, "start", k_font, k_line);
}

std::string description(const std::vector<ProgressChartPoint>& points) {
  if (points.empty()) {
    return "No submitted assessment in a review cycle yet.";
  }
  std::string out = "Share of the assessed level's statements met, per review cycle.";
  for (const ProgressChartPoint& point : points) {
    out += " " + point_title(point) + ".";
  }
  return out;
}

std::string empty_note(double width, Bounds& bounds) {
  const std::vector<std::string> text{"No assessments yet"};
  const double top = k_plot_height / 2 - k_line / 2;
  bounds.include_text(text, width / 2, top, "middle", k_font, k_line);
  return text_block(text, width / 2, top, "middle", k_font, k_line);
}

}  // namespace

std::string progress_figure(std::size_t met, std::size_t total) {
  return fmt::format("{} of {} met ({}%)", met, total, percent_floor(met, total));
}

std::string progress_svg(const std::vector<ProgressChartPoint>& points,
                         const ProgressOptions& options) {
  const std::string prefix = escape_xml(options.id_prefix);
  const std::vector<std::string> labels = column_labels(points);
  const double width = k_column * static_cast<double>(std::max<std::size_t>(labels.size(), 1));
  Bounds bounds;
  std::string body = grid(width, bounds);
  const double bottom = labels_svg(labels, body, bounds);
  body += points.empty() ? empty_note(width, bounds) : std::string();
  body += series_svg(points, labels, k_self) + series_svg(points, labels, k_manager);
  body += legend_entry(k_self, bottom + 2 * k_padding, bounds);
  body += legend_entry(k_manager, bottom + 2 * k_padding + k_line + 6, bounds);

  const double x = bounds.min_x - k_padding;
  const double y = bounds.min_y - k_padding;
  const std::string w = svg_num(bounds.max_x - bounds.min_x + 2 * k_padding);
  const std::string h = svg_num(bounds.max_y - bounds.min_y + 2 * k_padding);
  std::string out = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="{} {} {} {}" width="{}" height="{}" )"
      R"(role="img" aria-labelledby="{}-title {}-desc" font-family="sans-serif">)"
      "\n",
      svg_num(x), svg_num(y), w, h, w, h, prefix, prefix);
  out += fmt::format(R"(<title id="{}-title">{}</title>)", prefix, escape_xml(options.title));
  out += fmt::format("\n<desc id=\"{}-desc\">{}</desc>\n", prefix, escape_xml(description(points)));
  out += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="#fff"/>)", svg_num(x),
                     svg_num(y), w, h);
  return out + "\n" + body + "</svg>\n";
}

}  // namespace rung::assess
