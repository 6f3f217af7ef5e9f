#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/ladder_source.hpp"
#include "rung/export/exporter.hpp"

namespace rung::cli {

namespace {

struct ExportOptions {
  std::string ladder_path;  // --ladder: ladder file; built-in ladder when empty
  std::string format;       // --format: a name from exports::exporters() (required)
  std::string output;       // -o: where to write; standard output when empty (text formats)
  bool bom = false;         // --bom: CSV starts with a UTF-8 byte order mark
  bool lossless = false;    // --lossless: CSV cells exactly as in the ladder, formulas and all
};

Outcome run_export(const ExportOptions& options, Io io) {
  const exports::Exporter* exporter = exports::find_exporter(options.format);
  if (exporter == nullptr) {
    return fail("cli.usage", fmt::format("no export format '{}'", options.format));
  }
  if (options.bom && options.format != "csv") {
    return fail("cli.usage", "--bom applies to --format csv only");
  }
  if (options.lossless && options.format != "csv") {
    return fail("cli.usage",
                "--lossless applies to --format csv only: the other formats keep every text "
                "as it is");
  }
  if (options.output.empty() && exporter->render == nullptr) {
    return fail("cli.usage",
                fmt::format("--format {} writes a file, not text: give -o PATH", exporter->name));
  }
  RUNG_TRY_ASSIGN(const model::Ladder ladder, open_ladder(options.ladder_path));
  const exports::Options export_options{.byte_order_mark = options.bom,
                                        .lossless = options.lossless};
  if (options.output.empty()) {
    io.out << exporter->render(ladder, export_options);
    return k_exit_ok;
  }
  RUNG_TRY(exports::export_to_file(*exporter, ladder, export_options, options.output));
  return k_exit_ok;
}

std::string formats_footer() {
  std::string out = "Formats:\n";
  for (const exports::Exporter& exporter : exports::exporters()) {
    out += fmt::format("  {:<6} {}{}\n", exporter.name, exporter.description,
                       exporter.render == nullptr ? " (needs -o)" : "");
  }
  out +=
      "\nExamples:\n"
      "  rung export --format md -o ladder.md\n"
      "  rung export --format csv --bom -o ladder.csv     for Excel\n"
      "  rung export --format csv --lossless -o ladder.csv  to import it again unchanged\n"
      "  rung export --format xlsx -o ladder.xlsx\n"
      "  rung export --format json --ladder my-ladder.yaml | jq .tracks[0].name\n"
      "\nCSV cells that start with = + - @, a tab or a carriage return get a leading\n"
      "apostrophe, so that a spreadsheet shows them instead of running them as formulas;\n"
      "--lossless writes them as they are. XLSX cells are typed text: never run, never changed.\n"
      "\nThe file is written all-or-nothing: on any error nothing is left at PATH.\n"
      "Formats are described in docs/export.md.";
  return out;
}

}  // namespace

Handler setup_export(CLI::App& sub, Io io) {
  auto options = std::make_shared<ExportOptions>();
  std::vector<std::string> names;
  for (const exports::Exporter& exporter : exports::exporters()) {
    names.emplace_back(exporter.name);
  }
  sub.add_option("--format", options->format, "Output format")
      ->required()
      ->check(CLI::IsMember(names))
      ->option_text(fmt::format("{}", fmt::join(names, "|")));
  sub.add_option("-o,--output", options->output,
                 "File to write (default: standard output, for text formats)")
      ->option_text("PATH");
  add_ladder_option(sub, options->ladder_path);
  sub.add_flag("--bom", options->bom,
               "CSV only: start with a UTF-8 byte order mark so that Excel reads UTF-8");
  sub.add_flag("--lossless", options->lossless,
               "CSV only: write cells that start with = + - @ as they are (for a round trip), "
               "not guarded against spreadsheet formulas");
  sub.footer(formats_footer());
  return [options, io] { return run_export(*options, io); };
}

}  // namespace rung::cli
