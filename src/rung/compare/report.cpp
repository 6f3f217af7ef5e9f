#include "rung/compare/report.hpp"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/core/ansi.hpp"

namespace rung::compare {

namespace {

using ansi::paint;

std::string describe(const LevelInfo& level, bool with_track) {
  std::string out = fmt::format("{} {}", level.id, level.title);
  if (with_track) {
    out += fmt::format(" ({})", level.track_name);
  }
  if (!level.shares.empty()) {
    out += fmt::format(" [shares {}'s description]", level.shares);
  }
  return out;
}

std::string statement_line(const StatementPair& pair, bool color) {
  switch (pair.change) {
    case Change::unchanged:
      return fmt::format("  {} {}\n", paint("=", ansi::k_dim, color), pair.b->text);
    case Change::reworded:
      return fmt::format("  {} {}  {}\n", paint("~", ansi::k_yellow, color),
                         marked_words(pair.words, color),
                         paint(fmt::format("({:.2f})", pair.similarity), ansi::k_dim, color));
    case Change::new_at_b:
      return fmt::format("  {} {}\n", paint("+", ansi::k_green, color), pair.b->text);
    case Change::only_at_a:
      return fmt::format("  {} {}\n", paint("-", ansi::k_red, color), pair.a->text);
  }
  return {};
}

std::string area_heading(const AreaComparison& area, const Comparison& comparison, bool color) {
  std::string heading = paint(area.name, ansi::k_bold, color);
  if (!area.at_b) {
    heading += fmt::format(" (only at {})", comparison.a.id);
  } else if (!area.at_a) {
    heading += fmt::format(" (only at {})", comparison.b.id);
  }
  return heading + "\n";
}

nlohmann::ordered_json level_json(const LevelInfo& level) {
  return {{"id", level.id},
          {"title", level.title},
          {"track", {{"id", level.track_id}, {"name", level.track_name}}},
          {"shares", level.shares.empty() ? nlohmann::ordered_json(nullptr)
                                          : nlohmann::ordered_json(level.shares)}};
}

nlohmann::ordered_json pair_json(const StatementPair& pair) {
  nlohmann::ordered_json out = {{"change", to_string(pair.change)},
                                {"similarity", rounded(pair.similarity)}};
  if (pair.a) {
    out["a"] = {{"id", pair.a->id}, {"text", pair.a->text}};
  }
  if (pair.b) {
    out["b"] = {{"id", pair.b->id}, {"text", pair.b->text}};
  }
  if (pair.change == Change::reworded) {
    out["words"] = words_json(pair.words);
  }
  return out;
}

}  // namespace

std::string marked_words(const std::vector<DiffPiece>& pieces, bool color) {
  std::string out;
  for (const auto& piece : pieces) {
    switch (piece.kind) {
      case Edit::same:
        out += piece.text;
        break;
      case Edit::removed:
        out += paint("[-" + piece.text + "-]", ansi::k_red, color);
        break;
      case Edit::added:
        out += paint("{+" + piece.text + "+}", ansi::k_green, color);
        break;
    }
  }
  return out;
}

double rounded(double score) {
  return std::round(score * 1000.0) / 1000.0;
}

Json words_json(const std::vector<DiffPiece>& pieces) {
  Json words = Json::array();
  for (const auto& piece : pieces) {
    const char* op = piece.kind == Edit::same      ? "same"
                     : piece.kind == Edit::removed ? "removed"
                                                   : "added";
    words.push_back({{"op", op}, {"text", piece.text}});
  }
  return words;
}

std::string render_text(const Comparison& comparison, const TextOptions& options) {
  const bool color = options.color;
  const bool across = comparison.a.track_id != comparison.b.track_id;
  const std::string& a = comparison.a.id;
  const std::string& b = comparison.b.id;
  std::string out =
      paint(fmt::format("{} -> {}", describe(comparison.a, across), describe(comparison.b, across)),
            ansi::k_bold, color);
  out += fmt::format(
      "\n{} unchanged   {} reworded ([-{} words-] {{+{} words+}})   "
      "{} new at {}   {} only at {}\n",
      paint("=", ansi::k_dim, color), paint("~", ansi::k_yellow, color), a, b,
      paint("+", ansi::k_green, color), b, paint("-", ansi::k_red, color), a);
  for (const auto& area : comparison.areas) {
    out += '\n';
    out += area_heading(area, comparison, color);
    for (const auto& pair : area.pairs) {
      out += statement_line(pair, color);
    }
  }
  if (comparison.areas.empty()) {
    out += "\nNeither level has statements.\n";
  }
  const Counts& c = comparison.counts;
  out += '\n';
  out += paint(fmt::format("{} -> {}: {} unchanged, {} reworded, {} new at {}, {} only at {}", a, b,
                           c.unchanged, c.reworded, c.new_at_b, b, c.only_at_a, a),
               ansi::k_bold, color);
  out += '\n';
  return out;
}

std::string render_json(const Comparison& comparison) {
  nlohmann::ordered_json areas = nlohmann::ordered_json::array();
  for (const auto& area : comparison.areas) {
    nlohmann::ordered_json statements = nlohmann::ordered_json::array();
    for (const auto& pair : area.pairs) {
      statements.push_back(pair_json(pair));
    }
    areas.push_back({{"id", area.id},
                     {"name", area.name},
                     {"at_a", area.at_a},
                     {"at_b", area.at_b},
                     {"statements", std::move(statements)}});
  }
  const Counts& c = comparison.counts;
  nlohmann::ordered_json out = {
      {"a", level_json(comparison.a)},
      {"b", level_json(comparison.b)},
      {"threshold", comparison.threshold},
      {"summary",
       {{"unchanged", c.unchanged},
        {"reworded", c.reworded},
        {"new_at_b", c.new_at_b},
        {"only_at_a", c.only_at_a}}},
      {"areas", std::move(areas)},
  };
  return out.dump(2) + "\n";
}

}  // namespace rung::compare
