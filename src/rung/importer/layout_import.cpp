#include "rung/importer/layout_import.hpp"

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/importer/csv_table.hpp"
#include "rung/importer/markdown_import.hpp"
#include "rung/importer/table_import.hpp"
#include "rung/importer/text_lines.hpp"
#include "rung/importer/topics_import.hpp"
#include "rung/importer/xlsx_tables.hpp"

namespace rung::importer {

namespace {

constexpr std::string_view k_zip_signature = "PK\x03\x04";

tl::unexpected<Errors> one_error(Error error) {
  return tl::unexpected(Errors{std::move(error)});
}

// The plain-text checks with the layout's name in the message.
Result<void> check_layout_input(std::string_view input, const TextImportOptions& options,
                                std::string_view what) {
  auto checked = check_text_input(input, options.file_name, options.max_bytes);
  if (!checked) {
    Error error = std::move(checked).error();
    const std::string_view plain = "a plain-text ladder";
    if (auto at = error.message.find(plain); at != std::string::npos) {
      error.message.replace(at, plain.size(), what);
    }
    return tl::unexpected(std::move(error));
  }
  return {};
}

// "3 levels: swe-1 'Software Engineer I', swe-2 '...'"
Notes inferred_notes(const model::LadderData& ladder, Layout layout) {
  Notes notes;
  int levels = 0;
  int statements = 0;
  for (const auto& track : ladder.tracks) {
    std::vector<std::string> shown;
    for (const auto& level : track.levels) {
      ++levels;
      shown.push_back(fmt::format("{} '{}'", level.id, level.title));
      for (const auto& block : level.areas) {
        statements += static_cast<int>(block.statements.size());
      }
    }
    notes.push_back(Note{{},
                         fmt::format("inferred track '{}' ({}, {}): {}", track.name, track.id,
                                     model::to_string(track.family), join(shown))});
  }
  std::vector<std::string> areas;
  for (const auto& area : ladder.areas) {
    areas.push_back(fmt::format("{} '{}'", area.id, area.name));
  }
  notes.push_back(Note{{}, fmt::format("inferred areas: {}", join(areas))});
  notes.push_back(
      Note{{},
           fmt::format("read as {}: ladder '{}', {} track{}, {} level{}, {} "
                       "area{}, {} statement{}",
                       to_string(layout), ladder.meta.name, ladder.tracks.size(),
                       ladder.tracks.size() == 1 ? "" : "s", levels, levels == 1 ? "" : "s",
                       ladder.areas.size(), ladder.areas.size() == 1 ? "" : "s", statements,
                       statements == 1 ? "" : "s")});
  return notes;
}

Results<TextImport> import_csv(std::string_view input, const TextImportOptions& options) {
  if (auto checked = check_layout_input(input, options, "a CSV ladder"); !checked) {
    return one_error(std::move(checked).error());
  }
  auto table = read_csv_table(input, options.file_name);
  if (!table) {
    return one_error(std::move(table).error());
  }
  const std::string name = name_from_file(options.file_name);
  auto reading = read_table_document(*table, options.file_name, name);
  if (!reading) {
    return one_error(std::move(reading).error());
  }
  reading->doc.name = name;
  auto imported = import_document(reading->doc, options);
  if (imported) {
    imported->notes.insert(imported->notes.begin(), reading->notes.begin(), reading->notes.end());
  }
  return imported;
}

Results<TextImport> import_markdown_layout(std::string_view input,
                                           const TextImportOptions& options) {
  if (auto checked = check_layout_input(input, options, "a Markdown ladder"); !checked) {
    return one_error(std::move(checked).error());
  }
  auto reading = read_markdown_document(input, options.file_name);
  if (!reading) {
    return one_error(std::move(reading).error());
  }
  auto imported = import_document(reading->doc, options);
  if (imported) {
    imported->notes.insert(imported->notes.begin(), reading->notes.begin(), reading->notes.end());
  }
  return imported;
}

Results<TextImport> import_topics_layout(std::string_view input, const TextImportOptions& options) {
  if (auto checked = check_layout_input(input, options, "a YAML ladder"); !checked) {
    return one_error(std::move(checked).error());
  }
  RUNG_TRY_ASSIGN(TableReading reading, read_topics_document(input, options.file_name));
  auto imported = import_document(reading.doc, options);
  if (imported) {
    imported->notes.insert(imported->notes.begin(), reading.notes.begin(), reading.notes.end());
  }
  return imported;
}

Results<TextImport> import_xlsx(std::string_view input, const TextImportOptions& options) {
  if (input.empty()) {
    return one_error(Error{"import.empty", "the input is empty; expected an XLSX workbook",
                           Location{options.file_name}});
  }
  if (input.size() > options.max_bytes) {
    return one_error(Error{"import.too-large",
                           fmt::format("the input is {} bytes; the limit is {} bytes", input.size(),
                                       options.max_bytes),
                           Location{options.file_name}, "", ErrorKind::too_large});
  }
  auto tables = read_xlsx_tables(input, options.file_name);
  if (!tables) {
    return one_error(std::move(tables).error());
  }
  const std::string name = name_from_file(options.file_name);
  auto reading = read_workbook_document(*tables, options.file_name, name);
  if (!reading) {
    return one_error(std::move(reading).error());
  }
  reading->doc.name = name;
  auto imported = import_document(reading->doc, options);
  if (imported) {
    imported->notes.insert(imported->notes.begin(), reading->notes.begin(), reading->notes.end());
  }
  return imported;
}

bool is_heading_or_table_line(std::string_view line) {
  std::string_view t = trim(line);
  if (t.starts_with("|") && t.size() > 1) {
    return true;
  }
  std::size_t hashes = 0;
  while (hashes < t.size() && t[hashes] == '#') {
    ++hashes;
  }
  return hashes >= 1 && hashes <= 6 && hashes < t.size() && t[hashes] == ' ';
}

bool looks_like_topics_yaml(std::string_view input) {
  for (std::string_view raw : split_lines(input)) {
    std::string_view line = raw;
    if (trim(line).empty() || trim(line).starts_with("#") || trim(line) == "---") {
      continue;
    }
    if (line.front() == ' ' || line.front() == '\t' || line.front() == '-') {
      continue;
    }
    if (line.starts_with("topics:") || line.starts_with("themes:")) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<Layout> parse_layout(std::string_view name) {
  const std::string lower = ascii_lower(trim(name));
  if (lower == "md" || lower == "markdown") {
    return Layout::markdown;
  }
  if (lower == "yaml" || lower == "yml") {
    return Layout::yaml;
  }
  if (lower == "csv") {
    return Layout::csv;
  }
  if (lower == "xlsx") {
    return Layout::xlsx;
  }
  if (lower == "text" || lower == "txt") {
    return Layout::text;
  }
  return std::nullopt;
}

std::string_view to_string(Layout layout) {
  switch (layout) {
    case Layout::text:
      return "text";
    case Layout::csv:
      return "csv";
    case Layout::markdown:
      return "md";
    case Layout::yaml:
      return "yaml";
    case Layout::xlsx:
      return "xlsx";
  }
  return "text";
}

Layout detect_layout(std::string_view input) {
  if (input.starts_with(k_zip_signature)) {
    return Layout::xlsx;
  }
  if (input.starts_with("\xEF\xBB\xBF")) {
    input.remove_prefix(3);
  }
  if (looks_like_topics_yaml(input)) {
    return Layout::yaml;
  }
  for (std::string_view line : split_lines(input)) {
    if (is_heading_or_table_line(line)) {
      return Layout::markdown;
    }
  }
  if (looks_like_csv(input)) {
    return Layout::csv;
  }
  return Layout::text;
}

Results<LadderImport> import_ladder(std::string_view input, const TextImportOptions& options,
                                    std::optional<Layout> forced) {
  const Layout layout = forced ? *forced : detect_layout(input);
  Results<TextImport> imported = tl::unexpected(Errors{});
  switch (layout) {
    case Layout::text:
      return import_text_ladder(input, options).map([](TextImport result) {
        return LadderImport{std::move(result), Layout::text};
      });
    case Layout::csv:
      imported = import_csv(input, options);
      break;
    case Layout::markdown:
      imported = import_markdown_layout(input, options);
      break;
    case Layout::yaml:
      imported = import_topics_layout(input, options);
      break;
    case Layout::xlsx:
      imported = import_xlsx(input, options);
      break;
  }
  if (!imported) {
    return tl::unexpected(std::move(imported).error());
  }
  if (imported->ladder.areas.empty()) {
    return one_error(Error{"import.no-statements",
                           "the document names levels but no statements under any of them",
                           Location{options.file_name},
                           "give each level its statements; docs/import.md shows each layout"});
  }
  Notes inferred = inferred_notes(imported->ladder, layout);
  imported->notes.insert(imported->notes.end(), inferred.begin(), inferred.end());
  return LadderImport{std::move(*imported), layout};
}

}  // namespace rung::importer
