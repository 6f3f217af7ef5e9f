#include "rung/export/exporter.hpp"

#include <array>

#include "rung/core/fs.hpp"
#include "rung/export/csv.hpp"
#include "rung/export/markdown.hpp"
#include "rung/export/xlsx.hpp"
#include "rung/format/ladder_json.hpp"
#include "rung/format/ladder_yaml.hpp"
#include "rung/html/static_site.hpp"

namespace rung::exports {

namespace {

std::string render_json(const model::Ladder& ladder, const Options& /*options*/) {
  return format::to_json(ladder.data()).dump(2) + "\n";
}

std::string render_yaml(const model::Ladder& ladder, const Options& /*options*/) {
  return format::to_yaml(ladder.data());
}

// The static site uses the web server's templates (html/static_site.hpp) and writes a directory.
Result<void> write_html_site(const model::Ladder& ladder, const Options& /*options*/,
                             const std::filesystem::path& path) {
  return html::write_static_site(ladder, path);
}

}  // namespace

std::span<const Exporter> exporters() {
  static const std::array table{
      Exporter{"md", "Markdown: one page with the overview and a section per level", to_markdown,
               nullptr},
      Exporter{"json", "JSON: the ladder model, same keys as the YAML format", render_json,
               nullptr},
      Exporter{"yaml", "YAML: the ladder file format (rung/ladder/v1)", render_yaml, nullptr},
      Exporter{"csv", "CSV: one row per statement (RFC 4180)", to_csv, nullptr},
      Exporter{"xlsx", "Excel workbook: overview, a sheet per track, areas x levels matrix",
               nullptr, write_xlsx},
      Exporter{"html", "Static HTML site in a directory, readable from disk with no server",
               nullptr, write_html_site},
  };
  return table;
}

const Exporter* find_exporter(std::string_view name) {
  for (const Exporter& exporter : exporters()) {
    if (exporter.name == name) {
      return &exporter;
    }
  }
  return nullptr;
}

Result<void> export_to_file(const Exporter& exporter, const model::Ladder& ladder,
                            const Options& options, const std::filesystem::path& path) {
  if (exporter.render != nullptr) {
    return write_file_atomic(path, exporter.render(ladder, options));
  }
  return exporter.write(ladder, options, path);
}

}  // namespace rung::exports
