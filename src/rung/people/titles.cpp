#include "rung/people/titles.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::people {

namespace {

bool is_word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// The column of the header named one of `names` (compared as title keys).
std::optional<std::size_t> column_named(const std::vector<std::string>& header,
                                        std::initializer_list<std::string_view> names) {
  for (const std::string_view name : names) {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (title_key(header[i]) == title_key(name)) {
        return i;
      }
    }
  }
  return std::nullopt;
}

Error row_error(const CsvTable& table, int row, std::string code, std::string message,
                std::string hint = {}) {
  return Error{std::move(code), std::move(message), Location{table.file, row, 0}, std::move(hint)};
}

}  // namespace

std::string title_key(std::string_view title) {
  std::string out;
  bool gap = false;
  for (const char raw : ascii_lower(title)) {
    const auto c = static_cast<unsigned char>(raw);
    if (is_word_char(c)) {
      if (gap && !out.empty()) {
        out.push_back(' ');
      }
      out.push_back(raw);
      gap = false;
    } else {
      gap = true;
    }
  }
  return out;
}

Results<TitleMap> read_title_map(const CsvTable& table, const model::Ladder& ladder) {
  const auto title_column = column_named(table.header, {"Title", "Job Title", "Business Title"});
  const auto level_column = column_named(table.header, {"Level", "Level ID", "Job Level"});
  if (!title_column || !level_column) {
    return tl::unexpected(Errors{
        row_error(table, 1, "titles.missing-columns",
                  fmt::format("a title map needs a title and a level column; the header has \"{}\"",
                              join(table.header, "\", \"")),
                  "write the header Title,Level and a row per spelling, e.g. Sr. SWE,swe-3")});
  }
  TitleMap out;
  std::map<std::string, int, std::less<>> rows_of;  // key -> the row that set it
  Errors errors;
  const auto ids = ladder.level_ids();
  for (const CsvRow& row : table.rows) {
    const std::string title(trim(row.fields[*title_column]));
    const std::string level = ascii_lower(trim(row.fields[*level_column]));
    const std::string key = title_key(title);
    if (key.empty() || level.empty()) {
      errors.push_back(row_error(table, row.row, "titles.empty",
                                 key.empty() ? "the title is empty" : "the level is empty"));
      continue;
    }
    if (ladder.track_of(level) == nullptr) {
      const auto close = closest_match(level, ids);
      errors.push_back(row_error(
          table, row.row, "titles.unknown-level",
          fmt::format("unknown level '{}' for the title '{}'", printable(level), printable(title)),
          close ? fmt::format("did you mean '{}'?", *close)
                : fmt::format("levels are: {}", join(ids, ", "))));
      continue;
    }
    const auto [at, inserted] = rows_of.emplace(key, row.row);
    if (!inserted) {
      errors.push_back(row_error(
          table, row.row, "titles.duplicate",
          fmt::format("the title '{}' is mapped twice (also on row {})", printable(title),
                      at->second),
          "keep one row per title; case, spaces and punctuation do not make titles differ"));
      continue;
    }
    out.levels.emplace(key, level);
    out.spellings.push_back(title);
  }
  if (!errors.empty()) {
    return tl::unexpected(std::move(errors));
  }
  return out;
}

TitleMatcher::TitleMatcher(const model::Ladder& ladder, const TitleMap& map)
    : m_ladder(ladder), m_map(map.levels) {
  const auto add = [&](const std::string& title, const std::string& id) {
    const std::string key = title_key(title);
    if (key.empty()) {
      return;
    }
    auto& ids = m_ladder_titles[key];
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
      ids.push_back(id);
    }
    if (std::find(m_known.begin(), m_known.end(), title) == m_known.end()) {
      m_known.push_back(title);
    }
  };
  for (const model::Track& track : ladder.tracks()) {
    for (const model::Level& level : track.levels) {
      add(level.title, level.id);
      if (!level.detail_title.empty()) {
        add(level.detail_title, level.id);
      }
    }
  }
  m_known.insert(m_known.end(), map.spellings.begin(), map.spellings.end());
}

TitleMatch TitleMatcher::match(std::string_view title, const model::Track* track) const {
  const std::string key = title_key(title);
  const auto in_track = [&](const std::string& id) {
    return track == nullptr || m_ladder.track_of(id) == track;
  };
  if (const auto mapped = m_map.find(key); mapped != m_map.end()) {
    TitleMatch out{{}, true};
    if (in_track(mapped->second)) {
      out.levels.push_back(mapped->second);
    }
    return out;
  }
  TitleMatch out;
  if (const auto found = m_ladder_titles.find(key); found != m_ladder_titles.end()) {
    std::copy_if(found->second.begin(), found->second.end(), std::back_inserter(out.levels),
                 in_track);
  }
  return out;
}

}  // namespace rung::people
