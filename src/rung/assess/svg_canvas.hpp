#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rung::assess {

// Small building blocks the radar and bar charts share. Internal to assess/.

// A coordinate for SVG: one decimal, never "-0.0".
std::string svg_num(double value);

// Estimated width of `text` at `font_size` in a sans-serif font: 0.6 em per code point, a
// deliberate over-estimate so that labels laid out with it are not clipped.
double text_width(std::string_view text, double font_size);

// `text` broken at spaces into lines of at most `width` code points where possible (a single
// longer word keeps its own line).
std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

// The region a chart draws on, grown as elements are placed.
struct Bounds {
  double min_x = 0;
  double min_y = 0;
  double max_x = 0;
  double max_y = 0;

  void include(double x, double y);
  // A block of text lines: anchor "start" / "middle" / "end" at x, first line's top at `top`.
  void include_text(const std::vector<std::string>& lines, double x, double top,
                    std::string_view anchor, double font_size, double line_height);
};

// A block of text lines, XML-escaped, as one <text> element with a <tspan> per line.
// `top` is the top of the first line; `line_height` apart.
std::string text_block(const std::vector<std::string>& lines, double x, double top,
                       std::string_view anchor, double font_size, double line_height,
                       std::string_view extra_attributes = {});

}  // namespace rung::assess
