#include "rung/importer/text_fields.hpp"

#include <array>
#include <charconv>

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::importer {

namespace {

constexpr std::array<std::string_view, 3> k_dashes = {"-", "\xE2\x80\x93", "\xE2\x80\x94"};
constexpr std::array<std::string_view, 12> k_months = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

bool is_blank_char(char c) {
  return c == ' ' || c == '\t';
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_blank_char(text[i])) {
      ++i;
    }
    std::size_t start = i;
    while (i < text.size() && !is_blank_char(text[i])) {
      ++i;
    }
    if (i > start) {
      words.push_back(text.substr(start, i - start));
    }
  }
  return words;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && ascii_lower(a) == ascii_lower(b);
}

// True when `text` ends with the whole word "Track" (any case).
bool ends_with_track_word(std::string_view text) {
  text = trim(text);
  constexpr std::size_t n = 5;
  if (text.size() < n || !iequals(text.substr(text.size() - n), "track")) {
    return false;
  }
  return text.size() == n || is_blank_char(text[text.size() - n - 1]);
}

// Reads an unsigned number of at most `max_digits` digits from the front of `text`.
std::optional<int> take_number(std::string_view& text, std::size_t max_digits) {
  std::size_t n = 0;
  while (n < text.size() && text[n] >= '0' && text[n] <= '9') {
    ++n;
  }
  if (n == 0 || n > max_digits) {
    return std::nullopt;
  }
  int value = 0;
  std::from_chars(text.data(), text.data() + n, value);
  text.remove_prefix(n);
  return value;
}

void skip_blanks(std::string_view& text) {
  while (!text.empty() && is_blank_char(text.front())) {
    text.remove_prefix(1);
  }
}

// Removes a dash (any of k_dashes) or the word "to" from the front of `text`.
bool take_range_separator(std::string_view& text) {
  for (std::string_view dash : k_dashes) {
    if (text.starts_with(dash)) {
      text.remove_prefix(dash.size());
      return true;
    }
  }
  if (text.size() > 2 && iequals(text.substr(0, 2), "to") && is_blank_char(text[2])) {
    text.remove_prefix(2);
    return true;
  }
  return false;
}

bool is_year_unit(std::string_view unit) {
  if (unit.ends_with('.')) {
    unit.remove_suffix(1);
  }
  std::string lower = ascii_lower(unit);
  return lower.empty() || lower == "year" || lower == "years" || lower == "yr" || lower == "yrs" ||
         lower == "y";
}

std::optional<int> month_number(std::string_view word) {
  std::string lower = ascii_lower(word);
  if (lower.ends_with('.')) {
    lower.pop_back();
  }
  for (std::size_t i = 0; i < k_months.size(); ++i) {
    if (lower == k_months[i] || (lower.size() == 3 && k_months[i].starts_with(lower)) ||
        (lower == "sept" && i == 8)) {
      return static_cast<int>(i) + 1;
    }
  }
  return std::nullopt;
}

int days_in_month(int year, int month) {
  constexpr std::array<int, 12> k_days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : k_days[static_cast<std::size_t>(month - 1)];
}

std::optional<std::string> iso_date(std::optional<int> year, std::optional<int> month,
                                    std::optional<int> day) {
  if (!year || !month || !day || *year < 1000 || *month < 1 || *month > 12 || *day < 1 ||
      *day > days_in_month(*year, *month)) {
    return std::nullopt;
  }
  return fmt::format("{:04}-{:02}-{:02}", *year, *month, *day);
}

std::optional<int> whole_number(std::string_view text, std::size_t max_digits) {
  auto value = take_number(text, max_digits);
  return value && text.empty() ? value : std::nullopt;
}

// "December 17, 2019", "Dec 17 2019", "17 December 2019" or "2019-12-17".
std::optional<std::string> parse_date(std::string_view text) {
  std::vector<std::string_view> words = split_words(text);
  if (words.size() == 1 && words[0].size() == 10 && words[0][4] == '-' && words[0][7] == '-') {
    return iso_date(whole_number(words[0].substr(0, 4), 4), whole_number(words[0].substr(5, 2), 2),
                    whole_number(words[0].substr(8, 2), 2));
  }
  if (words.size() != 3) {
    return std::nullopt;
  }
  std::string_view first = words[0];
  std::string_view second = words[1];
  if (second.ends_with(',')) {
    second.remove_suffix(1);
  }
  if (auto month = month_number(first)) {
    return iso_date(whole_number(words[2], 4), month, whole_number(second, 2));
  }
  return iso_date(whole_number(words[2], 4), month_number(second), whole_number(first, 2));
}

}  // namespace

bool is_keyword(std::string_view text, std::string_view keyword) {
  text = trim(text);
  if (text.ends_with(':')) {
    text.remove_suffix(1);
  }
  return iequals(trim(text), keyword);
}

bool is_table_header(std::string_view text) {
  text = trim(text);
  if (text.size() < 5 || !iequals(text.substr(0, 5), "level")) {
    return false;
  }
  text.remove_prefix(5);
  skip_blanks(text);
  return text.starts_with('/');
}

std::optional<TrackHeader> parse_track_header(std::string_view text) {
  text = trim(text);
  if (ends_with_track_word(text)) {
    return TrackHeader{std::string(text), ""};
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_blank_char(text[i])) {
      continue;
    }
    std::string_view after = text.substr(i + 1);
    for (std::string_view dash : k_dashes) {
      if (after.starts_with(dash) && after.size() > dash.size() &&
          is_blank_char(after[dash.size()]) && ends_with_track_word(text.substr(0, i))) {
        std::string_view name = trim(after.substr(dash.size()));
        if (!name.empty()) {
          return TrackHeader{std::string(trim(text.substr(0, i))), std::string(name)};
        }
      }
    }
  }
  return std::nullopt;
}

model::Family family_of(std::string_view header) {
  for (std::string_view word : split_words(header)) {
    if (ascii_lower(word).starts_with("manage")) {
      return model::Family::manager;
    }
  }
  return model::Family::individual_contributor;
}

std::optional<GeneralLadderLine> parse_general_ladder(std::string_view text) {
  text = trim(text);
  constexpr std::string_view k_words = "general ladder";
  const std::string lower = ascii_lower(text);
  for (std::size_t pos = lower.find(k_words); pos != std::string::npos;
       pos = lower.find(k_words, pos + 1)) {
    std::size_t end = pos + k_words.size();
    bool starts_word = pos == 0 || is_blank_char(text[pos - 1]);
    bool ends_word = end == text.size() || is_blank_char(text[end]);
    if (starts_word && ends_word) {
      GeneralLadderLine line;
      line.organization = std::string(trim(text.substr(0, pos)));
      line.name = std::string(trim(text.substr(0, end)));
      for (std::string_view grade : split_words(text.substr(end))) {
        line.grades.emplace_back(grade);
      }
      return line;
    }
  }
  return std::nullopt;
}

std::optional<int> parse_positive_int(std::string_view text) {
  auto value = whole_number(text, 9);
  return value && *value >= 1 ? value : std::nullopt;
}

std::optional<std::vector<int>> parse_level_numbers(std::string_view text) {
  std::vector<int> numbers;
  std::size_t start = 0;
  for (;;) {
    std::size_t slash = text.find('/', start);
    auto number = parse_positive_int(trim(text.substr(start, slash - start)));
    if (!number || (!numbers.empty() && *number <= numbers.back())) {
      return std::nullopt;
    }
    numbers.push_back(*number);
    if (slash == std::string_view::npos) {
      return numbers;
    }
    start = slash + 1;
  }
}

std::optional<model::Experience> parse_experience(std::string_view text) {
  text = trim(text);
  model::Experience experience;
  auto min = take_number(text, 3);
  if (!min) {
    return std::nullopt;
  }
  experience.min_years = *min;
  skip_blanks(text);
  if (text.starts_with('+')) {
    text.remove_prefix(1);
  } else if (take_range_separator(text)) {
    skip_blanks(text);
    experience.max_years = take_number(text, 3);
    if (!experience.max_years) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  return is_year_unit(trim(text)) ? std::optional(experience) : std::nullopt;
}

bool is_written_on(std::string_view text) {
  constexpr std::string_view k_prefix = "written on ";
  text = trim(text);
  return text.size() > k_prefix.size() && ascii_lower(text.substr(0, k_prefix.size())) == k_prefix;
}

tl::expected<WrittenOn, std::string> parse_written_on(std::string_view text) {
  text = trim(text).substr(std::string_view("Written on ").size());
  const std::string lower = ascii_lower(text);
  std::size_t by = lower.find(" by ");
  WrittenOn result;
  auto date = parse_date(trim(text.substr(0, by)));
  if (!date) {
    return tl::unexpected(
        fmt::format("expected a date such as 'December 17, 2019' after 'Written on', found '{}'",
                    trim(text.substr(0, by))));
  }
  result.date = *date;
  if (by == std::string::npos) {
    return result;
  }
  std::string_view who = trim(text.substr(by + 4));
  std::size_t comma = who.find(',');
  model::Author author{std::string(trim(who.substr(0, comma))), ""};
  if (comma != std::string_view::npos) {
    author.role = std::string(trim(who.substr(comma + 1)));
  }
  if (author.name.empty()) {
    return tl::unexpected(std::string("expected the author's name after 'by'"));
  }
  result.author = std::move(author);
  return result;
}

}  // namespace rung::importer
