#include "rung/people/csv.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rung/core/fs.hpp"
#include "rung/core/text.hpp"

namespace rung::people {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_save_as =
    "save the sheet as \"CSV UTF-8 (comma delimited)\" and import that file";

bool is_line_end(char c) {
  return c == '\n' || c == '\r';
}

// Recognises what is plainly not CSV text, before trying to read it as such.
std::optional<Error> check_not_binary(std::string_view text, const Location& start) {
  auto binary = [&](std::string message) {
    return Error{"csv.binary", std::move(message), start, std::string(k_save_as)};
  };
  if (text.starts_with("PK\x03\x04") || text.starts_with("\xD0\xCF\x11\xE0")) {
    return binary("this is a spreadsheet workbook (Excel or similar), not CSV text");
  }
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    return binary("this text is UTF-16; rung reads CSV in UTF-8");
  }
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    const auto lines =
        std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n');
    Location where = start;
    where.line = static_cast<int>(lines) + 1;
    return Error{"csv.binary", fmt::format("a NUL byte at offset {}: this is not a text file", nul),
                 where, std::string(k_save_as)};
  }
  return std::nullopt;
}

// Reads records one at a time, counting rows as a spreadsheet does.
class Reader {
 public:
  Reader(std::string_view text, std::string_view file, Errors& errors)
      : m_text(text), m_file(file), m_errors(errors) {}

  bool done() const { return m_pos >= m_text.size(); }
  int row() const { return m_row; }

  // The fields of the next record (starting at row()); an empty line gives one empty field.
  std::vector<std::string> next() {
    std::vector<std::string> fields;
    const int row = m_row;
    while (true) {
      fields.emplace_back();
      const bool more = m_pos < m_text.size() && m_text[m_pos] == '"'
                            ? quoted(fields.back(), row, fields.size())
                            : unquoted(fields.back());
      if (!more) {
        break;
      }
    }
    ++m_row;
    return fields;
  }

  void error(std::string code, std::string message, int row) {
    m_errors.push_back(Error{std::move(code), std::move(message), Location{m_file, row, 0}, {}});
  }

 private:
  // Reads up to the end of the field; true when another field follows on this record.
  bool unquoted(std::string& field) {
    const std::size_t start = m_pos;
    while (m_pos < m_text.size() && m_text[m_pos] != ',' && !is_line_end(m_text[m_pos])) {
      ++m_pos;
    }
    field.assign(m_text.substr(start, m_pos - start));
    return after_field();
  }

  bool quoted(std::string& field, int row, std::size_t number) {
    ++m_pos;
    while (true) {
      const std::size_t quote = m_text.find('"', m_pos);
      if (quote == std::string_view::npos) {
        error("csv.unterminated-quote",
              fmt::format("field {} opens a quote that is never closed", number), row);
        m_pos = m_text.size();
        return false;
      }
      field.append(m_text.substr(m_pos, quote - m_pos));
      m_pos = quote + 1;
      if (m_pos < m_text.size() && m_text[m_pos] == '"') {
        field.push_back('"');
        ++m_pos;
        continue;
      }
      break;
    }
    if (m_pos < m_text.size() && m_text[m_pos] != ',' && !is_line_end(m_text[m_pos])) {
      error("csv.text-after-quote",
            fmt::format("field {} has text after its closing quote (write \"\" for a quote "
                        "inside a quoted field)",
                        number),
            row);
      while (m_pos < m_text.size() && m_text[m_pos] != ',' && !is_line_end(m_text[m_pos])) {
        ++m_pos;
      }
    }
    return after_field();
  }

  // At a comma, a line end or the end of the text: steps over it.
  bool after_field() {
    if (m_pos >= m_text.size()) {
      return false;
    }
    if (m_text[m_pos] == ',') {
      ++m_pos;
      return true;
    }
    if (m_text[m_pos] == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n') {
      ++m_pos;
    }
    ++m_pos;
    return false;
  }

  std::string_view m_text;
  std::string m_file;
  Errors& m_errors;
  std::size_t m_pos = 0;
  int m_row = 1;
};

bool is_blank(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(),
                     [](const std::string& field) { return trim(field).empty(); });
}

void check_utf8(Reader& reader, const std::vector<std::string>& fields, int row) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (auto at = find_invalid_utf8(fields[i])) {
      reader.error(
          "csv.invalid-utf8",
          fmt::format("field {} is not valid UTF-8 (byte {} of the field)", i + 1, *at + 1), row);
      return;
    }
  }
}

}  // namespace

Results<CsvTable> read_csv(std::string_view text, std::string_view file,
                           const CsvOptions& options) {
  const Location start{std::string(file), 1, 0};
  if (text.size() > options.max_bytes) {
    return tl::unexpected(Errors{
        Error{"csv.too-large",
              fmt::format("the file has {} bytes; the limit is {}", text.size(), options.max_bytes),
              start,
              {},
              ErrorKind::too_large}});
  }
  if (auto error = check_not_binary(text, start)) {
    return tl::unexpected(Errors{*error});
  }
  if (text.starts_with(k_bom)) {
    text.remove_prefix(k_bom.size());
  }
  CsvTable table;
  table.file = std::string(file);
  Errors errors;
  Reader reader(text, file, errors);
  while (!reader.done() && errors.size() < options.max_errors) {
    const int row = reader.row();
    auto fields = reader.next();
    if (is_blank(fields)) {
      continue;
    }
    check_utf8(reader, fields, row);
    if (table.header.empty()) {
      for (auto& field : fields) {
        field = std::string(trim(field));
      }
      table.header = std::move(fields);
      continue;
    }
    if (fields.size() != table.header.size()) {
      reader.error(
          "csv.field-count",
          fmt::format("{} fields where the header has {} (too {})", fields.size(),
                      table.header.size(), fields.size() > table.header.size() ? "many" : "few"),
          row);
      continue;
    }
    table.rows.push_back(CsvRow{row, std::move(fields)});
  }
  if (!reader.done() && errors.size() >= options.max_errors) {
    reader.error("csv.too-many-errors",
                 fmt::format("stopped reading after {} problems", options.max_errors),
                 reader.row());
  }
  if (errors.empty() && table.header.empty()) {
    errors.push_back(Error{"csv.empty", "the file has no header row (it is empty)", start,
                           "the first row must name the columns: Name, Email, Level, ..."});
  }
  if (!errors.empty()) {
    return tl::unexpected(std::move(errors));
  }
  return table;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      out += fmt::format("\\x{:02x}", byte);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Results<CsvTable> read_csv_file(const std::filesystem::path& path, const CsvOptions& options) {
  auto text = read_file(path, ReadOptions{options.max_bytes});
  if (!text) {
    return tl::unexpected(Errors{text.error()});
  }
  return read_csv(*text, path.string(), options);
}

}  // namespace rung::people
