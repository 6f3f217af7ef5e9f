#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"

// The export subsystem lives in src/rung/export/ but its namespace is rung::exports, because
// `export` is a C++ keyword.
namespace rung::exports {

// Choices that apply to some formats; the others ignore them.
struct Options {
  bool byte_order_mark = false;  // csv: start with a UTF-8 byte order mark for Excel (default off)
  // csv: write every cell exactly as in the ladder, even one a spreadsheet would run as a
  // formula (default off: such cells get a leading apostrophe, see spreadsheet_safe). XLSX needs
  // no such choice: its cells are typed text in the Text number format, lossless and inert.
  bool lossless = false;
};

// Renders a format as one text in memory; the caller prints it or writes it to a file.
using RenderText = std::string (*)(const model::Ladder& ladder, const Options& options);

// Writes a format to `path` itself (a binary file, a directory of files). Must be
// all-or-nothing: on failure nothing is left at `path` and an existing target is unchanged.
using WriteFile = Result<void> (*)(const model::Ladder& ladder, const Options& options,
                                   const std::filesystem::path& path);

// One export format. Exactly one of `render` and `write` is set.
struct Exporter {
  std::string_view name;         // the --format value: "md", "csv", "xlsx"
  std::string_view description;  // one line for `rung export --help`
  RenderText render = nullptr;   // a text format: can go to standard output
  WriteFile write = nullptr;     // a file format: needs a path
};

// Every format in the order `rung export --help` lists them. Adding a format is one line in
// this table (export/exporter.cpp).
std::span<const Exporter> exporters();

// The exporter called `name`, or nullptr.
const Exporter* find_exporter(std::string_view name);

// Writes the exporter's output for `ladder` to `path` all-or-nothing (text formats through
// core/fs.hpp write_file_atomic). Errors: "file.unwritable" with the message
// "cannot write 'PATH': <reason>"; the exporter's own errors for file formats.
Result<void> export_to_file(const Exporter& exporter, const model::Ladder& ladder,
                            const Options& options, const std::filesystem::path& path);

}  // namespace rung::exports
