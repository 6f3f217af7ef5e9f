#include "rung/importer/csv_table.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::importer {

namespace {

constexpr std::string_view k_csv_bom = "\xEF\xBB\xBF";

bool is_utf8_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The delimiter of the first row: the most frequent of ',', ';' and tab outside quotes.
char guess_delimiter(std::string_view text) {
  std::array<int, 3> counts{};
  constexpr std::array<char, 3> k_candidates{',', ';', '\t'};
  bool quoted = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && (c == '\n' || c == '\r')) {
      break;
    } else if (!quoted) {
      for (std::size_t i = 0; i < k_candidates.size(); ++i) {
        counts[i] += c == k_candidates[i] ? 1 : 0;
      }
    }
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < counts.size(); ++i) {
    if (counts[i] > counts[best]) {
      best = i;
    }
  }
  return k_candidates[best];
}

// Walks CSV text one character at a time, keeping line and column.
class CsvReader {
 public:
  CsvReader(std::string_view text, std::string_view file_name)
      : m_text(text), m_file(file_name), m_delimiter(guess_delimiter(text)) {}

  Result<Table> run() {
    Table table;
    TableRow row;
    while (m_at < m_text.size() || !row.empty()) {
      Cell cell;
      cell.loc = {m_line, m_column};
      RUNG_TRY(read_field(cell.text));
      row.push_back(std::move(cell));
      if (m_at < m_text.size() && m_text[m_at] == m_delimiter) {
        advance();
        if (m_at >= m_text.size()) {
          row.push_back(Cell{"", {m_line, m_column}});
        } else {
          continue;
        }
      }
      const model::SourceLoc end{m_line, m_column};
      skip_line_end();
      bool blank = true;
      for (const Cell& c : row) {
        blank = blank && trim(c.text).empty();
      }
      if (!blank) {
        table.rows.push_back(std::move(row));
        table.row_ends.push_back(end);
      }
      row.clear();
    }
    return table;
  }

 private:
  void advance() {
    const char c = m_text[m_at++];
    if (c == '\n' || (c == '\r' && (m_at >= m_text.size() || m_text[m_at] != '\n'))) {
      ++m_line;
      m_column = 1;
    } else if (c != '\r' && !is_utf8_continuation(c)) {
      ++m_column;
    }
  }

  bool at_row_end() const {
    return m_at >= m_text.size() || m_text[m_at] == '\n' || m_text[m_at] == '\r';
  }

  void skip_line_end() {
    if (m_at < m_text.size() && m_text[m_at] == '\r') {
      advance();
    }
    if (m_at < m_text.size() && m_text[m_at] == '\n') {
      advance();
    }
  }

  Result<void> read_field(std::string& out) {
    if (m_at < m_text.size() && m_text[m_at] == '"') {
      const Location opening{std::string(m_file), m_line, m_column};
      advance();
      for (;;) {
        if (m_at >= m_text.size()) {
          return fail(
              "import.csv-quote", "this quoted field never ends", opening,
              "a field that starts with \" ends with \"; a quote inside it is written \"\"");
        }
        if (m_text[m_at] == '"') {
          if (m_at + 1 < m_text.size() && m_text[m_at + 1] == '"') {
            out += '"';
            advance();
            advance();
            continue;
          }
          advance();
          break;
        }
        out += m_text[m_at];
        advance();
      }
      if (!at_row_end() && m_text[m_at] != m_delimiter) {
        return fail(
            "import.csv-quote",
            fmt::format("text after the closing quote of a field (delimiter '{}')",
                        m_delimiter == '\t' ? std::string("tab") : std::string(1, m_delimiter)),
            Location{std::string(m_file), m_line, m_column},
            "put the whole field in quotes, and write a quote inside it as \"\"");
      }
      return {};
    }
    while (!at_row_end() && m_text[m_at] != m_delimiter) {
      out += m_text[m_at];
      advance();
    }
    return {};
  }

  std::string_view m_text;
  std::string_view m_file;
  char m_delimiter;
  std::size_t m_at = 0;
  int m_line = 1;
  int m_column = 1;
};

}  // namespace

Result<Table> read_csv_table(std::string_view text, std::string_view file_name) {
  if (text.starts_with(k_csv_bom)) {
    text.remove_prefix(k_csv_bom.size());
  }
  return CsvReader(text, file_name).run();
}

bool looks_like_csv(std::string_view text) {
  // The first two lines with the same number (one or more) of one delimiter: CSV, even when a
  // later row is ragged or a quote never ends (the reader then says where).
  std::vector<std::string_view> lines;
  for (std::string_view line : split_lines(text.substr(0, 4096))) {
    if (!trim(line).empty()) {
      lines.push_back(line);
    }
    if (lines.size() == 2) {
      break;
    }
  }
  if (lines.size() == 2) {
    for (char delimiter : {',', ';', '\t'}) {
      const auto first = std::count(lines[0].begin(), lines[0].end(), delimiter);
      if (first >= 1 && first == std::count(lines[1].begin(), lines[1].end(), delimiter)) {
        return true;
      }
    }
  }
  auto table = read_csv_table(text, "");
  if (!table || table->rows.size() < 2 || table->rows.front().size() < 2) {
    return false;
  }
  const std::size_t width = table->rows.front().size();
  const std::size_t check = std::min<std::size_t>(table->rows.size(), 5);
  for (std::size_t r = 1; r < check; ++r) {
    if (table->rows[r].size() != width) {
      return false;
    }
  }
  return true;
}

}  // namespace rung::importer
