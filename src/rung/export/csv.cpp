#include "rung/export/csv.hpp"

#include "rung/export/views.hpp"

namespace rung::exports {

namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_row_end = "\r\n";

bool needs_quotes(std::string_view text) {
  if (text.find_first_of(",\"\r\n") != std::string_view::npos) {
    return true;
  }
  return !text.empty() && (text.front() == ' ' || text.back() == ' ');
}

void append_row(std::string& out, const StatementRow& row, bool lossless) {
  const std::string_view fields[] = {
      row.track->id,       row.level->id,
      row.level->grade,    row.level->title,
      row.area_id,         row.statement->id,
      row.statement->text, row.shared() ? std::string_view(row.holder->id) : std::string_view(),
  };
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) {
      out += ',';
    }
    first = false;
    out += lossless ? csv_field(field) : csv_field(spreadsheet_safe(field));
  }
  out += k_row_end;
}

}  // namespace

bool spreadsheet_risky(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

std::string spreadsheet_safe(std::string_view text) {
  if (!spreadsheet_risky(text)) {
    return std::string(text);
  }
  std::string out = "'";
  out += text;
  return out;
}

std::string csv_field(std::string_view text) {
  if (!needs_quotes(text)) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (char c : text) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  out += '"';
  return out;
}

std::string to_csv(const model::Ladder& ladder, const Options& options) {
  std::string out;
  if (options.byte_order_mark) {
    out += k_utf8_bom;
  }
  out += k_csv_header;
  out += k_row_end;
  for (const StatementRow& row : statement_rows(ladder)) {
    append_row(out, row, options.lossless);
  }
  return out;
}

}  // namespace rung::exports
