#include "rung/assess/ratings_text.hpp"

#include <map>
#include <vector>

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::assess {

namespace {

// One side of a "key: value" line with the 1-based column it starts at.
struct Field {
  std::string_view text;
  int column = 0;
};

Field field(std::string_view line, std::size_t begin, std::size_t end) {
  const std::string_view raw = line.substr(begin, end - begin);
  const std::string_view trimmed = trim(raw);
  const std::size_t lead =
      trimmed.empty() ? 0 : static_cast<std::size_t>(trimmed.data() - raw.data());
  return Field{trimmed, static_cast<int>(begin + lead + 1)};
}

class Parser {
 public:
  Parser(std::string_view file_name, const model::Ladder& ladder)
      : m_file(file_name), m_ladder(ladder) {}

  void line(std::string_view text, int number) {
    const std::string_view content = trim(text);
    if (content.empty() || content.front() == '#') {
      return;
    }
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos) {
      bad_line("no ':' between statement id and rating", number,
               field(text, 0, text.size()).column);
      return;
    }
    const Field id = field(text, 0, colon);
    const Field rating = field(text, colon + 1, text.size());
    if (id.text.empty()) {
      bad_line("no statement id before ':'", number, static_cast<int>(colon) + 1);
    } else if (rating.text.empty()) {
      bad_line("no rating after ':'", number, static_cast<int>(colon) + 2);
    } else {
      rate(id, rating, number);
    }
  }

  Results<Ratings> finish() {
    if (!m_errors.empty()) {
      return tl::unexpected(std::move(m_errors));
    }
    return std::move(m_ratings);
  }

 private:
  void rate(const Field& id, const Field& rating, int number) {
    const std::string key(id.text);
    if (auto first = m_lines.find(key); first != m_lines.end()) {
      add("assess.duplicate-rating", fmt::format("statement '{}' is rated twice", key), number,
          id.column, fmt::format("it is first rated on line {}", first->second));
      return;
    }
    m_lines.emplace(key, number);
    bool good = true;
    if (m_ladder.find_statement(key) == nullptr) {
      add_unknown_statement(key, number, id.column);
      good = false;
    }
    if (auto checked = check_scale_point(m_ladder, rating.text); !checked) {
      add(checked.error().code, checked.error().message, number, rating.column,
          checked.error().hint);
      good = false;
    }
    if (good) {
      m_ratings.emplace(key, std::string(rating.text));
    }
  }

  void bad_line(std::string_view what, int number, int column) {
    add("assess.bad-line", fmt::format("{}; expected 'statement-id: rating'", what), number, column,
        "e.g. 'swe-2-role-1: consistently'; '#' starts a comment line");
  }

  void add_unknown_statement(const std::string& key, int number, int column) {
    if (m_statement_ids.empty()) {
      for (const std::string& level_id : m_ladder.level_ids()) {
        const std::vector<std::string> ids =
            statement_ids_of(m_ladder, *m_ladder.find_level(level_id));
        m_statement_ids.insert(m_statement_ids.end(), ids.begin(), ids.end());
      }
    }
    // A "did you mean" for the first unknown ids only: a file that is not a ratings file at all
    // (thousands of lines) would otherwise cost one comparison with every statement per line.
    std::string hint;
    if (m_hints_left > 0) {
      --m_hints_left;
      if (auto close = closest_match(key, m_statement_ids)) {
        hint = fmt::format("did you mean '{}'?", *close);
      }
    }
    add("assess.unknown-statement", fmt::format("no statement '{}' in the ladder", key), number,
        column, std::move(hint));
  }

  void add(std::string code, std::string message, int line, int column, std::string hint) {
    m_errors.push_back(Error{std::move(code), std::move(message),
                             Location{std::string(m_file), line, column}, std::move(hint)});
  }

  std::string_view m_file;
  const model::Ladder& m_ladder;
  Ratings m_ratings;
  std::map<std::string, int, std::less<>> m_lines;
  std::vector<std::string> m_statement_ids;
  int m_hints_left = 20;
  Errors m_errors;
};

}  // namespace

Results<Ratings> parse_ratings(std::string_view text, std::string_view file_name,
                               const model::Ladder& ladder) {
  Parser parser(file_name, ladder);
  int number = 0;
  for (std::string_view line : split_lines(text)) {
    parser.line(line, ++number);
  }
  return parser.finish();
}

std::string ratings_to_text(const Ratings& ratings) {
  std::string out;
  for (const auto& [statement_id, scale_id] : ratings) {
    out += fmt::format("{}: {}\n", statement_id, scale_id);
  }
  return out;
}

}  // namespace rung::assess
