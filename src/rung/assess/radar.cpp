#include "rung/assess/radar.hpp"

#include <fmt/format.h>

#include "rung/assess/radar_charts.hpp"
#include "rung/assess/report.hpp"
#include "rung/core/xml.hpp"

namespace rung::assess {

namespace {

constexpr std::size_t k_radar_label_width = 18;
constexpr double k_radar_padding = 10;
constexpr double k_swatch = 14;

std::string figure(std::size_t met, std::size_t total) {
  return fmt::format("{} of {} met ({}%)", met, total, percent_floor(met, total));
}

std::vector<ChartArea> chart_areas(const LevelFit& fit, const model::Ladder& ladder) {
  std::vector<ChartArea> areas;
  for (const AreaFit& area : fit.areas) {
    areas.push_back(ChartArea{wrap_words(area_name(ladder, area.area_id), k_radar_label_width),
                              figure(area.met.size(), area.total()), area.share_met()});
  }
  return areas;
}

std::string met_phrase(const model::Ladder& ladder) {
  return fmt::format("rated {} or above", scale_name(ladder, ladder.data().readiness.met_at));
}

std::string description(const LevelFit& fit, const model::Ladder& ladder) {
  std::string out = "Share of statements met in each area of " + level_name(ladder, fit.level_id);
  if (fit.content_level_id != fit.level_id) {
    out += fmt::format(", which shares the statements of {}", fit.content_level_id);
  }
  out += fmt::format(". Met means {}; readiness needs {} in every area.", met_phrase(ladder),
                     policy_percent(ladder));
  if (fit.areas.empty()) {
    return out + " This level has no statements.";
  }
  for (const AreaFit& area : fit.areas) {
    out += fmt::format(" {}: {}.", area_name(ladder, area.area_id),
                       figure(area.met.size(), area.total()));
  }
  return out + fmt::format(" Overall: {}.", figure(fit.met(), fit.total()));
}

// A light fill with dark diagonal hatching: colour on screen, still distinct in black and white.
std::string defs(const std::string& prefix) {
  return fmt::format(
      R"svg(<defs><pattern id="{}-met" width="6" height="6" patternUnits="userSpaceOnUse" )svg"
      R"svg(patternTransform="rotate(45)"><rect width="6" height="6" fill="#c6dbf2"/>)svg"
      R"(<line x1="0" y1="0" x2="0" y2="6" stroke="#0b2e59" stroke-width="1.5"/></pattern></defs>)"
      "\n",
      prefix);
}

std::string legend(const model::Ladder& ladder, const std::string& fill, double left, double top,
                   Bounds& bounds) {
  const std::vector<std::string> met{"Statements met (" + met_phrase(ladder) + ")"};
  const std::vector<std::string> threshold{"Readiness threshold: " + policy_percent(ladder) +
                                           " of each area"};
  const double text_x = left + 2 * k_swatch;
  std::string out = fmt::format(
      R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#0b2e59" stroke-width="1"/>)",
      svg_num(left), svg_num(top), svg_num(k_swatch), svg_num(k_swatch), fill);
  out += "\n" + text_block(met, text_x, top, "start", k_font_size, k_swatch);
  const double second = top + k_swatch + 8;
  out += fmt::format(
      R"(<line x1="{0}" y1="{2}" x2="{1}" y2="{2}" stroke="#000" stroke-width="1.5" stroke-dasharray="6 4"/>)",
      svg_num(left), svg_num(left + 1.5 * k_swatch), svg_num(second + k_swatch / 2));
  out += "\n" + text_block(threshold, text_x, second, "start", k_font_size, k_swatch);
  bounds.include_text(met, text_x, top, "start", k_font_size, k_swatch);
  bounds.include_text(threshold, text_x, second, "start", k_font_size, k_swatch);
  return out;
}

}  // namespace

std::string radar_svg(const LevelFit& fit, const model::Ladder& ladder,
                      const RadarOptions& options) {
  const std::string prefix = escape_xml(options.id_prefix);
  const ChartStyle style{options.radius, ladder.data().readiness.share_per_area,
                         fmt::format("url(#{}-met)", prefix)};
  const std::vector<ChartArea> areas = chart_areas(fit, ladder);
  ChartBody body = areas.size() >= 3 ? polar_chart(areas, style) : bar_chart(areas, style);
  const std::string key = legend(ladder, style.fill, body.bounds.min_x,
                                 body.bounds.max_y + 2 * k_radar_padding, body.bounds);
  const double x = body.bounds.min_x - k_radar_padding;
  const double y = body.bounds.min_y - k_radar_padding;
  const std::string width = svg_num(body.bounds.max_x - body.bounds.min_x + 2 * k_radar_padding);
  const std::string height = svg_num(body.bounds.max_y - body.bounds.min_y + 2 * k_radar_padding);
  const std::string title =
      options.title.empty() ? "Level fit: " + level_name(ladder, fit.level_id) : options.title;

  std::string out = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="{} {} {} {}" width="{}" height="{}" )"
      R"(role="img" aria-labelledby="{}-title {}-desc" font-family="sans-serif">)"
      "\n",
      svg_num(x), svg_num(y), width, height, width, height, prefix, prefix);
  out += fmt::format(R"(<title id="{}-title">{}</title>)", prefix, escape_xml(title)) + "\n";
  out +=
      fmt::format(R"(<desc id="{}-desc">{}</desc>)", prefix, escape_xml(description(fit, ladder))) +
      "\n";
  out += defs(prefix);
  out += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="#fff"/>)", svg_num(x),
                     svg_num(y), width, height) +
         "\n";
  out += body.svg + key;
  return out + "</svg>\n";
}

}  // namespace rung::assess
