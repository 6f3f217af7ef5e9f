#include "rung/html/tool_views.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "rung/core/words.hpp"

namespace rung::html {

namespace {

std::string_view change_label(std::string_view change) {
  if (change == "unchanged") {
    return "Same";
  }
  if (change == "reworded") {
    return "Reworded";
  }
  if (change == "new_at_b") {
    return "New";
  }
  return "Not restated";
}

// What a reworded pair's similarity score means to a reader: the figure itself says nothing
// to someone who does not know how it is measured (compare/similarity.hpp).
std::string_view closeness(double similarity) {
  if (similarity >= 0.75) {
    return "nearly the same wording";
  }
  if (similarity >= 0.5) {
    return "same idea, new words";
  }
  return "loosely related";
}

bool is_closing_punctuation(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')';
}

// Leaving out the other side's words can leave two spaces, or a space before punctuation, where
// two pieces meet; the text reads better without them.
void tidy_joins(Json& pieces) {
  for (std::size_t i = 0; i + 1 < pieces.size(); ++i) {
    std::string left = pieces[i]["text"];
    const std::string right = pieces[i + 1]["text"];
    while (left.ends_with(' ') && !right.empty() &&
           (right.front() == ' ' || is_closing_punctuation(right.front()))) {
      left.pop_back();
    }
    pieces[i]["text"] = left;
  }
}

// Level A's side of a word diff, cut from A's own text. The diff's `same` pieces spell B's
// text (B's punctuation and spacing), so joining them with A's removed words gave A's words
// with B's commas ("manageable ones,." where A reads "manageable ones."). Instead the words of
// each piece are counted off A's words: `same` and `removed` pieces consume A's words in order,
// `added` pieces none, and A's text between the marked runs is printed as it is.
Json a_side_pieces(const std::string& text, const Json& words) {
  const std::vector<WordToken> tokens = tokenize_words(text);
  Json out = Json::array();
  std::size_t next = 0;     // A's next word
  std::size_t written = 0;  // A's text before this offset is out
  for (const Json& word : words) {
    const std::string op = word["op"];
    if (op == "added") {
      continue;
    }
    const std::size_t count = tokenize_words(word["text"].get<std::string>()).size();
    if (count == 0 || next + count > tokens.size()) {
      continue;
    }
    if (op == "removed") {
      const std::size_t begin = tokens[next].begin;
      const std::size_t end = tokens[next + count - 1].end;
      if (begin > written) {
        out.push_back({{"text", text.substr(written, begin - written)}});
      }
      out.push_back({{"text", text.substr(begin, end - begin)}, {"del", true}});
      written = end;
    }
    next += count;
  }
  if (written < text.size()) {
    out.push_back({{"text", text.substr(written)}});
  }
  return out;
}

// A statement's text as pieces to print, marking the words only this side has.
Json pieces_of(const Json& pair, std::string_view side) {
  Json out = Json::array();
  if (!pair.contains(side)) {
    return out;
  }
  if (pair["change"] != "reworded" || !pair.contains("words")) {
    out.push_back({{"text", pair[side]["text"]}});
    return out;
  }
  if (side == "a") {
    return a_side_pieces(pair["a"]["text"].get<std::string>(), pair["words"]);
  }
  for (const Json& word : pair["words"]) {
    const std::string op = word["op"];
    if (op == "same") {
      out.push_back({{"text", word["text"]}});
    } else if (op == "added") {
      out.push_back({{"text", word["text"]}, {"ins", true}});
    }
  }
  tidy_joins(out);
  return out;
}

int row_order(std::string_view change) {
  return change == "new_at_b" ? 0 : change == "reworded" ? 1 : 2;
}

// Level B's statements, what is new first, then what is reworded, then what stays the same:
// the question a reader has is what the other level asks for that this one does not.
Json comparison_rows(const Json& area) {
  Json rows = Json::array();
  for (const Json& pair : area["statements"]) {
    const std::string change = pair["change"];
    if (change == "only_at_a") {
      continue;
    }
    Json row{{"change", change},
             {"label", change_label(change)},
             {"a_pieces", pieces_of(pair, "a")},
             {"b_pieces", pieces_of(pair, "b")},
             {"has_a", pair.contains("a")},
             {"has_b", true}};
    if (change == "reworded") {
      row["closeness"] = closeness(pair["similarity"].get<double>());
    }
    rows.push_back(std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Json& x, const Json& y) {
    return row_order(x["change"].get<std::string>()) < row_order(y["change"].get<std::string>());
  });
  return rows;
}

// Level A's statements that level B does not restate, per area.
Json only_at_a(const Json& areas) {
  Json out = Json::array();
  for (const Json& area : areas) {
    Json statements = Json::array();
    for (const Json& pair : area["statements"]) {
      if (pair["change"] == "only_at_a") {
        statements.push_back(pair["a"]["text"]);
      }
    }
    if (!statements.empty()) {
      out.push_back({{"name", area["name"]}, {"statements", std::move(statements)}});
    }
  }
  return out;
}

// True when B is above A in the same track: then A's statements still hold at B.
bool goes_up(const model::Ladder& ladder, std::string_view a, std::string_view b) {
  const model::Track* track = ladder.track_of(a);
  if (track == nullptr || track != ladder.track_of(b)) {
    return false;
  }
  const auto position = [&](std::string_view id) {
    return std::find_if(track->levels.begin(), track->levels.end(),
                        [&](const model::Level& level) { return level.id == id; });
  };
  return position(b) > position(a);
}

Json form_tracks(const model::Ladder& ladder, std::string_view a, std::string_view b) {
  Json tracks = Json::array();
  for (const model::Track& track : ladder.tracks()) {
    Json levels = Json::array();
    for (const model::Level& level : track.levels) {
      levels.push_back({{"id", level.id},
                        {"title", level.title},
                        {"a_selected", level.id == a},
                        {"b_selected", level.id == b}});
    }
    tracks.push_back({{"name", track.name}, {"levels", std::move(levels)}});
  }
  return tracks;
}

Json next_steps(const model::Ladder& ladder, const Links& links) {
  Json out = Json::array();
  for (const model::Track& track : ladder.tracks()) {
    Json steps = Json::array();
    for (const model::Level& level : track.levels) {
      if (const model::Level* next = ladder.next_level(level.id)) {
        if (auto url = links.compare(level.id, next->id, true)) {
          steps.push_back({{"from", level.title}, {"to", next->title}, {"url", *url}});
        }
      }
    }
    out.push_back({{"name", track.name}, {"steps", std::move(steps)}});
  }
  return out;
}

// Where a lint finding's element lives: its level page (at the statement), its track page.
std::string element_url(const model::Ladder& ladder, const Links& links, const std::string& id) {
  if (ladder.find_level(id) != nullptr) {
    return links.level(id);
  }
  if (const model::Level* level = ladder.level_of_statement(id)) {
    return links.level(level->id) + "#" + id;
  }
  if (ladder.find_track(id) != nullptr) {
    return links.track(id);
  }
  return "";
}

}  // namespace

Json compare_view(const model::Ladder& ladder, const Links& links, const Json& comparison,
                  std::string_view a, std::string_view b, std::string_view error) {
  Json out{{"site", site_json(ladder, links)}, {"error", error}};
  out["form"] = {{"action", links.compare_form()}, {"tracks", form_tracks(ladder, a, b)}};
  out["next_steps"] = next_steps(ladder, links);
  if (comparison.is_null()) {
    out["page"] = {{"title", "Compare levels"}, {"nav", {{"compare", true}}}};
    return out;
  }
  Json result = comparison;
  result["cross_track"] = comparison["a"]["track"]["id"] != comparison["b"]["track"]["id"];
  for (const char* side : {"a", "b"}) {
    result[side]["url"] = links.level(result[side]["id"].get<std::string>());
  }
  result["going_up"] = goes_up(ladder, comparison["a"]["id"].get<std::string>(),
                               comparison["b"]["id"].get<std::string>());
  result["not_restated"] = only_at_a(comparison["areas"]);
  Json areas = Json::array();
  for (Json& area : result["areas"]) {
    area["rows"] = comparison_rows(area);
    if (!area["rows"].empty()) {
      areas.push_back(std::move(area));
    }
  }
  result["areas"] = std::move(areas);
  out["result"] = std::move(result);
  out["page"] = {{"title", fmt::format("{} → {}", comparison["a"]["title"].get<std::string>(),
                                       comparison["b"]["title"].get<std::string>())},
                 {"nav", {{"compare", true}}}};
  return out;
}

Json search_view(const model::Ladder& ladder, const Links& links, const Json& result,
                 std::string_view query, std::string_view error) {
  Json out{{"site", site_json(ladder, links)}, {"error", error}};
  out["search"] = {{"query", query}, {"action", links.search()}};
  out["page"] = {
      {"title", query.empty() ? std::string("Search") : fmt::format("“{}” · Search", query)},
      {"nav", {{"search", true}}}};
  if (result.is_null()) {
    return out;
  }
  Json view = result;
  for (Json& hit : view["hits"]) {
    hit["url"] = links.level(hit["level"]["id"].get<std::string>()) + "#" +
                 hit["statement"]["id"].get<std::string>();
    hit["related"] = hit["match"] == "related";
  }
  Json suggestions = Json::array();
  for (const Json& word : view.value("suggestions", Json::array())) {
    suggestions.push_back({{"word", word}, {"url", links.search(word.get<std::string>())}});
  }
  view["suggestions"] = std::move(suggestions);
  view["statement_word"] = view["total"] == 1 ? "statement matches" : "statements match";
  out["result"] = std::move(view);
  return out;
}

Json lint_view(const model::Ladder& ladder, const Links& links, const Json& report) {
  Json out{{"site", site_json(ladder, links)}};
  out["page"] = {{"title", "Lint"}, {"nav", {{"lint", true}}}};
  Json view = report;
  for (Json& finding : view["diagnostics"]) {
    finding["url"] = element_url(ladder, links, finding.value("element", ""));
    finding["place"] = finding["line"] == 0
                           ? std::string("the whole file")
                           : fmt::format("line {}, column {}", finding["line"].get<int>(),
                                         finding["column"].get<int>());
  }
  view["clean"] = view["diagnostics"].empty();
  out["report"] = std::move(view);
  return out;
}

}  // namespace rung::html
