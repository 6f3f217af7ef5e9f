// The ladder as files people write: ladder YAML (with its round trip) and the plain-text import.
#include <string>
#include <string_view>

#include "rung/format/ladder_yaml.hpp"
#include "rung/importer/layout_import.hpp"
#include "rung/importer/text_import.hpp"
#include "rung/model/validate.hpp"

#include "../targets.hpp"

namespace rung::fuzz {

// A ladder that loads is written back to YAML, and that YAML loads again to the same ladder.
void ladder_yaml(const std::uint8_t* data, std::size_t size) {
  format::LoadOptions options;
  options.max_elements = 20000;
  auto loaded = format::parse_ladder_yaml(as_text(data, size), "fuzz.yaml", options);
  if (!loaded) {
    check(!loaded.error().empty(), "a refused ladder says why");
    return;
  }
  const std::string written = format::to_yaml(*loaded);
  auto again = format::parse_ladder_yaml(written, "again.yaml", options);
  check(again.has_value(), "the YAML rung writes loads again");
  model::strip_locations(*loaded);
  model::strip_locations(*again);
  check(*loaded == *again, "a ladder survives its YAML round trip");
}

// An import gives a ladder that passes validation (import_text_ladder promises it) and whose
// YAML loads.
void import_text(const std::uint8_t* data, std::size_t size) {
  importer::TextImportOptions options;
  options.file_name = "fuzz.txt";
  auto imported = importer::import_text_ladder(as_text(data, size), options);
  if (!imported) {
    check(!imported.error().empty(), "a refused import says why");
    return;
  }
  check(model::validate(imported->ladder).empty(), "an imported ladder validates");
  check(format::parse_ladder_yaml(format::to_yaml(imported->ladder), "import.yaml").has_value(),
        "an imported ladder's YAML loads");
}

// The other layouts (CSV, Markdown, YAML topics, XLSX), recognised from the content: the same
// promises as the plain text.
void import_layouts(const std::uint8_t* data, std::size_t size) {
  importer::TextImportOptions options;
  options.file_name = "fuzz.in";
  auto imported = importer::import_ladder(as_text(data, size), options);
  if (!imported) {
    check(!imported.error().empty(), "a refused import says why");
    return;
  }
  check(model::validate(imported->result.ladder).empty(), "an imported ladder validates");
  check(format::parse_ladder_yaml(format::to_yaml(imported->result.ladder), "import.yaml")
            .has_value(),
        "an imported ladder's YAML loads");
}

}  // namespace rung::fuzz
