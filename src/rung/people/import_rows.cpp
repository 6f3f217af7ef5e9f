#include "rung/people/import_rows.hpp"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::people {

bool looks_like_email(std::string_view text) {
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const auto domain = text.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.ends_with('.')) {
    return false;
  }
  return std::none_of(text.begin(), text.end(), [](char c) {
    return c == ' ' || c == ',' || c == '<' || c == '>' || c == ';' || c == '"' ||
           static_cast<unsigned char>(c) < 0x20;
  });
}

bool has_iso_date_form(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return false;
  }
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') {
      return false;
    }
  }
  return true;
}

bool is_iso_date(std::string_view text) {
  if (!has_iso_date_form(text)) {
    return false;
  }
  auto number = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const std::chrono::year_month_day date{std::chrono::year(number(0, 4)),
                                         std::chrono::month(static_cast<unsigned>(number(5, 2))),
                                         std::chrono::day(static_cast<unsigned>(number(8, 2)))};
  return date.ok();
}

namespace {

// Reads one row's fields, recording each problem; the row is usable when none was recorded.
class RowReader {
 public:
  RowReader(const model::Ladder& ladder, const TitleMatcher& titles, const ColumnMap& columns,
            const CsvRow& row, std::vector<RowError>& errors)
      : m_ladder(ladder), m_titles(titles), m_columns(columns), m_row(row), m_errors(errors) {}

  std::optional<ImportRow> read() {
    const std::size_t errors_before = m_errors.size();
    if (!printable_fields()) {
      return std::nullopt;
    }
    ImportRow out;
    out.row = m_row.row;
    out.person.name = name();
    out.person.email = email(Field::email, true);
    out.manager_email = email(Field::manager_email, false);
    level_and_track(out.person);
    out.person.start_date = start_date();
    out.person.status = status();
    if (m_errors.size() != errors_before) {
      return std::nullopt;
    }
    return out;
  }

 private:
  std::string value(Field field) const {
    auto column = m_columns.column(field);
    return column ? std::string(trim(m_row.fields[*column])) : std::string();
  }

  // Refuses control characters (a line break in a name, an escape sequence) in the fields
  // rung keeps: they would corrupt terminal output and pages.
  bool printable_fields() {
    bool ok = true;
    for (std::size_t i = 0; i < k_field_count; ++i) {
      const auto field = static_cast<Field>(i);
      const std::string text = value(field);
      if (printable(text) != text) {
        error(field, fmt::format("the {} '{}' holds a control character (a line break, a tab, ...)",
                                 to_string(field), printable(text)));
        ok = false;
      }
    }
    return ok;
  }

  void error(Field field, std::string message, std::string hint = {}) {
    m_errors.push_back(
        RowError{m_row.row, m_columns.header_of(field), std::move(message), std::move(hint)});
  }

  std::string name() {
    std::string name = value(Field::name);
    if (name.empty()) {
      name = value(Field::given_name);
      const std::string family = value(Field::family_name);
      if (!name.empty() && !family.empty()) {
        name += " " + family;
      }
    }
    if (name.empty()) {
      error(m_columns.has(Field::name) ? Field::name : Field::given_name, "the name is empty");
    }
    return name;
  }

  std::string email(Field field, bool required) {
    std::string email = ascii_lower(value(field));
    if (email.empty()) {
      if (required) {
        error(field, "the email is empty");
      }
      return email;
    }
    if (!looks_like_email(email)) {
      error(field, fmt::format("'{}' is not an email address", value(field)),
            field == Field::manager_email ? "managers are matched by their work email" : "");
    }
    return email;
  }

  void level_and_track(store::Person& person);
  void level_from_title(store::Person& person, const std::string& track_text);
  std::string start_date();
  store::PersonStatus status();

  const model::Ladder& m_ladder;
  const TitleMatcher& m_titles;
  const ColumnMap& m_columns;
  const CsvRow& m_row;
  std::vector<RowError>& m_errors;
};

const model::Track* find_track(const model::Ladder& ladder, std::string_view text) {
  if (const auto* track = ladder.find_track(ascii_lower(text))) {
    return track;
  }
  for (const auto& track : ladder.tracks()) {
    if (ascii_lower(track.name) == ascii_lower(text)) {
      return &track;
    }
  }
  return nullptr;
}

std::vector<std::string> level_ids_of(const model::Track& track) {
  std::vector<std::string> ids;
  for (const auto& level : track.levels) {
    ids.push_back(level.id);
  }
  return ids;
}

void RowReader::level_and_track(store::Person& person) {
  const std::string level_text = value(Field::level);
  const std::string track_text = value(Field::track);
  if (level_text.empty() && m_columns.has(Field::title)) {
    level_from_title(person, track_text);
    return;
  }
  if (level_text.empty()) {
    error(Field::level, "the level is empty");
    return;
  }
  person.level = ascii_lower(level_text);
  const model::Track* level_track = m_ladder.track_of(person.level);
  if (level_track == nullptr) {
    const auto ids = m_ladder.level_ids();
    auto close = closest_match(person.level, ids);
    error(Field::level, fmt::format("unknown level '{}'", level_text),
          close ? fmt::format("did you mean '{}'?", *close)
                : fmt::format("levels are: {}", join(ids, ", ")));
    return;
  }
  person.track = level_track->id;
  if (track_text.empty()) {
    return;
  }
  const model::Track* named = find_track(m_ladder, track_text);
  if (named == nullptr) {
    std::vector<std::string> ids;
    for (const auto& track : m_ladder.tracks()) {
      ids.push_back(track.id);
    }
    error(Field::track, fmt::format("unknown track '{}'", track_text),
          fmt::format("tracks are: {} (or their names)", join(ids, ", ")));
  } else if (named != level_track) {
    error(Field::level,
          fmt::format("level '{}' is not in track '{}' (it is in '{}')", person.level, named->id,
                      level_track->id),
          fmt::format("the levels of '{}' are: {}", named->id, join(level_ids_of(*named), ", ")));
  }
}

// "swe-1 (Software Engineer I) or swe-2 (Software Engineer II)".
std::string levels_named(const model::Ladder& ladder, const std::vector<std::string>& ids) {
  std::vector<std::string> items;
  for (const std::string& id : ids) {
    const model::Level* level = ladder.find_level(id);
    items.push_back(level != nullptr ? fmt::format("{} ({})", id, level->title) : id);
  }
  const std::string last = items.back();
  items.pop_back();
  return join(items, ", ") + " or " + last;
}

void RowReader::level_from_title(store::Person& person, const std::string& track_text) {
  const std::string title = value(Field::title);
  if (title.empty()) {
    error(m_columns.has(Field::level) ? Field::level : Field::title,
          "neither a level nor a job title is given");
    return;
  }
  const model::Track* named = nullptr;
  if (!track_text.empty()) {
    named = find_track(m_ladder, track_text);
    if (named == nullptr) {
      error(Field::track, fmt::format("unknown track '{}'", track_text));
      return;
    }
  }
  const TitleMatch found = m_titles.match(title, named);
  if (found.levels.size() == 1) {
    person.level = found.levels.front();
    person.track = m_ladder.track_of(person.level)->id;
    return;
  }
  const std::string where = named != nullptr ? fmt::format(" in track '{}'", named->id) : "";
  if (found.levels.empty()) {
    const auto close = closest_match(title, m_titles.known());
    error(Field::title, fmt::format("the job title '{}' names no level{}", title, where),
          fmt::format("{}map the company's spelling to a level in a title map (--title-map)",
                      close ? fmt::format("did you mean '{}'? Or ", *close) : ""));
    return;
  }
  error(Field::title,
        fmt::format("the job title '{}' could be {}", title, levels_named(m_ladder, found.levels)),
        "add a level or track column, or map the title to one level in a title map "
        "(--title-map)");
}

std::string RowReader::start_date() {
  std::string date = value(Field::start_date);
  if (has_iso_date_form(date) && !is_iso_date(date)) {
    error(Field::start_date, fmt::format("'{}' is not a real date", date));
  } else if (!date.empty() && !is_iso_date(date)) {
    error(Field::start_date, fmt::format("'{}' is not a date in the form YYYY-MM-DD", date),
          "write dates as 2021-04-30; dates like 03/04/2021 are refused because the order of "
          "day and month is ambiguous");
  }
  return date;
}

store::PersonStatus RowReader::status() {
  const std::string text = value(Field::status);
  auto status = parse_status(text);
  if (!status) {
    error(Field::status, fmt::format("unknown status '{}'", text),
          "accepted (any case): " + accepted_statuses());
    return store::PersonStatus::active;
  }
  return *status;
}

}  // namespace

std::vector<ImportRow> read_rows(const model::Ladder& ladder, const TitleMatcher& titles,
                                 const ColumnMap& columns, const CsvTable& table,
                                 std::vector<RowError>& errors) {
  std::vector<ImportRow> rows;
  rows.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    if (auto read = RowReader(ladder, titles, columns, row, errors).read()) {
      rows.push_back(std::move(*read));
    }
  }
  return rows;
}

}  // namespace rung::people
