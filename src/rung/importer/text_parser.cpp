#include "rung/importer/text_parser.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/importer/text_cursor.hpp"
#include "rung/importer/text_fields.hpp"

namespace rung::importer {

namespace {

constexpr std::string_view k_bullet_hint =
    "every area heading needs at least one bullet line starting with '\xE2\x80\xA2', '-' or '*'";

// The title line of a level block: one title, or for a block of `count` levels ("3/4") the
// titles separated by " / ".
std::vector<std::string> split_titles(std::string_view text, std::size_t count) {
  if (count == 1) {
    return {std::string(text)};
  }
  std::vector<std::string> titles;
  for (std::size_t cut = text.find(" / "); cut != std::string_view::npos; cut = text.find(" / ")) {
    titles.emplace_back(trim(text.substr(0, cut)));
    text.remove_prefix(cut + 3);
  }
  titles.emplace_back(trim(text));
  return titles;
}

class Parser {
 public:
  Parser(const std::vector<Line>& lines, std::string_view file_name)
      : m_in(lines, file_name), m_lines(lines) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].kind == LineKind::bullet) {
        m_last_bullet = static_cast<long>(i);
      } else if (is_keyword(lines[i].text, "Level")) {
        m_last_level_keyword = static_cast<long>(i);
      }
    }
  }

  Result<TextDocument> run() {
    RUNG_TRY(parse_name());
    RUNG_TRY(parse_overview());
    RUNG_TRY(parse_details());
    RUNG_TRY(parse_footer());
    return std::move(m_doc);
  }

 private:
  // A track header whose next line starts a detail section ("Level" or the table header).
  bool is_detail_header(std::size_t at) const {
    if (at + 1 >= m_lines.size() || m_lines[at].kind != LineKind::text ||
        !parse_track_header(m_lines[at].text)) {
      return false;
    }
    const Line& next = m_lines[at + 1];
    return next.kind == LineKind::text &&
           (is_keyword(next.text, "Level") || is_table_header(next.text));
  }

  bool is_overview_header(std::size_t at) const {
    if (at >= m_lines.size() || m_lines[at].kind != LineKind::text || is_detail_header(at)) {
      return false;
    }
    auto header = parse_track_header(m_lines[at].text);
    return header && header->name.empty();
  }

  // The footer: lines after the last bullet, with no "Level" line after them.
  bool is_footer_start(std::size_t at) const {
    auto index = static_cast<long>(at);
    return index > m_last_bullet && index > m_last_level_keyword;
  }

  Result<void> parse_name() {
    if (!m_in.peek_text()) {
      return m_in.expected("the ladder's name on the first line");
    }
    m_doc.name = m_in.take().text;
    return {};
  }

  Result<void> parse_overview() {
    if (!is_overview_header(m_in.position())) {
      return m_in.expected(
          "an overview track header such as 'Individual Contributor Track' (a line ending in "
          "'Track', followed by the track's name)");
    }
    while (is_overview_header(m_in.position())) {
      RUNG_TRY(parse_overview_track());
    }
    if (m_in.peek_text()) {
      if (auto general = parse_general_ladder(m_in.peek()->text)) {
        m_in.take();
        m_doc.organization = general->organization;
        m_doc.general_ladder_name = general->name;
        m_doc.grades = general->grades;
        return {};
      }
    }
    if (!is_detail_header(m_in.position())) {
      return m_in.expected(
          "a level number, another track header or the general ladder line ('<Organization> "
          "General Ladder <grades>')");
    }
    return {};
  }

  Result<void> parse_overview_track() {
    const Line& header_line = m_in.take();
    auto header = parse_track_header(header_line.text);
    DocTrack track;
    track.header = header->family;
    track.family = family_of(header->family);
    track.loc = LineCursor::loc(header_line);
    if (!m_in.peek_text() || parse_positive_int(m_in.peek()->text)) {
      return m_in.expected(fmt::format("the track's name after '{}'", header->family));
    }
    track.name = m_in.take().text;
    for (const auto& other : m_doc.tracks) {
      if (other.name == track.name) {
        return fail("import.duplicate-track",
                    fmt::format("the overview lists track '{}' twice (first at line {})",
                                track.name, other.loc.line),
                    m_in.where(track.loc));
      }
    }
    while (m_in.peek_text() && parse_positive_int(m_in.peek()->text)) {
      RUNG_TRY(parse_overview_level(track));
    }
    if (track.overview.empty()) {
      return m_in.expected(fmt::format("a level number after the track name '{}'", track.name));
    }
    m_doc.tracks.push_back(std::move(track));
    return {};
  }

  Result<void> parse_overview_level(DocTrack& track) {
    const Line& number_line = m_in.take();
    int number = *parse_positive_int(number_line.text);
    if (!m_in.peek_text() || parse_positive_int(m_in.peek()->text)) {
      return m_in.expected(
          fmt::format("the title of level {} of '{}' after its number", number, track.name));
    }
    for (const auto& other : track.overview) {
      if (other.number == number) {
        return fail("import.duplicate-level",
                    fmt::format("the overview lists level {} of '{}' twice (first at line {})",
                                number, track.name, other.loc.line),
                    m_in.where(number_line));
      }
    }
    track.overview.push_back(OverviewLevel{number, m_in.take().text, LineCursor::loc(number_line)});
    return {};
  }

  Result<void> parse_details() {
    if (!is_detail_header(m_in.position())) {
      return m_in.expected(
          "a detail section header such as 'Individual Contributor Track - <track name>' "
          "followed by 'Level'");
    }
    while (is_detail_header(m_in.position())) {
      RUNG_TRY(parse_track_section());
    }
    return {};
  }

  Result<std::size_t> resolve_track(const Line& line) const;

  Result<void> parse_track_section() {
    const Line& header_line = *m_in.peek();
    RUNG_TRY_ASSIGN(std::size_t index, resolve_track(header_line));
    m_in.take();
    DocTrack& track = m_doc.tracks[index];
    track.described = true;
    if (m_in.peek_text() && is_table_header(m_in.peek()->text)) {
      m_in.take();
    }
    if (!m_in.peek_keyword("Level")) {
      return m_in.expected(fmt::format("'Level' to start the first level of '{}'", track.name));
    }
    while (m_in.peek_keyword("Level")) {
      RUNG_TRY(parse_level(track));
    }
    return {};
  }

  Result<void> parse_level(DocTrack& track);
  Result<void> parse_level_head(const DocTrack& track, DocLevel& level);
  Result<void> parse_areas(const DocTrack& track, DocLevel& level);
  Result<void> parse_area(DocLevel& level);
  Result<void> parse_footer();

  LineCursor m_in;
  const std::vector<Line>& m_lines;
  long m_last_bullet = -1;
  long m_last_level_keyword = -1;
  TextDocument m_doc;
};

Result<std::size_t> Parser::resolve_track(const Line& line) const {
  auto header = parse_track_header(line.text);
  std::vector<std::string> names;
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i < m_doc.tracks.size(); ++i) {
    const DocTrack& track = m_doc.tracks[i];
    names.push_back(track.name);
    bool match = header->name.empty() ? ascii_lower(track.header) == ascii_lower(header->family)
                                      : track.name == header->name;
    if (match) {
      candidates.push_back(i);
    }
  }
  if (candidates.size() > 1) {
    return fail("import.ambiguous-track",
                fmt::format("'{}' does not say which track it describes: the overview has {} "
                            "tracks under it",
                            line.text, candidates.size()),
                m_in.where(line),
                fmt::format("name the track, e.g. '{} - {}'", header->family,
                            m_doc.tracks[candidates.front()].name));
  }
  if (candidates.empty()) {
    std::string wanted = header->name.empty() ? header->family : header->name;
    auto close = closest_match(wanted, names);
    return fail("import.unknown-track",
                fmt::format("the detail section '{}' names no track of the overview", line.text),
                m_in.where(line),
                close ? fmt::format("did you mean '{}'?", *close)
                      : fmt::format("the overview lists: {}", join(names)));
  }
  const DocTrack& track = m_doc.tracks[candidates.front()];
  if (track.described) {
    return fail("import.duplicate-track",
                fmt::format("track '{}' has a second detail section", track.name),
                m_in.where(line));
  }
  return candidates.front();
}

Result<void> Parser::parse_level(DocTrack& track) {
  DocLevel level;
  level.loc = LineCursor::loc(m_in.take());
  RUNG_TRY(parse_level_head(track, level));
  for (int number : level.numbers) {
    for (const auto& other : track.details) {
      if (std::find(other.numbers.begin(), other.numbers.end(), number) != other.numbers.end()) {
        return fail("import.duplicate-level",
                    fmt::format("level {} of '{}' is described twice (first at line {})", number,
                                track.name, other.loc.line),
                    m_in.where(level.loc));
      }
    }
  }
  RUNG_TRY(parse_areas(track, level));
  track.details.push_back(std::move(level));
  return {};
}

Result<void> Parser::parse_level_head(const DocTrack& track, DocLevel& level) {
  auto numbers = m_in.peek_text() ? parse_level_numbers(m_in.peek()->text) : std::nullopt;
  if (!numbers) {
    return m_in.expected(
        "a level number after 'Level'",
        "write the level's number ('1'), or '3/4' for levels that share a description");
  }
  level.numbers = *numbers;
  const std::string number_text = m_in.take().text;
  if (!m_in.peek_keyword("Title")) {
    return m_in.expected("'Title' after the level number");
  }
  m_in.take();
  if (!m_in.peek_text() || is_keyword(m_in.peek()->text, "Experience")) {
    return m_in.expected(
        fmt::format("the title of level {} of '{}' after 'Title'", number_text, track.name));
  }
  const Line& title_line = *m_in.peek();
  level.titles = split_titles(title_line.text, level.numbers.size());
  if (level.titles.size() != level.numbers.size()) {
    return m_in.expected(fmt::format("{} titles separated by ' / ' for levels {}",
                                     level.numbers.size(), number_text));
  }
  m_in.take();
  if (m_in.peek_keyword("Experience")) {
    m_in.take();
    auto experience = m_in.peek_text() ? parse_experience(m_in.peek()->text) : std::nullopt;
    if (!experience) {
      return m_in.expected(
          "years of experience after 'Experience', such as '0-3 years', "
          "'8+ years' or '4+'",
          {}, "import.bad-experience");
    }
    experience->loc = LineCursor::loc(m_in.take());
    level.experience = experience;
  }
  return {};
}

Result<void> Parser::parse_areas(const DocTrack& track, DocLevel& level) {
  while (m_in.peek() != nullptr) {
    if (m_in.peek()->kind == LineKind::bullet) {
      return m_in.expected("an area heading (such as 'Role Highlights') before the bullets");
    }
    if (m_in.peek_keyword("Level") || is_detail_header(m_in.position()) ||
        is_footer_start(m_in.position())) {
      break;
    }
    if (m_in.peek(1) == nullptr || m_in.peek(1)->kind != LineKind::bullet) {
      return m_in.expected("an area heading followed by bullets", std::string(k_bullet_hint));
    }
    RUNG_TRY(parse_area(level));
  }
  if (level.areas.empty()) {
    return m_in.expected(fmt::format("an area heading followed by bullets for level {} of '{}'",
                                     level.numbers.front(), track.name),
                         std::string(k_bullet_hint));
  }
  return {};
}

Result<void> Parser::parse_area(DocLevel& level) {
  const Line& heading = m_in.take();
  for (const auto& other : level.areas) {
    if (other.name == heading.text) {
      return fail("import.duplicate-area",
                  fmt::format("area '{}' appears twice in this level (first at line {})",
                              heading.text, other.loc.line),
                  m_in.where(heading));
    }
  }
  DocArea area{heading.text, {}, LineCursor::loc(heading)};
  while (m_in.peek() != nullptr && m_in.peek()->kind == LineKind::bullet) {
    const Line& bullet = m_in.take();
    area.statements.push_back(DocStatement{bullet.text, LineCursor::loc(bullet), {}});
  }
  auto known = std::find_if(m_doc.areas.begin(), m_doc.areas.end(),
                            [&](const DocAreaName& a) { return a.name == area.name; });
  if (known == m_doc.areas.end()) {
    m_doc.areas.push_back(DocAreaName{area.name, area.loc, {}});
  }
  level.areas.push_back(std::move(area));
  return {};
}

Result<void> Parser::parse_footer() {
  if (m_in.peek() != nullptr && !is_footer_start(m_in.position())) {
    return m_in.expected("another detail section or the footer");
  }
  while (m_in.peek() != nullptr) {
    const Line& line = m_in.take();
    if (!is_written_on(line.text)) {
      m_doc.credits.push_back(line.text);
      continue;
    }
    auto written = parse_written_on(line.text);
    if (!written) {
      return fail("import.bad-date", written.error(), m_in.where(line));
    }
    if (m_doc.published.empty()) {
      m_doc.published = written->date;
    }
    if (written->author) {
      m_doc.authors.push_back(*written->author);
    }
  }
  return {};
}

}  // namespace

Result<TextDocument> parse_text_document(const std::vector<Line>& lines,
                                         std::string_view file_name) {
  return Parser(lines, file_name).run();
}

}  // namespace rung::importer
