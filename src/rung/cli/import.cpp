#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/ladder_source.hpp"
#include "rung/core/fs.hpp"
#include "rung/format/ladder_yaml.hpp"
#include "rung/importer/layout_import.hpp"
#include "rung/importer/text_import.hpp"

namespace rung::cli {

namespace {

namespace fs = std::filesystem;

// The comment the imported YAML starts with; the same on every run so that a re-import of an
// unchanged document reproduces the file byte for byte.
constexpr std::string_view k_header =
    "Imported by 'rung import' from a plain-text ladder (docs/import-text.md).\n"
    "Edit refs, grades, scale, readiness and lint here: a re-import keeps them, and keeps\n"
    "every id, when it reads this file with --ids-from (the default for -o).";

std::string header_for(importer::Layout layout) {
  if (layout == importer::Layout::text) {
    return std::string(k_header);
  }
  constexpr std::string_view k_names[] = {"a plain-text", "a CSV", "a Markdown", "a YAML topics",
                                          "an XLSX"};
  return fmt::format(
      "Imported by 'rung import' from {} ladder (docs/import.md).\n"
      "Edit names, refs, grades, scale, readiness and lint here: a re-import keeps them, and\n"
      "keeps every id, when it reads this file with --ids-from (the default for -o).",
      k_names[static_cast<int>(layout)]);
}

struct ImportOptions {
  std::string input;                   // FILE: the ladder document
  std::string from;                    // --from: md, yaml, csv, xlsx or text; from the content
  std::string output;                  // -o: YAML file to write; stdout when empty
  std::string ids_from;                // --ids-from: previous ladder file; default: -o if it exists
  std::vector<std::string> track_ids;  // --track-id NAME=ID
  std::vector<std::string> area_ids;   // --area-id NAME=ID
};

Results<std::vector<importer::NamedId>> named_ids(const std::vector<std::string>& values,
                                                  std::string_view flag) {
  std::vector<importer::NamedId> ids;
  Errors errors;
  for (const auto& value : values) {
    auto named = importer::parse_named_id(value);
    if (named) {
      ids.push_back(*named);
    } else {
      named.error().message = fmt::format("{}: {}", flag, named.error().message);
      errors.push_back(named.error());
    }
  }
  if (!errors.empty()) {
    return tl::unexpected(std::move(errors));
  }
  return ids;
}

// The previous ladder whose ids the import keeps: --ids-from, else the output file when it
// exists, else none.
Results<std::optional<model::LadderData>> previous_ladder(const ImportOptions& options,
                                                          std::string& path) {
  path = options.ids_from;
  if (path.empty() && !options.output.empty() && fs::exists(options.output)) {
    path = options.output;
  }
  if (path.empty()) {
    return std::optional<model::LadderData>();
  }
  auto loaded = format::load_ladder_file(path);
  if (!loaded) {
    Errors errors = std::move(loaded).error();
    errors.push_back(Error{
        "import.previous-unreadable",
        fmt::format("cannot keep the ids of '{}'{}: it is not a usable ladder file", path,
                    options.ids_from.empty() ? " (the existing output file)" : ""),
        Location{path},
        "fix it, name another file with --ids-from, or remove it for an import with fresh ids"});
    return tl::unexpected(std::move(errors));
  }
  return std::optional<model::LadderData>(std::move(*loaded));
}

std::string summary_line(const importer::TextImport& result, const std::string& previous) {
  const auto& s = result.summary;
  int total = s.kept + s.reworded + s.added;
  if (previous.empty()) {
    return fmt::format("rung import: {} statements, all new (no previous ladder file)", total);
  }
  return fmt::format(
      "rung import: {} statements: {} kept, {} reworded, {} new, {} removed "
      "(ids from {})",
      total, s.kept, s.reworded, s.added, s.removed, previous);
}

Results<importer::LadderImport> run_import(const ImportOptions& options, std::string& previous_path,
                                           std::optional<model::LadderData>& previous) {
  importer::TextImportOptions import_options;
  import_options.file_name = options.input;
  RUNG_TRY_ASSIGN(import_options.track_ids, named_ids(options.track_ids, "--track-id"));
  RUNG_TRY_ASSIGN(import_options.area_ids, named_ids(options.area_ids, "--area-id"));
  auto text = read_file(options.input, ReadOptions{import_options.max_bytes});
  if (!text) {
    return tl::unexpected(Errors{text.error()});
  }
  RUNG_TRY_ASSIGN(previous, previous_ladder(options, previous_path));
  import_options.previous = previous ? &*previous : nullptr;
  std::optional<importer::Layout> layout;
  if (!options.from.empty()) {
    layout = importer::parse_layout(options.from);
    if (!layout) {
      return tl::unexpected(Errors{Error{"import.bad-option",
                                         fmt::format("--from '{}' is not a layout", options.from),
                                         {},
                                         "use md, yaml, csv, xlsx or text"}});
    }
  }
  return importer::import_ladder(*text, import_options, layout);
}

Outcome import_command(const ImportOptions& options, Io io) {
  std::string previous_path;
  std::optional<model::LadderData> previous;
  auto result = run_import(options, previous_path, previous);
  if (!result) {
    return tl::unexpected(Failure(std::move(result).error(), "rung import: nothing written"));
  }
  const std::string yaml = format::to_yaml(result->result.ladder, {header_for(result->layout)});
  if (options.output.empty()) {
    io.out << yaml;
  } else {
    RUNG_TRY(write_file_atomic(options.output, yaml));
  }
  for (const auto& note : result->result.notes) {
    io.err << note.to_string() << '\n';
  }
  io.err << summary_line(result->result, previous_path) << '\n';
  return k_exit_ok;
}

}  // namespace

Handler setup_import(CLI::App& sub, Io io) {
  auto options = std::make_shared<ImportOptions>();
  sub.add_option("FILE", options->input,
                 "The ladder to import: plain text, CSV, Markdown or YAML topics")
      ->required();
  sub.add_option("--from", options->from,
                 "Read FILE in this layout: md, yaml, csv, xlsx or text (default: recognised "
                 "from the content)")
      ->option_text("LAYOUT");
  sub.add_option("-o,--output", options->output,
                 "Write the ladder YAML here (all or nothing); stdout when omitted")
      ->option_text("OUT");
  sub.add_option("--ids-from", options->ids_from,
                 "Keep the ids, refs, grades, scale, readiness and lint settings of this ladder "
                 "file (default: OUT when it exists)")
      ->option_text("FILE");
  sub.add_option("--track-id", options->track_ids, "Id for the track with this name (repeatable)")
      ->option_text("NAME=ID");
  sub.add_option("--area-id", options->area_ids, "Id for the area with this name (repeatable)")
      ->option_text("NAME=ID");
  sub.footer(
      "Examples:\n"
      "  rung import ladder.txt                          print the ladder as YAML\n"
      "  rung import ladder.txt -o ladders/mine.yaml     write it; a re-import keeps its ids\n"
      "  rung import ladder.csv -o ladders/mine.yaml     a spreadsheet: rows or a grid\n"
      "  rung import --from md handbook.txt              force a layout\n"
      "  rung import ladder.txt --track-id 'Software Engineer=swe' --area-id "
      "'Communication=comm'");
  return [options, io] { return import_command(*options, io); };
}

}  // namespace rung::cli
