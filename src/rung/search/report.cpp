#include "rung/search/report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/core/ansi.hpp"
#include "rung/core/text.hpp"

namespace rung::search {

namespace {

using ansi::paint;
using Json = nlohmann::ordered_json;

std::string_view heading_of(MatchKind kind) {
  switch (kind) {
    case MatchKind::phrase:
      return "The words as a phrase";
    case MatchKind::exact:
      return "Exact words";
    case MatchKind::stem:
      return "Other forms of the words";
    case MatchKind::related:
      return "Related words";
  }
  return "";
}

std::string summary_line(const SearchResult& result) {
  const KindCounts& c = result.counts;
  std::vector<std::string> parts;
  const std::pair<std::size_t, std::string_view> kinds[] = {{c.phrase, "as a phrase"},
                                                            {c.exact, "with the exact words"},
                                                            {c.stem, "with other word forms"},
                                                            {c.related, "with related words"}};
  for (const auto& [count, name] : kinds) {
    if (count > 0) {
      parts.push_back(fmt::format("{} {}", count, name));
    }
  }
  std::string line = fmt::format("{} {} \"{}\": {}", result.total,
                                 result.total == 1 ? "statement matches" : "statements match",
                                 result.query, join(parts));
  if (result.hits.size() < result.total) {
    line += fmt::format(" (showing the first {})", result.hits.size());
  }
  return line;
}

std::string no_match_line(const SearchResult& result) {
  if (result.words.empty()) {
    return fmt::format("Nothing to search for in \"{}\": give a word.", result.query);
  }
  std::string line =
      result.words.size() == 1
          ? fmt::format("No statement matches \"{}\".", result.words.front())
          : fmt::format("No statement has all of: {}. Try fewer words.", join(result.words));
  if (!result.suggestions.empty()) {
    line += fmt::format(" Did you mean: {}?", join(result.suggestions));
  }
  return line;
}

std::string place_of(const Hit& hit) {
  std::string level = fmt::format("{} {}", hit.level_id, hit.level_title);
  if (!hit.also_levels.empty()) {
    level += fmt::format(" (also {})", join(hit.also_levels));
  }
  return fmt::format("{} > {} > {} [{}]", hit.track_name, level, hit.area_name, hit.statement_id);
}

}  // namespace

std::vector<std::pair<std::string, bool>> segments(const Hit& hit) {
  std::vector<std::pair<std::string, bool>> out;
  std::size_t at = 0;
  for (const auto& h : hit.highlights) {
    if (h.begin > at) {
      out.emplace_back(hit.text.substr(at, h.begin - at), false);
    }
    out.emplace_back(hit.text.substr(h.begin, h.end - h.begin), true);
    at = h.end;
  }
  if (at < hit.text.size()) {
    out.emplace_back(hit.text.substr(at), false);
  }
  return out;
}

std::string render_text(const SearchResult& result, const TextOptions& options) {
  if (result.hits.empty()) {
    return no_match_line(result) + "\n";
  }
  const bool color = options.color;
  std::string out = summary_line(result) + "\n";
  for (std::size_t i = 0; i < result.hits.size(); ++i) {
    const Hit& hit = result.hits[i];
    if (i == 0 || result.hits[i - 1].match != hit.match) {
      out += '\n';
      out += paint(heading_of(hit.match), ansi::k_bold, color);
      out += '\n';
    }
    out += "  ";
    out += paint(place_of(hit), ansi::k_dim, color);
    out += "\n    ";
    for (const auto& [text, matched] : segments(hit)) {
      out += matched ? paint(text, ansi::k_bold_yellow, color) : text;
    }
    out += "\n";
  }
  return out;
}

std::string render_json(const SearchResult& result) {
  Json hits = Json::array();
  for (const auto& hit : result.hits) {
    Json pieces = Json::array();
    for (const auto& [text, matched] : segments(hit)) {
      pieces.push_back({{"text", text}, {"match", matched}});
    }
    hits.push_back({{"match", to_string(hit.match)},
                    {"statement", {{"id", hit.statement_id}, {"text", hit.text}}},
                    {"track", {{"id", hit.track_id}, {"name", hit.track_name}}},
                    {"level", {{"id", hit.level_id}, {"title", hit.level_title}}},
                    {"also_levels", hit.also_levels},
                    {"area", {{"id", hit.area_id}, {"name", hit.area_name}}},
                    {"segments", std::move(pieces)}});
  }
  const KindCounts& c = result.counts;
  Json out = {
      {"query", result.query},
      {"words", result.words},
      {"total", result.total},
      {"counts",
       {{"phrase", c.phrase}, {"exact", c.exact}, {"stem", c.stem}, {"related", c.related}}},
      {"hits", std::move(hits)},
      {"suggestions", result.suggestions}};
  return out.dump(2) + "\n";
}

}  // namespace rung::search
